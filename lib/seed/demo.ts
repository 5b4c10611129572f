// What a first `npm start` shows: the demo sections, the legacy article with its six related
// articles, the showcase of every block type (lib/seed/every-block.ts), and generated articles across
// the sections. It runs only on a database without articles,
// so calling it on every start (and from the e2e harness and the bench) is safe.
import { seedDemoContributors } from '@/lib/seed/contributors';
import { ensureGeneratedMedia } from '@/lib/seed/generated-media';
import { db } from '@/lib/db/client';
import { seedEveryBlockArticle } from '@/lib/seed/every-block';
import { generatedSpanDays, seedGeneratedArticles } from '@/lib/seed/generated';
import { seedLegacyDemo } from '@/lib/seed/legacy-demo';
import { ensureDemoSections } from '@/lib/seed/sections';

export const defaultGeneratedArticles = 200;

export async function seedDemoContent(options: { generatedArticles?: number; log?: (line: string) => void } = {}): Promise<{ seeded: boolean; articles: number }> {
  const log = options.log ?? (() => {});
  if ((await db.article.count()) > 0) return { seeded: false, articles: 0 };
  log('Seeding demo content: sections, the legacy article and its related articles...');
  const sections = await ensureDemoSections();
  let legacy: { articleId: number; articles: number };
  try {
    legacy = await seedLegacyDemo(sections.get('middle-east')!);
  } catch (error) {
    // Another process seeding the same empty database at the same moment won the race.
    if ((await db.article.count()) > 0) return { seeded: false, articles: 0 };
    throw error;
  }
  // The story model's showcase (every block type), older than the generated articles so that it does
  // not lead the fronts; its card links to the legacy article.
  // Contributors with photos (the generated pictures); the showcase's byline names two of them.
  const pictures = (await ensureGeneratedMedia()).pictures.map((picture) => picture.id);
  await db.$transaction(
    async (tx) => {
      const people = await seedDemoContributors(tx, [pictures[3]!, pictures[7]!, pictures[11]!]);
      await seedEveryBlockArticle(tx, {
        sectionId: sections.get('world')!.id,
        cardArticleId: legacy.articleId,
        publishedAt: new Date(Date.now() - (generatedSpanDays + 1) * 86_400_000),
        byline: [people.get('Amina Rahimi')!, people.get('Nadia Karimi')!],
      });
    },
    { maxWait: 60_000, timeout: 120_000 },
  );
  const generated = options.generatedArticles ?? defaultGeneratedArticles;
  if (generated > 0) {
    log(`Generating ${generated} articles...`);
    await seedGeneratedArticles(generated);
  }
  const articles = legacy.articles + 1 + generated;
  log(`Demo content ready: ${articles} articles in ${sections.size} sections.`);
  return { seeded: true, articles };
}
