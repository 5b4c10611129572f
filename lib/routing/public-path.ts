// What a public path names, read from the path alone (pure, no I/O, tested without a server): its
// canonical spelling, whether the request spelled it otherwise, and the record that must exist for
// it to be a page. The resolver (lib/routing/resolve-path.ts) looks the record up.
import { reservedSectionSlugs } from '@/lib/articles/urls';
import { parseCursor } from '@/lib/articles/cursor';
import { slugPattern } from '@/lib/articles/schema';
import { decodedSegment } from '@/lib/articles/params';
import { articleSlugPattern } from '@/lib/forms/slug-pattern';
import { legacyIdFromPath } from '@/lib/routing/legacy';
import { isExempt, normalisePath } from '@/lib/routing/normalise';

export type PathRecord =
  | { kind: 'section'; section: string }
  | { kind: 'tag'; tag: string }
  /** A contributor's author page (/author/{slug}) or one of its older/newer pages. */
  | { kind: 'author'; author: string }
  | { kind: 'article'; section: string; slug: string }
  /** An old site's article URL (config.LEGACY_URL_PATTERNS). */
  | { kind: 'legacy'; legacyId: string }
  /** A path of a public route's shape that cannot be anything (a malformed page cursor). */
  | { kind: 'impossible' };

export type PublicPath = {
  /** The canonical spelling: lower case, no trailing or doubled slashes. */
  path: string;
  /** True when the request spelled the path otherwise: whatever is there answers one 301. */
  respelled: boolean;
  /** The record the path needs, or null when the path alone decides (home, search, status...). */
  record: PathRecord | null;
};

const pageWord = (word: string | undefined) => word === 'older' || word === 'newer';
const isSlug = (value: string | undefined): value is string => value !== undefined && slugPattern.test(value);
/** An article's slug from its path segment (percent-encoded UTF-8 when in another script), or null. */
const articleSlugOf = (segment: string | undefined): string | null => {
  const decoded = segment === undefined ? null : decodedSegment(segment);
  return decoded !== null && articleSlugPattern.test(decoded) ? decoded : null;
};

/** The record a canonical (lower-case) path needs to exist, or null for paths left to Next (home,
 * search, feeds, files, the admin...). */
export function publicPathRecord(pathname: string): PathRecord | null {
  const segments = pathname.split('/').filter(Boolean);
  const [first, second, third, fourth] = segments;
  if (!first) return null;
  if (first === 'tag') {
    if (!isSlug(second)) return segments.length === 2 ? { kind: 'impossible' } : null;
    if (segments.length === 2) return { kind: 'tag', tag: second };
    if (segments.length === 4 && pageWord(third)) return parseCursor(fourth ?? '') ? { kind: 'tag', tag: second } : { kind: 'impossible' };
    return null;
  }
  if (first === 'author') {
    // A contributor's slug may be in another script (percent-encoded UTF-8), like an article's.
    const slug = articleSlugOf(second);
    if (!slug) return segments.length === 2 ? { kind: 'impossible' } : null;
    if (segments.length === 2) return { kind: 'author', author: slug };
    if (segments.length === 4 && pageWord(third)) return parseCursor(fourth ?? '') ? { kind: 'author', author: slug } : { kind: 'impossible' };
    return null;
  }
  if (reservedSectionSlugs.has(first) || first.startsWith('_') || segments.length > 3) return null;
  if (!isSlug(first)) return null;
  if (segments.length === 1) return { kind: 'section', section: first };
  if (segments.length === 2 && !pageWord(second)) {
    const slug = articleSlugOf(second);
    return slug ? { kind: 'article', section: first, slug } : { kind: 'impossible' };
  }
  if (segments.length === 3 && pageWord(second)) return parseCursor(third ?? '') ? { kind: 'section', section: first } : { kind: 'impossible' };
  return null;
}

/** What a requested path is, or null for paths the resolver leaves alone (files, media, Next's
 * assets, the API, the admin). Legacy URLs are matched as sent (their patterns ignore case). */
export function readPublicPath(pathname: string): PublicPath | null {
  const legacyId = legacyIdFromPath(pathname);
  if (legacyId) return { path: pathname, respelled: false, record: { kind: 'legacy', legacyId } };
  if (isExempt(pathname)) return null;
  const path = canonicalSlugSpelling(normalisePath(pathname));
  return { path, respelled: path !== pathname, record: publicPathRecord(path) };
}

/** An article slug in another script is spelled one way: NFC, percent-encoded as encodeURIComponent
 * does it (an NFD spelling, or raw escapes of another form, answers one 301 to it). */
function canonicalSlugSpelling(path: string): string {
  const segments = path.split('/');
  if (segments.length !== 3 || !segments[2]!.includes('%')) return path;
  const slug = articleSlugOf(segments[2]);
  if (!slug) return path;
  segments[2] = encodeURIComponent(slug);
  return segments.join('/');
}
