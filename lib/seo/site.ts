// Who publishes Lede, as crawlers see it: the organisation, its logo and the fallback share image.
// Everything here is absolute (from SITE_URL) because crawlers read it off-site.
import { config } from '@/lib/config';

/** The publisher logo shipped in public/ (square, ≥ 112 px as Google asks for logos). */
export const publisherLogo = { path: '/logo.png', width: 512, height: 512 } as const;

/** Share images for pages without a picture of their own, one per aspect ratio Google asks for. */
export const fallbackShareImages = [
  { path: '/share-16x9.png', width: 1200, height: 675 },
  { path: '/share-4x3.png', width: 1200, height: 900 },
  { path: '/share-1x1.png', width: 1200, height: 1200 },
] as const;

/** The site language as a bare ISO 639 code ("en-GB" → "en"): what Google News and Open Graph want. */
export function siteLanguageCode(): string {
  const [primary] = config.SITE_LANGUAGE.toLowerCase().split(/[-_]/);
  return primary ?? 'en';
}

/** Open Graph locale ("en" → "en", "en-gb" → "en_GB"). */
export function openGraphLocale(): string {
  const [language, region] = config.SITE_LANGUAGE.split(/[-_]/);
  return region ? `${language?.toLowerCase()}_${region.toUpperCase()}` : (language ?? 'en').toLowerCase();
}
