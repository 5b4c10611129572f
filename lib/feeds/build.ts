// RSS 2.0 and Atom 1.0 documents through the `feed` package. Every link is absolute; the item id is
// a tag: URI built from the article id, so a slug edit never shows readers the story twice.
import { Feed, type Item } from 'feed';
import { config } from '@/lib/config';
import { absoluteUrl } from '@/lib/articles/urls';
import type { FeedData, FeedEnclosure, FeedItem } from '@/lib/feeds/queries';
import { feedPath, type FeedFormat, type FeedScope } from '@/lib/feeds/urls';
import { publisherLogo } from '@/lib/seo/site';
import { xmlSafeText } from '@/lib/seo/text';

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The feed package writes titles and content as CDATA: "]]>" inside would end it early. */
const cdataSafe = (text: string): string => xmlSafeText(text).replace(/\]\]>/g, ']]&gt;');

/** Root-relative src/href in the stored body become absolute: feed readers have no base URL. */
export function absolutiseHtml(html: string): string {
  return html.replace(/\b(src|href|poster)=(["'])\/(?!\/)/g, (_match, attribute: string, quote: string) => `${attribute}=${quote}${absoluteUrl('/')}`);
}

export function articleTagUri(id: number): string {
  return `tag:${new URL(config.SITE_URL).hostname},2016:article:${id}`;
}

function enclosure(file: FeedEnclosure) {
  return { url: absoluteUrl(file.path), type: file.mimeType, length: file.bytes ?? 0 };
}

function item(article: FeedItem, format: FeedFormat): Item {
  const url = absoluteUrl(article.path);
  // Atom titles are declared type="html": the text must be escaped there; RSS titles are plain text.
  const title = format === 'atom' ? escapeHtml(article.headline) : article.headline;
  const summary = article.standfirst ? escapeHtml(article.standfirst) : undefined;
  return {
    title: cdataSafe(title),
    id: articleTagUri(article.id),
    link: url,
    date: new Date(article.modifiedAt),
    published: new Date(article.publishedAt),
    description: summary ? cdataSafe(summary) : undefined,
    // An article published with no body yet (a short breaking item) still says what it is.
    content: cdataSafe(article.body.trim() ? absolutiseHtml(article.body) : `<p>${escapeHtml(article.standfirst || article.headline)}</p>`),
    author: article.byline ? [{ name: cdataSafe(article.byline) }] : undefined,
    category: [
      { name: article.section.name, domain: absoluteUrl(`/${article.section.slug}`), term: article.section.slug },
      ...article.tags.map((tag) => ({ name: tag.name, domain: absoluteUrl(`/tag/${tag.slug}`), term: tag.slug })),
    ],
    // RSS holds one enclosure: the video for video articles, else the picture. Atom lists both.
    image: article.image ? enclosure(article.image) : undefined,
    video: article.video ? enclosure(article.video) : undefined,
  };
}

export function buildFeed(data: FeedData, scope: FeedScope, format: FeedFormat): string {
  const newest = data.items.reduce<string | null>((latest, entry) => (!latest || entry.modifiedAt > latest ? entry.modifiedAt : latest), null);
  const feed = new Feed({
    id: absoluteUrl(data.pagePath),
    link: absoluteUrl(data.pagePath),
    title: cdataSafe(data.title),
    description: cdataSafe(data.description),
    language: config.SITE_LANGUAGE,
    image: absoluteUrl(publisherLogo.path),
    favicon: absoluteUrl('/favicon.ico'),
    copyright: `© ${config.SITE_NAME}`,
    // The newest change among the items, not "now": an unchanged feed keeps its date.
    updated: newest ? new Date(newest) : new Date(0),
    generator: 'Lede',
    feedLinks: { rss: absoluteUrl(feedPath(scope, 'rss')), atom: absoluteUrl(feedPath(scope, 'atom')) },
  });
  for (const article of data.items) feed.addItem(item(article, format));
  return format === 'rss' ? feed.rss2() : fixAtomEnclosureTypes(feed.atom1());
}

// feed 6's Atom writer ignores the enclosure's type and derives "image/{extension}" from the URL,
// which names .jpg and .mov wrongly; these are the registered types.
const registeredTypes: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'video/mov': 'video/quicktime',
  'video/m4v': 'video/x-m4v',
};
function fixAtomEnclosureTypes(xml: string): string {
  return xml.replace(/(<link rel="enclosure"[^>]*? type=")([^"]+)"/g, (_match, head: string, type: string) => `${head}${registeredTypes[type] ?? type}"`);
}

export const feedContentTypes: Readonly<Record<FeedFormat, string>> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};
