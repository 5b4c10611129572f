// `npm run bench -- --scenario media-uses [--articles N] [--database sqlite|postgres]`: what the
// media-use check (deleting media, its confirmation page) costs as the site grows (decision 0024).
// On a throwaway database (DATABASE_URL set by scripts/bench.ts) it writes N articles of six blocks,
// one in ten showing a picture, then times, alternating, 20 rounds each: the check as it was (a JSON
// scan of every body: json_each / jsonb_array_elements, kept here only to compare) and the check
// now (findMediaUses, which reads the MediaUse index), for a picture one article uses. It also times
// 200 saves of a body with a picture, which now write the index through the triggers. It prints
// medians and the ratio of the two checks. A benchmark: it reports, it does not assert.
import { performance } from 'node:perf_hooks';

const articles = Number(process.argv[2] ?? '100000');
const { applyMigrations } = await import('@/lib/db/migrate');
await applyMigrations();
const { db } = await import('@/lib/db/client');
const { onPostgres, parameters } = await import('@/lib/db/dialect');
const { findMediaUses } = await import('@/lib/media/usage');
const { createArticle, updateArticle } = await import('@/lib/articles/commands/save');
const { bodyColumns } = await import('@/lib/articles/body/columns');

const say = (line: string) => console.log(`[bench] ${line}`);
const section = await db.section.upsert({ where: { slug: 'bench' }, create: { slug: 'bench', name: 'Bench' }, update: {} });
const editor = await db.user.upsert({ where: { email: 'bench-media@localhost' }, create: { email: 'bench-media@localhost', passwordHash: 'x', role: 'editor' }, update: {} });
const pictures = await Promise.all(
  Array.from({ length: 100 }, (_, index) => db.media.upsert({ where: { path: `bench/${index}.jpg` }, create: { kind: 'image', path: `bench/${index}.jpg`, mimeType: 'image/jpeg', alt: 'x' }, update: {} })),
);
const paragraph = (text: string) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] });
const bodyOf = (n: number) => ({
  version: 1 as const,
  blocks: [
    paragraph(`Paragraph one of article ${n}, with enough words to look like a story.`),
    { type: 'heading' as const, level: 2 as const, content: [{ type: 'text' as const, text: 'A subheading' }] },
    paragraph('Paragraph two: more words, a quote, a figure.'),
    ...(n % 10 === 0 ? [{ type: 'picture' as const, mediaId: pictures[n % 100]!.id, alt: 'A picture', caption: '', credit: '' }] : [paragraph('No picture here.')]),
    paragraph('Paragraph three.'),
    paragraph('Paragraph four, the end.'),
  ],
});

const have = await db.article.count();
if (have < articles) {
  const started = performance.now();
  for (let from = have; from < articles; from += 1000) {
    const rows = Array.from({ length: Math.min(1000, articles - from) }, (_, index) => {
      const n = from + index;
      return { slug: `bench-media-${n}`, headline: `Bench ${n}`, sectionId: section.id, ...bodyColumns(bodyOf(n)) };
    });
    await db.article.createMany({ data: rows });
  }
  say(`wrote ${(articles - have).toLocaleString('en')} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
say(`${(await db.article.count()).toLocaleString('en')} articles, ${(await db.mediaUse.count()).toLocaleString('en')} MediaUse rows (${onPostgres() ? 'PostgreSQL' : 'SQLite'})`);

// The check before decision 0024, as lib/media/usage.ts had it.
async function scanBodies(mediaIds: number[]) {
  return onPostgres()
    ? db.$queryRawUnsafe(`SELECT DISTINCT a."id", a."headline" FROM "Article" a, jsonb_array_elements(a."body"->'blocks') AS b(value)
         WHERE b.value->>'type' IN ('picture', 'video') AND b.value->>'mediaId' IN (${parameters(mediaIds.length)}) ORDER BY a."id"`, ...mediaIds.map(String))
    : db.$queryRawUnsafe(`SELECT DISTINCT a."id", a."headline" FROM "Article" a, json_each(a."body", '$.blocks') AS b
         WHERE json_extract(b.value, '$.type') IN ('picture', 'video') AND json_extract(b.value, '$.mediaId') IN (${parameters(mediaIds.length)}) ORDER BY a."id"`, ...mediaIds);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
// Picture 10 is in the body of every article whose number ends in 10: 1 in 100 articles.
const target = [pictures[10]!.id];
const before: number[] = [];
const after: number[] = [];
let found = [0, 0];
for (let round = 0; round < 20; round++) {
  let started = performance.now();
  found[0] = ((await scanBodies(target)) as unknown[]).length;
  before.push(performance.now() - started);
  started = performance.now();
  found[1] = (await findMediaUses(target)).length;
  after.push(performance.now() - started);
}
say(`media-use check, scan of every body (before): median ${median(before).toFixed(2)} ms (${found[0]} articles)`);
say(`media-use check, MediaUse index (now):         median ${median(after).toFixed(2)} ms (${found[1]} uses)`);
say(`ratio before/now: ${(median(before) / median(after)).toFixed(1)}×`);

const { id } = await createArticle(editor, { headline: 'Bench saves', kicker: '', standfirst: '', sectionId: section.id, tags: '', leadMediaId: null, body: bodyOf(0) });
const saves: number[] = [];
for (let version = 1; version <= 200; version++) {
  const started = performance.now();
  const result = await updateArticle(editor, id, { headline: 'Bench saves', kicker: '', standfirst: '', sectionId: section.id, tags: '', leadMediaId: null, body: bodyOf(version * 10), version });
  saves.push(performance.now() - started);
  if (!result.ok) throw new Error('conflict');
}
say(`save of a body with a picture (index written by the triggers): median ${median(saves).toFixed(2)} ms over 200`);
await db.$disconnect();
