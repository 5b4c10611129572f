// Media paths: relative to MEDIA_ROOT (served at /media/{path}); nothing outside it is ever written.
import path from 'node:path';
import { config } from '@/lib/config';
import { mediaPathProblem } from '@/lib/media/media-path';

/** The absolute file of a media path; refuses paths that would leave MEDIA_ROOT. */
export function mediaFile(relativePath: string, root: string = config.MEDIA_ROOT): string {
  const normalised = relativePath.replace(/\\/g, '/');
  const problem = mediaPathProblem(normalised);
  if (problem) throw new Error(`not a media path: "${relativePath}" ${problem}`);
  return path.join(root, normalised);
}

/** `uploads/2030/01/abc-photo.4x3.webp` → its original's stem and the rendition's name (`w640` and the
 * like: the srcset widths uploads wrote before they stopped, still on disk beside older originals). */
export const renditionPattern = /^(.*)\.(w\d+|16x9|4x3|1x1)\.webp$/;

/** Shared placeholder files (lib/legacy/media.ts): sources of hard links, owned by no row. */
export const sharedPlaceholderFolder = 'placeholders/';
