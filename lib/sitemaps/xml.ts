// XML writers for the sitemaps protocol and Google's news, image and video extensions. Each function
// returns one small string, so a sitemap is written entry by entry and never held whole in memory.
import { config } from '@/lib/config';
import { siteLanguageCode } from '@/lib/seo/site';
import { truncateText } from '@/lib/seo/text';
// Every value is escaped by the one XML writer (lib/xml/write.ts), as the feeds' are.
import { xmlDeclaration, xmlElement as element } from '@/lib/xml/write';

export type SitemapImage = { loc: string };
export type SitemapVideo = {
  thumbnailLoc: string;
  title: string;
  description: string;
  contentLoc: string;
  durationSeconds: number | null;
  publicationDate: string;
};
export type SitemapEntry = { loc: string; lastmod?: string | null; images?: SitemapImage[]; video?: SitemapVideo | null };
export type NewsEntry = { loc: string; title: string; publicationDate: string };
export type IndexEntry = { loc: string; lastmod?: string | null };

export const urlsetOpen =
  `${xmlDeclaration}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"` +
  ' xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"' +
  ' xmlns:video="http://www.google.com/schemas/sitemap-video/1.1">\n';
export const newsUrlsetOpen =
  `${xmlDeclaration}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"` +
  ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n';
export const urlsetClose = '</urlset>\n';
export const sitemapIndexOpen = `${xmlDeclaration}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n`;
export const sitemapIndexClose = '</sitemapindex>\n';

/** Google caps video durations at 8 hours; beyond that the element is left out rather than wrong. */
const maxVideoSeconds = 28_800;

function videoXml(video: SitemapVideo): string {
  const duration =
    video.durationSeconds !== null && video.durationSeconds >= 0 && video.durationSeconds <= maxVideoSeconds
      ? element('video:duration', String(Math.round(video.durationSeconds)))
      : '';
  return (
    '<video:video>' +
    element('video:thumbnail_loc', video.thumbnailLoc) +
    element('video:title', truncateText(video.title, 100)) +
    element('video:description', truncateText(video.description || video.title, 2048)) +
    element('video:content_loc', video.contentLoc) +
    duration +
    element('video:publication_date', video.publicationDate) +
    '</video:video>'
  );
}

export function urlXml(entry: SitemapEntry): string {
  const images = (entry.images ?? []).map((image) => `<image:image>${element('image:loc', image.loc)}</image:image>`).join('');
  return (
    '<url>' +
    element('loc', entry.loc) +
    (entry.lastmod ? element('lastmod', entry.lastmod) : '') +
    images +
    (entry.video ? videoXml(entry.video) : '') +
    '</url>\n'
  );
}

export function newsUrlXml(entry: NewsEntry): string {
  return (
    '<url>' +
    element('loc', entry.loc) +
    '<news:news><news:publication>' +
    element('news:name', config.SITE_NAME) +
    element('news:language', siteLanguageCode()) +
    '</news:publication>' +
    element('news:publication_date', entry.publicationDate) +
    element('news:title', entry.title) +
    '</news:news></url>\n'
  );
}

export function sitemapXml(entry: IndexEntry): string {
  return `<sitemap>${element('loc', entry.loc)}${entry.lastmod ? element('lastmod', entry.lastmod) : ''}</sitemap>\n`;
}
