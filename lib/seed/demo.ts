// What a first `npm start` shows: the demo sections, the legacy article with its six related
// articles, and generated articles across the sections. It runs only on a database without articles,
// so calling it on every start (and from the e2e harness and the bench) is safe.
import { db } from '@/lib/db/client';
import { seedGeneratedArticles } from '@/lib/seed/generated';
import { seedLegacyDemo } from '@/lib/seed/legacy-demo';
import { ensureDemoSections } from '@/lib/seed/sections';

export const defaultGeneratedArticles = 200;

export async function seedDemoContent(options: { generatedArticles?: number; log?: (line: string) => void } = {}): Promise<{ seeded: boolean; articles: number }> {
  const log = options.log ?? (() => {});
  if ((await db.article.count()) > 0) return { seeded: false, articles: 0 };
  log('Seeding demo content: sections, the legacy article and its related articles...');
  const sections = await ensureDemoSections();
  let legacy: { articles: number };
  try {
    legacy = await seedLegacyDemo(sections.get('middle-east')!);
  } catch (error) {
    // Another process seeding the same empty database at the same moment won the race.
    if ((await db.article.count()) > 0) return { seeded: false, articles: 0 };
    throw error;
  }
  const generated = options.generatedArticles ?? defaultGeneratedArticles;
  if (generated > 0) {
    log(`Generating ${generated} articles...`);
    await seedGeneratedArticles(generated);
  }
  log(`Demo content ready: ${legacy.articles + generated} articles in ${sections.size} sections.`);
  return { seeded: true, articles: legacy.articles + generated };
}
