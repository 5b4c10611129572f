// RSS 2.0 and Atom 1.0 documents, written through lib/xml/write.ts like the sitemaps: every stored
// text (headline, standfirst, byline, section and tag names) is escaped by the one writer, so no
// character a newsroom field may hold can make a feed malformed. (The `feed` package was dropped: it
// escaped only "&" in category labels, so a "<" in a tag name broke every Atom feed listing it.)
// Every link is absolute; the item id is a tag: URI built from the article id, so a slug edit never
// shows readers the story twice.
import { config } from '@/lib/config';
import { absoluteUrl } from '@/lib/articles/urls';
import { atomDocument } from '@/lib/feeds/atom';
import { feedEntry, type FeedHead } from '@/lib/feeds/entry';
import type { FeedData } from '@/lib/feeds/queries';
import { rssDocument } from '@/lib/feeds/rss';
import { feedPath, type FeedFormat, type FeedScope } from '@/lib/feeds/urls';
import { publisherLogo } from '@/lib/seo/site';

export function buildFeed(data: FeedData, scope: FeedScope, format: FeedFormat): string {
  const newest = data.items.reduce<string | null>((latest, item) => (!latest || item.modifiedAt > latest ? item.modifiedAt : latest), null);
  const head: FeedHead = {
    id: absoluteUrl(data.pagePath),
    title: data.title,
    description: data.description,
    link: absoluteUrl(data.pagePath),
    selfLinks: { rss: absoluteUrl(feedPath(scope, 'rss')), atom: absoluteUrl(feedPath(scope, 'atom')) },
    logo: absoluteUrl(publisherLogo.path),
    icon: absoluteUrl('/favicon.ico'),
    copyright: `© ${config.SITE_NAME}`,
    language: config.SITE_LANGUAGE,
    updated: newest ? new Date(newest) : new Date(0),
  };
  const entries = data.items.map((item) => feedEntry(item, data.references));
  return format === 'rss' ? rssDocument(head, entries) : atomDocument(head, entries);
}

export const feedContentTypes: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};
