// What a media path may be, for every write and every read of a file: a relative path inside
// MEDIA_ROOT ("legacy/2016/11/01/x.jpg"). mediaFile (paths.ts) refuses anything else before touching
// the disk, and mediaPathSchema refuses it before anything is stored (an import naming
// "../../../../etc/passwd" is refused, not kept for a later read to follow).
import { z } from 'zod';

/** Why `relativePath` is not a media path, or null when it is one. */
export function mediaPathProblem(relativePath: string): string | null {
  if (!relativePath) return 'is empty';
  if (relativePath.includes('\0')) return 'holds a NUL character';
  if (relativePath.includes('\\')) return 'holds a backslash (use / between folders)';
  if (relativePath.startsWith('/') || /^[A-Za-z]:/.test(relativePath)) return 'is absolute (it must be relative to MEDIA_ROOT)';
  if (relativePath.split('/').some((part) => part === '..' || part === '.' || part === '')) return 'has an empty, "." or ".." folder (it must stay inside MEDIA_ROOT)';
  return null;
}

export const mediaPathSchema = z
  .string()
  .max(1000, 'At most 1000 characters.')
  .superRefine((value, context) => {
    const problem = mediaPathProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: `not a media path: "${value.slice(0, 80)}" ${problem}` });
  });
