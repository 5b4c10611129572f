// Canonical public URLs (docs/decisions/0003-urls.md). Every link to a page is built here.
import { config } from '@/lib/config';

export type ArticleAddress = { slug: string; section: { slug: string } };

/** /{section}/{slug}: short, readable, one per article. Old slugs and legacy ids answer 301 to it. */
/** An article's canonical path; a slug in another script is percent-encoded UTF-8 (an ASCII slug is as it is). */
export const articlePath = (article: ArticleAddress): string => `/${article.section.slug}/${encodeURIComponent(article.slug)}`;
export const sectionPath = (slug: string): string => `/${slug}`;
export const tagPath = (slug: string): string => `/tag/${slug}`;
/** A contributor's author page; a slug in another script is percent-encoded UTF-8. */
export const authorPath = (slug: string): string => `/author/${encodeURIComponent(slug)}`;
export const searchPath = (query: string, page = 1): string =>
  `/search?q=${encodeURIComponent(query)}${page > 1 ? `&page=${page}` : ''}`;
export const mediaPath = (path: string): string => `/media/${path.split('/').map(encodeURIComponent).join('/')}`;

/** Keyset pagination pages: /{section}/older/{cursor} and /{section}/newer/{cursor}. */
export const olderPath = (basePath: string, cursor: string): string => `${basePath}/older/${cursor}`;
export const newerPath = (basePath: string, cursor: string): string => `${basePath}/newer/${cursor}`;

export const absoluteUrl = (path: string): string => `${config.SITE_URL}${path.startsWith('/') ? path : `/${path}`}`;

/** Words an article slug may not be: they are route segments of their own under /{section}/. */
export const reservedArticleSlugs: ReadonlySet<string> = new Set(['older', 'newer', 'feed', 'rss', 'atom']);
/** Words a section slug may not be: top-level routes of the app. */
export const reservedSectionSlugs: ReadonlySet<string> = new Set([
  'admin', 'api', 'tag', 'author', 'search', 'media', 'feeds', 'feed', 'sitemaps', 'sitemap.xml', 'robots.txt', 'news',
  'favicon.ico', '_next', 'preview', 'login', 'logout', 'placeholder', 'status',
]);
