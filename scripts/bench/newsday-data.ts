// Data for `npm run bench -- --scenario newsday`, read from the bench database (DATABASE_URL of this
// child): the newest articles in order (the head of the readers' Zipf curve), a sample spread over
// the whole archive (its long tail, and the old articles a crawler walks), every live section and the
// busiest tags. Prints one JSON line (NewsdayData).
import { z } from 'zod';
import { articlePath, sectionPath, tagPath } from '@/lib/articles/urls';
import { db } from '@/lib/db/client';

export type NewsdayData = { newest: string[]; archive: string[]; sections: string[]; tags: string[] };

const [newestArg = '20000', archiveArg = '20000'] = process.argv.slice(2);
const newestCount = z.coerce.number().int().min(1).parse(newestArg);
const archiveCount = z.coerce.number().int().min(1).parse(archiveArg);
const published = { status: 'published' as const, publishedAt: { lte: new Date() } };
const address = { slug: true, section: { select: { slug: true } } } as const;

const newest = await db.article.findMany({ where: published, select: address, orderBy: { publishedAt: 'desc' }, take: newestCount });

// The archive: one article at each of archiveCount points spread over the id range (ids follow the
// order of writing), read in pages of ids so that a million rows are never held at once.
const bounds = await db.article.aggregate({ where: published, _min: { id: true }, _max: { id: true } });
const low = bounds._min.id ?? 0;
const high = bounds._max.id ?? 0;
const stride = Math.max(1, Math.floor((high - low) / archiveCount));
const archive: string[] = [];
for (let from = low; from <= high && archive.length < archiveCount; from += stride * 500) {
  const rows = await db.article.findMany({ where: { ...published, id: { gte: from, lt: from + stride * 500 } }, select: { id: true, ...address }, orderBy: { id: 'asc' } });
  let next = from;
  for (const row of rows) {
    if (row.id < next) continue;
    archive.push(articlePath(row));
    next = row.id + stride;
  }
}

const sections = await db.section.findMany({ where: { retiredAt: null }, select: { slug: true }, orderBy: { position: 'asc' } });
const tags = await db.tag.findMany({ select: { slug: true }, orderBy: { articles: { _count: 'desc' } }, take: 50 });
await db.$disconnect();
const data: NewsdayData = { newest: newest.map(articlePath), archive, sections: sections.map((section) => sectionPath(section.slug)), tags: tags.map((tag) => tagPath(tag.slug)) };
console.log(JSON.stringify(data));
