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
  sitemaps: 'sitemaps',
  /** On no page: recorded in the outbox when an article is scheduled, so that every instance's due
   * trigger looks again (lib/articles/scheduling/due-trigger.ts). */
  schedules: 'schedules',
  /** On no page: recorded when an article's slug moved, so that every instance's proxy reads its set of
   * old slugs again (lib/routing/moved-slugs.ts); other refreshes leave that set alone. */
  oldSlugs: 'old-slugs',
  /** One article: its own page and every page that shows it as a related link. */
  article: (id: number) => `article:${id}`,
  /** A section front and all its older/newer pages. */
  section: (slug: string) => `section:${slug}`,
  /** A tag page and all its older/newer pages. */
  tag: (slug: string) => `tag:${slug}`,
} as const;
