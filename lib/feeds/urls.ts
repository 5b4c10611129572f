// Feed URLs (docs/seo.md): everything lives under /feeds/ (a reserved section slug), so no feed URL
// can collide with an article at /{section}/{slug} or a section front at /{section}.
//   /feeds/rss.xml, /feeds/atom.xml                       the whole site
//   /feeds/{section}/rss.xml, /feeds/{section}/atom.xml   one section
//   /feeds/tag/{tag}/rss.xml, /feeds/tag/{tag}/atom.xml   one tag ("tag" is a reserved section slug)
//   /feeds/author/{slug}/rss.xml, …/atom.xml              one contributor ("author" is reserved too)

export type FeedFormat = 'rss' | 'atom';
export type FeedScope = { kind: 'site' } | { kind: 'section'; slug: string } | { kind: 'tag'; slug: string } | { kind: 'author'; slug: string };

export const feedFormats: readonly FeedFormat[] = ['rss', 'atom'];
export const feedFileNames: Readonly<Record<FeedFormat, string>> = { rss: 'rss.xml', atom: 'atom.xml' };
export const feedMimeTypes: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
};

export function feedPath(scope: FeedScope, format: FeedFormat): string {
  const file = feedFileNames[format];
  switch (scope.kind) {
    case 'site':
      return `/feeds/${file}`;
    case 'section':
      return `/feeds/${scope.slug}/${file}`;
    case 'tag':
      return `/feeds/tag/${scope.slug}/${file}`;
    case 'author':
      return `/feeds/author/${encodeURIComponent(scope.slug)}/${file}`;
  }
}

/** "rss.xml" → "rss"; anything else → null (the route answers 404). */
export function feedFormatFromFileName(name: string): FeedFormat | null {
  for (const format of feedFormats) if (feedFileNames[format] === name) return format;
  return null;
}
