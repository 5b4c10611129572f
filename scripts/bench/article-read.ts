// The public article page's database path against the full selection (what it read before commit 5e0ad7d),
// in one process: each article read with both, interleaved, order alternating; CPU per read from
// process.cpuUsage. `DATABASE_URL=… npx tsx scripts/bench/article-read.ts [reads] [id offset]`
// (docs/benchmarks.md, "The uncached article render").
import { db } from '@/lib/db/client';
import { articleSelect, publicArticleSelect } from '@/lib/articles/select';
const n = Number(process.argv[2] ?? 300);
const max = (await db.article.aggregate({ _max: { id: true } }))._max.id!;
const step = Math.floor(max / (n + 10));
const slugs: string[] = [];
for (let i = 0; slugs.length < n && i < n * 2; i++) {
  const row = await db.article.findFirst({ where: { id: { gte: 1 + i * step + Number(process.argv[3] ?? 0) } }, orderBy: { id: 'asc' }, select: { slug: true } });
  if (row) slugs.push(row.slug);
}
const before = async (slug: string) => db.article.findUnique({ where: { slug }, select: articleSelect });
const after = async (slug: string) => {
  const row = await db.article.findUnique({ where: { slug }, select: publicArticleSelect });
  if (row?.relatedLinks.length) await db.relatedLink.findMany({ where: { articleId: row.id }, orderBy: articleSelect.relatedLinks.orderBy, select: articleSelect.relatedLinks.select });
  return row;
};
const cpu = { before: 0, after: 0 }, wall = { before: [] as number[], after: [] as number[] };
for (const [i, slug] of slugs.entries()) {
  const order = i % 2 ? (['before', 'after'] as const) : (['after', 'before'] as const);
  for (const which of order) {
    const c = process.cpuUsage(); const t = performance.now();
    await (which === 'before' ? before(slug) : after(slug));
    wall[which].push(performance.now() - t); const d = process.cpuUsage(c); cpu[which] += (d.user + d.system) / 1000;
  }
}
const p50 = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
console.log(JSON.stringify({ n: slugs.length, cpuMsPerRead: { before: +(cpu.before / n).toFixed(3), after: +(cpu.after / n).toFixed(3) }, wallP50: { before: +p50(wall.before).toFixed(3), after: +p50(wall.after).toFixed(3) }, load: (await import('node:fs')).readFileSync('/proc/loadavg', 'utf8').trim() }));
await db.$disconnect();
