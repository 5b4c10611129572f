// RSS 2.0 (https://www.rssboard.org/rss-specification) from a feed's head and entries. Titles,
// bylines and categories are plain text; the description (standfirst) and content:encoded are HTML.
import { escapeHtml, type FeedEntry, type FeedHead } from '@/lib/feeds/entry';
import { xmlDeclaration, xmlElement, xmlEmptyElement, xmlParent } from '@/lib/xml/write';

function item(entry: FeedEntry): string {
  // RSS holds one enclosure: the video for video articles, else the picture.
  const enclosure = entry.video ?? entry.image;
  return xmlParent('item', null, [
    xmlElement('title', entry.headline),
    xmlElement('link', entry.link),
    xmlElement('guid', entry.id, { isPermaLink: 'false' }),
    xmlElement('pubDate', entry.published.toUTCString()),
    entry.standfirst ? xmlElement('description', escapeHtml(entry.standfirst)) : '',
    xmlElement('content:encoded', entry.contentHtml),
    // dc:creator, not <author>: RSS's author element must be an e-mail address.
    // One per contributor, in byline order.
    ...entry.authors.map((author) => xmlElement('dc:creator', author.name)),
    ...entry.categories.map((category) => xmlElement('category', category.name, { domain: category.domain })),
    enclosure ? xmlEmptyElement('enclosure', { url: enclosure.url, length: enclosure.length, type: enclosure.type }) : '',
  ]);
}

export function rssDocument(head: FeedHead, entries: readonly FeedEntry[]): string {
  const channel = xmlParent('channel', null, [
    xmlElement('title', head.title),
    xmlElement('link', head.link),
    xmlElement('description', head.description),
    xmlElement('lastBuildDate', head.updated.toUTCString()),
    xmlElement('docs', 'https://www.rssboard.org/rss-specification'),
    xmlElement('generator', 'Lede'),
    xmlElement('language', head.language),
    xmlParent('image', null, [xmlElement('title', head.title), xmlElement('url', head.logo), xmlElement('link', head.link)]),
    xmlElement('copyright', head.copyright),
    xmlEmptyElement('atom:link', { href: head.selfLinks.rss, rel: 'self', type: 'application/rss+xml' }),
    ...entries.map(item),
  ]);
  const namespaces = {
    version: '2.0',
    'xmlns:atom': 'http://www.w3.org/2005/Atom',
    'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
    'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
  };
  return `${xmlDeclaration}${xmlParent('rss', namespaces, [channel])}\n`;
}
