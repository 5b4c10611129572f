// Cache tag names: the one vocabulary shared by the read model (which tags what it loads) and the
// refresh function (which expires what a change touches). docs/caching.md explains the design.
export const cacheTags = {
  /** The home page's lists. */
  home: 'home',
  /** The section list (navigation on every page). */
  sections: 'sections',
  /** The breaking-news banner shown on every public page. */
  breaking: 'breaking',
  /** Site-wide feeds and sitemaps. */
  feeds: 'feeds',
  /** The sitemap index's list of months and the small sitemap reads (lib/sitemaps/cached.ts). */
  sitemaps: 'sitemaps',
  /** Every month's summary in the sitemap index (bulk changes: imports, restores). */
  sitemapMonths: 'sitemap-months',
  /** One month's summary in the sitemap index (its count and latest change), "2026-11": recorded
   * when an article dated in that month changes, so a publish recounts its own month only. */
  sitemapMonth: (month: string) => `sitemap-month:${month}`,
  /** The "most read" panel (home and every article page): expired only when its ranking changes
   * (lib/audience/most-read.ts) or an article in it leaves the public site (lib/articles/changes.ts). */
  mostRead: 'most-read',
  /** On no page: recorded in the outbox when an article is scheduled, so that every instance's due
   * trigger looks again (lib/articles/scheduling/due-trigger.ts). */
  schedules: 'schedules',
  /** One article: its own page, every page that shows it as a related link, and every page whose body
   * shows it as an article card (lib/articles/page-references.ts). */
  article: (id: number) => `article:${id}`,
  /** One media item: every page whose body shows it as a picture or video block (lib/articles/page-references.ts).
   * Media is written once and deleted only while unused, so no write records it yet: it is there so
   * that a future edit of alt text or credit has one tag to refresh. */
  media: (id: number) => `media:${id}`,
  /** A section front and all its older/newer pages. */
  section: (slug: string) => `section:${slug}`,
  /** On no page: every answer the path resolver remembers about a path under /{slug} (a front, its
   * pages, an article there) is filed under it; a section's rename records it for the old and new slug. */
  sectionAddresses: (slug: string) => `section-addresses:${slug}`,
  /** A curated front's arrangement ("home" or a section's slug): on the page that shows it, recorded
   * when the front is saved and when a pinned article leaves the public site (lib/articles/changes.ts). */
  front: (address: string) => `front:${address}`,
  /** A tag page and all its older/newer pages. */
  tag: (slug: string) => `tag:${slug}`,
  /** One contributor's profile wherever it shows: the bylines of article pages, the author page and
   * its feeds, and the path resolver's answers about /author/{slug} (recorded when the profile changes). */
  contributor: (id: number) => `contributor:${id}`,
  /** One contributor's list of articles: the author page, its older/newer pages and its feeds
   * (recorded when an article with that contributor in its byline changes). */
  author: (id: number) => `author:${id}`,
} as const;

/** Next's tag for a URL path (what revalidatePath expires): `_N_T_` + the path. */
export const PATH_TAG_PREFIX = '_N_T_';

export function pathTag(path: string): string {
  return `${PATH_TAG_PREFIX}${path}`;
}

/** The root layout's path tag: on every page, so its refresh expires them all (imports, restores). */
export const everyPageTag = pathTag('/layout');
