// Generated articles, for the demo site (200) and for load (npm run db:seed -- --articles 1000000).
// Batches of raw multi-row INSERTs in one transaction each, so memory stays flat and a million rows
// take minutes. Content comes from a PRNG seeded by the article's id: the same database grows the same
// articles on every run, and slugs end in the id, so repeated runs never collide.
import { db } from '@/lib/db/client';
import type { Section } from '@/lib/generated/prisma/client';
import { headlineSlug } from '@/lib/articles/slug';
import { insertArticleContributors, insertArticles, insertArticleTags, insertRelatedLinks, reserveArticleIds, takenSlugs, type BulkArticle, type BulkRelatedLink } from '@/lib/articles/bulk';
import { paragraphsToBody } from '@/lib/legacy/body';
import { ensureTags } from '@/lib/tags/commands';
import { recordEverythingRefresh } from '@/lib/cache/refresh';
import { ensureGeneratedMedia } from '@/lib/seed/generated-media';
import { generateStory, generatedPeople, generatedTagNames } from '@/lib/seed/prose';
import { ensureContributorsByName } from '@/lib/contributors/ensure';
import { seededRandom } from '@/lib/seed/random';
import { ensureDemoSections } from '@/lib/seed/sections';

const dayMs = 86_400_000;
/** Generated articles are spread over this many days before now (none in the future). */
export const generatedSpanDays = 90;

export type GeneratedOptions = { batchSize?: number; onProgress?: (done: number) => void; now?: Date };

export async function seedGeneratedArticles(count: number, options: GeneratedOptions = {}): Promise<void> {
  if (!Number.isInteger(count) || count <= 0) return;
  const batchSize = Math.max(1, options.batchSize ?? 2_000);
  let sections: Section[] = await db.section.findMany({ orderBy: [{ position: 'asc' }, { id: 'asc' }] });
  if (!sections.length) sections = [...(await ensureDemoSections()).values()];
  const media = await ensureGeneratedMedia();
  const tagIds = new Map((await ensureTags(generatedTagNames)).map((tag) => [tag.name, tag.id]));
  const contributorIds = await db.$transaction((tx) => ensureContributorsByName(tx, generatedPeople));
  const now = options.now ?? new Date();
  const start = now.getTime() - generatedSpanDays * dayMs;
  const slot = (generatedSpanDays * dayMs) / count;

  for (let done = 0; done < count; done += batchSize) {
    const size = Math.min(batchSize, count - done);
    await db.$transaction(
      async (tx) => {
        const firstId = await reserveArticleIds(tx);
        const articles: BulkArticle[] = [];
        const tags: { articleId: number; tagId: number; position: number }[] = [];
        const bylines: { articleId: number; contributorId: number; position: number }[] = [];
        const links: BulkRelatedLink[] = [];
        for (let offset = 0; offset < size; offset += 1) {
          const id = firstId + offset;
          const random = seededRandom(id);
          const section = random.pick(sections);
          const video = random.chance(0.1);
          const story = generateStory(section.slug, random, video);
          const { body, bodyText, wordCount } = paragraphsToBody(story.paragraphs);
          // Oldest first, so ids grow with time like a real archive; jitter stays inside the slot.
          const at = Math.min(now.getTime() - 1000, start + (done + offset + 0.5 + (random.next() - 0.5) * 0.9) * slot);
          const publishedAt = new Date(Math.round(at));
          articles.push({
            id,
            slug: `${headlineSlug(story.headline).slice(0, 70).replace(/-+$/, '')}-${id}`,
            kicker: story.kicker,
            headline: story.headline,
            standfirst: story.standfirst,
            body,
            bodyText,
            wordCount,
            sourceCredit: story.sourceCredit,
            status: 'published',
            contentType: video ? 'video' : 'text',
            sectionId: section.id,
            leadMediaId: video ? media.video.id : random.pick(media.pictures).id,
            publishedAt,
            modifiedAt: publishedAt,
          });
          story.tags.forEach((name, position) => tags.push({ articleId: id, tagId: tagIds.get(name)!, position }));
          bylines.push({ articleId: id, contributorId: contributorIds.get(story.byline)!, position: 0 });
          // About one in five links to up to three earlier stories of the batch.
          if (offset >= 3 && random.chance(0.2)) {
            const targets = new Set<number>();
            for (let n = random.int(1, 3); n > 0; n -= 1) targets.add(random.int(0, offset - 1));
            [...targets].forEach((index, position) => {
              const target = articles[index]!;
              links.push({ articleId: id, position, targetArticleId: target.id, kicker: target.kicker, title: target.headline, contentType: target.contentType, mediaId: target.leadMediaId });
            });
          }
        }
        // Slugs end in a fresh id, but an editor may have chosen one like it: move those aside.
        const taken = await takenSlugs(tx, articles.map((article) => article.slug));
        for (const article of articles) while (taken.has(article.slug)) article.slug = `${article.slug}-g`;
        await insertArticles(tx, articles, now);
        await insertArticleTags(tx, tags);
        await insertArticleContributors(tx, bylines);
        await insertRelatedLinks(tx, links, now);
        // Fronts, tags, feeds and sitemaps of a running app change with each batch: its refresh goes
        // in with it (the outbox), so `npm run db:seed` beside a running app needs no restart.
        await recordEverythingRefresh(tx);
      },
      { maxWait: 60_000, timeout: 600_000 },
    );
    options.onProgress?.(done + size);
  }
}
