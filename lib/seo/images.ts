// The pictures crawlers get for a page: Open Graph / Twitter share image and the NewsArticle image set.
// Google asks for 16:9, 4:3 and 1:1 versions of an article's picture. Crops made at upload reach us
// through MediaView.crops when the read model carries them; otherwise the original is offered at its
// true size, and pages with no picture fall back to the site's share images (one per ratio).
import { absoluteUrl } from '@/lib/articles/urls';
import type { MediaView } from '@/lib/articles/types';
import { fallbackShareImages } from '@/lib/seo/site';

export type AspectRatioName = '16x9' | '4x3' | '1x1';
export const aspectRatios: readonly AspectRatioName[] = ['16x9', '4x3', '1x1'];

export type SeoImage = { url: string; width: number; height: number; alt: string };

type Crop = { url: string; width: number; height: number };
/** A MediaView that may carry its upload-time crops (optional: older read models do not). */
export type MediaWithCrops = MediaView & { crops?: Partial<Record<AspectRatioName, Crop>> | null };

const absolute = (url: string): string => (/^https?:\/\//.test(url) ? url : absoluteUrl(url));

/** The still picture that stands for a media item: the image itself, or a video's poster. */
export function stillOf(media: MediaView | null): SeoImage | null {
  if (!media) return null;
  if (media.kind === 'image' && media.width && media.height) {
    return { url: absolute(media.url), width: media.width, height: media.height, alt: media.alt };
  }
  if (media.kind === 'video' && media.posterUrl && media.posterWidth && media.posterHeight) {
    return { url: absolute(media.posterUrl), width: media.posterWidth, height: media.posterHeight, alt: media.alt };
  }
  return null;
}

/** The one share image for Open Graph / Twitter: the page's picture or the 16:9 fallback. */
export function shareImage(media: MediaView | null, alt: string): SeoImage {
  const still = stillOf(media);
  if (still) return { ...still, alt: still.alt || alt };
  const [wide] = fallbackShareImages;
  return { url: absoluteUrl(wide.path), width: wide.width, height: wide.height, alt };
}

/**
 * Pictures in the ratios Google asks for, widest first. Crops come from the media's renditions when
 * present; a ratio without a crop is not faked (a claimed 1:1 that is really 3:2 would be a lie).
 */
export function articleImageSet(media: MediaWithCrops | null, alt: string): SeoImage[] {
  const still = stillOf(media);
  if (!still) return fallbackShareImages.map((image) => ({ url: absoluteUrl(image.path), width: image.width, height: image.height, alt }));
  // A video's crops are its poster's (lib/articles/mappers.ts), so a video article lists all three too.
  const crops = media?.crops ?? {};
  const images: SeoImage[] = [];
  for (const ratio of aspectRatios) {
    const crop = crops[ratio];
    if (crop) images.push({ url: absolute(crop.url), width: crop.width, height: crop.height, alt: still.alt || alt });
  }
  if (images.length === aspectRatios.length) return images;
  // Without every crop, the original (true size) leads and whatever crops exist follow.
  return [{ ...still, alt: still.alt || alt }, ...images];
}
