// One article as both feed formats need it (lib/feeds/rss.ts, lib/feeds/atom.ts): text as stored,
// HTML ready, URLs absolute. The writers escape; nothing here does XML.
import { config } from '@/lib/config';
import { absoluteUrl } from '@/lib/articles/urls';
import type { BodyDocument } from '@/lib/articles/body/schema';
import { blockPlainText } from '@/lib/articles/body/text';
import type { FeedEnclosure, FeedItem } from '@/lib/feeds/queries';
import type { FeedFormat } from '@/lib/feeds/urls';

/** HTML text: RSS descriptions and feed content are HTML, which the XML writer then escapes again. */
export const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Root-relative src/href in the stored body become absolute: feed readers have no base URL. */
export function absolutiseHtml(html: string): string {
  return html.replace(/\b(src|href|poster)=(["'])\/(?!\/)/g, (_match, attribute: string, quote: string) => `${attribute}=${quote}${absoluteUrl('/')}`);
}

/** TEMPORARY (issue 12, storage step): each block's text as a paragraph, until feeds render the blocks. */
function interimBodyHtml(body: BodyDocument): string {
  return body.blocks
    .map((block) => blockPlainText(block).trim())
    .filter(Boolean)
    .map((text) => `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

export function articleTagUri(id: number): string {
  return `tag:${new URL(config.SITE_URL).hostname},2016:article:${id}`;
}

/** What both formats say about the feed itself. */
export type FeedHead = {
  id: string;
  title: string;
  description: string;
  link: string;
  selfLinks: Record<FeedFormat, string>;
  logo: string;
  icon: string;
  copyright: string;
  language: string;
  /** The newest change among the items, not "now": an unchanged feed keeps its date. */
  updated: Date;
};

export type FeedCategory = { name: string; term: string; domain: string };
export type FeedFile = { url: string; type: string; length: number };

/** One article as both formats need it: text as stored, HTML ready, URLs absolute. */
export type FeedEntry = {
  id: string;
  link: string;
  headline: string;
  standfirst: string;
  /** HTML: the sanitised body with absolute links, or the standfirst (or headline) as a paragraph. */
  contentHtml: string;
  byline: string;
  published: Date;
  updated: Date;
  categories: FeedCategory[];
  image: FeedFile | null;
  video: FeedFile | null;
};

function file(enclosure: FeedEnclosure): FeedFile {
  return { url: absoluteUrl(enclosure.path), type: enclosure.mimeType, length: enclosure.bytes ?? 0 };
}

export function feedEntry(article: FeedItem): FeedEntry {
  return {
    id: articleTagUri(article.id),
    link: absoluteUrl(article.path),
    headline: article.headline,
    standfirst: article.standfirst,
    // An article published with no body yet (a short breaking item) still says what it is.
    contentHtml: article.body.blocks.length ? interimBodyHtml(article.body) : `<p>${escapeHtml(article.standfirst || article.headline)}</p>`,
    byline: article.byline,
    published: new Date(article.publishedAt),
    updated: new Date(article.modifiedAt),
    categories: [
      { name: article.section.name, term: article.section.slug, domain: absoluteUrl(`/${article.section.slug}`) },
      ...article.tags.map((tag) => ({ name: tag.name, term: tag.slug, domain: absoluteUrl(`/tag/${tag.slug}`) })),
    ],
    image: article.image ? file(article.image) : null,
    video: article.video ? file(article.video) : null,
  };
}
