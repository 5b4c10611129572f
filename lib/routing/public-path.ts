// Which database record a public path stands for, read from the path alone (pure, no I/O).
// The proxy uses it to answer a 404 for a path whose section, tag or article does not exist before
// Next renders anything (docs/decisions/0004-not-found.md explains why).
import { reservedSectionSlugs } from '@/lib/articles/urls';
import { parseCursor } from '@/lib/articles/cursor';

export type PublicPathRecord =
  | { kind: 'section'; section: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'article'; section: string; slug: string }
  /** A path of a public route's shape that cannot be anything (a malformed page cursor). */
  | { kind: 'impossible' };

const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const pageWord = (word: string | undefined) => word === 'older' || word === 'newer';

/** The record a path needs to exist, or null for paths this check leaves to Next (home, search,
 * feeds, files, the admin...). Only canonical (lower-case) paths reach this: the proxy normalises first. */
export function publicPathRecord(pathname: string): PublicPathRecord | null {
  const segments = pathname.split('/').filter(Boolean);
  const [first, second, third, fourth] = segments;
  if (!first) return null;
  if (first === 'tag') {
    if (!second || !slug.test(second)) return segments.length === 2 ? { kind: 'impossible' } : null;
    if (segments.length === 2) return { kind: 'tag', tag: second };
    if (segments.length === 4 && pageWord(third)) return parseCursor(fourth ?? '') ? { kind: 'tag', tag: second } : { kind: 'impossible' };
    return null;
  }
  if (reservedSectionSlugs.has(first) || first.startsWith('_') || segments.length > 3) return null;
  if (!slug.test(first)) return null;
  if (segments.length === 1) return { kind: 'section', section: first };
  if (segments.length === 2 && !pageWord(second)) return second && slug.test(second) ? { kind: 'article', section: first, slug: second } : { kind: 'impossible' };
  if (segments.length === 3 && pageWord(second)) return parseCursor(third ?? '') ? { kind: 'section', section: first } : { kind: 'impossible' };
  return null;
}
