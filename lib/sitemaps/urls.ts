// Sitemap URLs (docs/seo.md). /sitemap.xml is the index; the rest live under /sitemaps/ (a reserved
// section slug):
//   /sitemaps/articles/{YYYY}-{MM}.xml      articles first published that month (UTC), part 1
//   /sitemaps/articles/{YYYY}-{MM}-{n}.xml  part n ≥ 2 when a month holds more than 50,000
//   /sitemaps/sections.xml                  home and every section front
//   /sitemaps/tags-{n}.xml                  tag pages, 50,000 per file
//   /sitemaps/news.xml                      Google News: the last 48 hours, at most 1,000
/** The sitemaps protocol's ceiling per file. */
export const urlsPerSitemap = 50_000;

export type MonthChunk = { year: number; month: number; part: number };

const pad2 = (value: number): string => String(value).padStart(2, '0');

export const sitemapIndexPath = '/sitemap.xml';
export const sectionsSitemapPath = '/sitemaps/sections.xml';
export const newsSitemapPath = '/sitemaps/news.xml';
/** Every author page with a public article (one file: a newsroom has thousands of contributors, not 50,000). */
export const authorsSitemapPath = '/sitemaps/authors.xml';
export const tagsSitemapPath = (part: number): string => `/sitemaps/tags-${part}.xml`;
export const articlesSitemapPath = ({ year, month, part }: MonthChunk): string =>
  `/sitemaps/articles/${year}-${pad2(month)}${part > 1 ? `-${part}` : ''}.xml`;

const monthChunkPattern = /^(\d{4})-(\d{2})(?:-([1-9]\d{0,4}))?\.xml$/;

/** Parses "2016-11.xml" / "2016-11-2.xml"; null for anything else (the route answers 404). */
export function parseMonthChunk(name: string): MonthChunk | null {
  const match = monthChunkPattern.exec(name);
  if (!match) return null;
  const chunk = { year: Number(match[1]), month: Number(match[2]), part: match[3] ? Number(match[3]) : 1 };
  if (chunk.month < 1 || chunk.month > 12 || chunk.year < 1970) return null;
  // One URL per chunk: part 1 is spelled without a suffix, so "2016-11-1.xml" is not a sitemap.
  if (articlesSitemapPath(chunk) !== `/sitemaps/articles/${name}`) return null;
  return chunk;
}

const tagsPartPattern = /^tags-([1-9]\d{0,5})\.xml$/;
export function parseTagsPart(name: string): number | null {
  const match = tagsPartPattern.exec(name);
  return match ? Number(match[1]) : null;
}

/** The month an instant falls in (UTC), as the sitemap index groups articles and its cache tags name them: "2026-11". */
export function monthKey(at: Date): string {
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** [start, end) of a month in UTC. */
export function monthRange({ year, month }: { year: number; month: number }): { start: Date; end: Date } {
  return { start: new Date(Date.UTC(year, month - 1, 1)), end: new Date(Date.UTC(year, month, 1)) };
}
