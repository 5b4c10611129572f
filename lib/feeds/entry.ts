// One article as both feed formats need it (lib/feeds/rss.ts, lib/feeds/atom.ts): text as stored,
// HTML ready, URLs absolute. The writers escape; nothing here does XML.
import { config } from '@/lib/config';
import { absoluteUrl } from '@/lib/articles/urls';
import type { FeedEnclosure, FeedItem } from '@/lib/feeds/queries';
import type { BodyReferences } from '@/lib/articles/body/references';
import { bodyFeedHtml } from '@/lib/feeds/body-html';
import type { FeedFormat } from '@/lib/feeds/urls';

/** HTML text: RSS descriptions and feed content are HTML, which the XML writer then escapes again. */
export const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

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
  /** HTML: the body written from its blocks (absolute URLs), or the standfirst (or headline) as a paragraph. */
  contentHtml: string;
  /** The byline's contributors in order, with their author pages' absolute URLs. */
  authors: { name: string; uri: string }[];
  published: Date;
  updated: Date;
  categories: FeedCategory[];
  image: FeedFile | null;
  video: FeedFile | null;
};

function file(enclosure: FeedEnclosure): FeedFile {
  return { url: absoluteUrl(enclosure.path), type: enclosure.mimeType, length: enclosure.bytes ?? 0 };
}

export function feedEntry(article: FeedItem, references: BodyReferences): FeedEntry {
  const bodyHtml = bodyFeedHtml(article.body, references);
  return {
    id: articleTagUri(article.id),
    link: absoluteUrl(article.path),
    headline: article.headline,
    standfirst: article.standfirst,
    // An article published with no body yet (a short breaking item) still says what it is.
    contentHtml: bodyHtml || `<p>${escapeHtml(article.standfirst || article.headline)}</p>`,
    authors: article.authors.map((author) => ({ name: author.name, uri: absoluteUrl(author.path) })),
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
