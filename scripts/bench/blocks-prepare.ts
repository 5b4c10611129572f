// Run by scripts/bench.ts (--scenario blocks) with tsx in a process of its own, DATABASE_URL and
// MEDIA_ROOT set, after prepare.ts: writes PAIRS pairs of published articles, each a body of 20
// blocks (3 pictures, 1 embed, 2 headings, a quote, 13 paragraphs) and its twin with the same text
// as plain paragraphs, then writes their paths as JSON. Fresh slugs on every run: never cached.
import fs from 'node:fs';
import { z } from 'zod';
import type { Block, BodyDocument } from '@/lib/articles/body/schema';

const { db } = await import('@/lib/db/client');
const { articlePath } = await import('@/lib/articles/urls');
const { ensureGeneratedMedia } = await import('@/lib/seed/generated-media');
const { generateStory } = await import('@/lib/seed/prose');
const { seededRandom } = await import('@/lib/seed/random');
const { ensureContributorsByName } = await import('@/lib/contributors/ensure');
const { bodyColumns } = await import('@/lib/articles/body/columns');
const { blockTexts } = await import('@/lib/articles/body/schema');

const [pairsArg, outFile] = process.argv.slice(2);
const pairs = z.coerce.number().int().min(1).max(10_000).parse(pairsArg);
if (!outFile) throw new Error('usage: blocks-prepare.ts PAIRS OUT.json');

const media = await ensureGeneratedMedia();
const section = await db.section.findFirstOrThrow({ orderBy: { id: 'asc' }, select: { id: true, slug: true } });
const run = Date.now().toString(36);

const text = (words: string) => [{ type: 'text' as const, text: words }];

/** 20 blocks: the story's paragraphs (cycled to 13), 2 headings, a quote, 3 pictures, a YouTube embed. */
function blockBody(paragraphs: readonly string[], pictureIds: readonly number[]): BodyDocument {
  const para = (n: number): Block => ({ type: 'paragraph', content: text(paragraphs[n % paragraphs.length]!) });
  const picture = (n: number): Block => ({ type: 'picture', mediaId: pictureIds[n]!, alt: `Bench picture ${n + 1}`, caption: 'A caption under the picture.', credit: 'Bench' });
  const blocks: Block[] = [
    para(0), para(1), picture(0), para(2), { type: 'heading', level: 2, content: text('What happened next') }, para(3), para(4),
    { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'The statement' },
    para(5), para(6), picture(1), para(7), { type: 'quote', paragraphs: [text(paragraphs[0]!)], attribution: 'A spokesperson' },
    { type: 'heading', level: 2, content: text('Reaction') }, para(8), para(9), picture(2), para(10), para(11), para(12),
  ];
  return { version: 1, blocks };
}

/** The same words, every block's text as a paragraph of its own: the page a plain body would make. */
function plainTwin(body: BodyDocument): BodyDocument {
  const blocks: Block[] = [];
  for (const block of body.blocks) for (const run of blockTexts(block)) blocks.push({ type: 'paragraph', content: text(run) });
  return { version: 1, blocks };
}

const blockPaths: string[] = [];
const plainPaths: string[] = [];
const publishedAt = new Date(Date.now() - 60_000);
for (let index = 0; index < pairs; index += 1) {
  const random = seededRandom(index + 1);
  const story = generateStory(section.slug, random, false);
  const pictures = [0, 1, 2].map(() => random.pick(media.pictures).id);
  const blocks = blockBody(story.paragraphs, pictures);
  for (const [kind, body] of [['blocks', blocks], ['plain', plainTwin(blocks)]] as const) {
    const row = await db.article.create({
      data: {
        slug: `bench-${kind}-${run}-${index}`,
        headline: story.headline,
        standfirst: story.standfirst,
        kicker: story.kicker,
        // The byline as a real article has it: its contributor (made once, by name).
        contributors: { create: [{ contributorId: (await db.$transaction((tx) => ensureContributorsByName(tx, [story.byline]))).get(story.byline)!, position: 0 }] },
        ...bodyColumns(body),
        status: 'published',
        publishedAt,
        modifiedAt: publishedAt,
        sectionId: section.id,
        leadMediaId: pictures[0]!,
      },
      select: { slug: true, section: { select: { slug: true } } },
    });
    (kind === 'blocks' ? blockPaths : plainPaths).push(articlePath(row));
  }
}
await db.$disconnect();
fs.writeFileSync(outFile, JSON.stringify({ blockPaths, plainPaths }));
