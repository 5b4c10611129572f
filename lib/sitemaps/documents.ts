// Whole sitemap documents as async sequences of XML pieces: the route handlers stream them.
import { absoluteUrl } from '@/lib/articles/urls';
import {
  articleSitemapEntries,
  sectionSitemapEntries,
  tagSitemapEntries,
  type MonthSummary,
  type Paging,
} from '@/lib/sitemaps/queries';
import { listAuthorsForSitemap } from '@/lib/contributors/queries';
import {
  articlesSitemapPath,
  authorsSitemapPath,
  newsSitemapPath,
  sectionsSitemapPath,
  tagsSitemapPath,
  urlsPerSitemap,
  type MonthChunk,
} from '@/lib/sitemaps/urls';
import {
  newsUrlXml,
  newsUrlsetOpen,
  sitemapIndexClose,
  sitemapIndexOpen,
  sitemapXml,
  urlXml,
  urlsetClose,
  urlsetOpen,
  type IndexEntry,
  type NewsEntry,
  type SitemapEntry,
} from '@/lib/sitemaps/xml';

/** The month parts a month needs (1 up to 50,000 articles, 2 up to 100,000, ...). */
export function monthChunks(month: MonthSummary, perFile: number = urlsPerSitemap): MonthChunk[] {
  const parts = Math.max(1, Math.ceil(month.count / perFile));
  return Array.from({ length: parts }, (_, index) => ({ year: month.year, month: month.month, part: index + 1 }));
}

/** True when the chunk names a part that exists (a month with articles, a part within its count). */
export function chunkExists(months: readonly MonthSummary[], chunk: MonthChunk): boolean {
  const month = months.find((candidate) => candidate.year === chunk.year && candidate.month === chunk.month);
  return !!month && chunk.part <= monthChunks(month).length;
}

/** The index entries: sections, news, authors, tag parts, then every article month part, newest month first. */
export function sitemapIndexEntries(months: readonly MonthSummary[], tagParts: number, perFile: number = urlsPerSitemap): IndexEntry[] {
  const newest = months.at(-1)?.lastmod ?? null;
  const entries: IndexEntry[] = [
    { loc: absoluteUrl(sectionsSitemapPath), lastmod: newest },
    { loc: absoluteUrl(newsSitemapPath), lastmod: newest },
    { loc: absoluteUrl(authorsSitemapPath) },
  ];
  for (let part = 1; part <= tagParts; part += 1) entries.push({ loc: absoluteUrl(tagsSitemapPath(part)) });
  for (const month of [...months].reverse()) {
    for (const chunk of monthChunks(month, perFile)) entries.push({ loc: absoluteUrl(articlesSitemapPath(chunk)), lastmod: month.lastmod });
  }
  return entries;
}

export async function* sitemapIndexDocument(entries: Iterable<IndexEntry>): AsyncGenerator<string> {
  yield sitemapIndexOpen;
  for (const entry of entries) yield sitemapXml(entry);
  yield sitemapIndexClose;
}

export async function* urlsetDocument(entries: AsyncIterable<SitemapEntry>): AsyncGenerator<string> {
  yield urlsetOpen;
  for await (const entry of entries) yield urlXml(entry);
  yield urlsetClose;
}

export const articlesDocument = (chunk: MonthChunk, now?: Date, paging?: Paging) => urlsetDocument(articleSitemapEntries(chunk, now, paging));
export const sectionsDocument = (now?: Date) => urlsetDocument(sectionSitemapEntries(now));
export const tagsDocument = (part: number, now?: Date) => urlsetDocument(tagSitemapEntries(part, now));

/** Author pages: each contributor with a public article, lastmod the newer of the profile's change and their newest story. */
export async function* authorSitemapEntries(now: Date = new Date()): AsyncGenerator<SitemapEntry> {
  for (const author of await listAuthorsForSitemap(now)) yield { loc: absoluteUrl(author.path), lastmod: author.lastModified };
}
export const authorsDocument = (now?: Date) => urlsetDocument(authorSitemapEntries(now));

export async function* newsDocument(entries: readonly NewsEntry[]): AsyncGenerator<string> {
  yield newsUrlsetOpen;
  for (const entry of entries) yield newsUrlXml(entry);
  yield urlsetClose;
}

/** Collects a document into one string (tests and small documents only). */
export async function documentText(pieces: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const piece of pieces) text += piece;
  return text;
}
