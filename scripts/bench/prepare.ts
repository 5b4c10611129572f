// Run by scripts/bench.ts with tsx in a process of its own, with DATABASE_URL and MEDIA_ROOT set:
// makes sure the bench database holds at least --articles articles (demo content first, generated
// ones for the rest; kept between runs), then picks the pages to measure and writes them as JSON.
import fs from 'node:fs';
import { z } from 'zod';

const { prepareSite } = await import('../support/prepare-site');
const { seedGeneratedArticles } = await import('@/lib/seed/generated');
const { db } = await import('@/lib/db/client');
const { onPostgres } = await import('@/lib/db/dialect');
const { articlePath, sectionPath } = await import('@/lib/articles/urls');

const [wantedArg, outFile, missesArg] = process.argv.slice(2);
const wanted = z.coerce.number().int().min(0).parse(wantedArg);
const missCount = z.coerce.number().int().min(1).parse(missesArg);
if (!outFile) throw new Error('usage: prepare.ts ARTICLES OUT.json MISSES');

const say = (line: string) => console.log(`[bench] ${line}`);

await prepareSite({ log: say });
const present = await db.article.count();
if (present < wanted) {
  const missing = wanted - present;
  say(`The bench database holds ${present} articles: generating ${missing} more (done once, kept for later runs).`);
  const started = Date.now();
  let lastLine = 0;
  await seedGeneratedArticles(missing, {
    onProgress: (done: number) => {
      if (Date.now() - lastLine < 500 && done < missing) return;
      lastLine = Date.now();
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(`\r[bench] generated ${done}/${missing} (${Math.round(done / Math.max(seconds, 0.001))}/s)   `);
    },
  });
  process.stderr.write('\n');
}
const total = await db.article.count();
say(`The bench database holds ${total} articles.`);
if (onPostgres() && present < wanted) {
  // The planner's statistics, as autovacuum would gather them after a bulk load on a production
  // server (it is off on this machine's): without them PostgreSQL cannot tell a common word from a
  // rare one, nor a big table from a small one, and search and the fronts get plans for neither.
  say('Gathering the planner\'s statistics (ANALYZE)…');
  await db.$executeRawUnsafe('ANALYZE');
}

const published = { status: 'published' as const, publishedAt: { lte: new Date() } };
const cardFields = { id: true, slug: true, section: { select: { slug: true } } } as const;

// (a) A typical article page: the legacy demo article (a video with related links) when present.
const article =
  (await db.article.findFirst({ where: { ...published, legacyId: { not: null }, relatedLinks: { some: {} } }, select: cardFields, orderBy: { id: 'asc' } })) ??
  (await db.article.findFirstOrThrow({ where: published, select: cardFields, orderBy: { publishedAt: 'desc' } }));

// (b) The busiest section's front.
const groups = await db.article.groupBy({ by: ['sectionId'], where: published, _count: { _all: true } });
const busiest = groups.sort((a, b) => b._count._all - a._count._all)[0];
if (!busiest) throw new Error('No published article in the bench database.');
const section = await db.section.findUniqueOrThrow({ where: { id: busiest.sectionId }, select: { slug: true } });

// (c) Articles spread evenly over the id range, from a random starting point so that two runs do not
// pick the same ones even if a cache survived.
const bounds = await db.article.aggregate({ where: published, _min: { id: true }, _max: { id: true } });
const low = bounds._min.id ?? 0;
const high = bounds._max.id ?? 0;
const step = Math.max(1, (high - low) / missCount);
const offset = Math.random() * step;
const missPaths = new Set<string>();
for (let index = 0; index < missCount; index++) {
  const target = Math.floor(low + offset + index * step);
  const found = await db.article.findFirst({ where: { ...published, id: { gte: target }, NOT: { id: article.id } }, select: cardFields, orderBy: { id: 'asc' } });
  if (found) missPaths.add(articlePath(found));
}

await db.$disconnect();
fs.writeFileSync(
  outFile,
  JSON.stringify({ articles: total, articlePath: articlePath(article), sectionPath: sectionPath(section.slug), missPaths: [...missPaths] }),
);
