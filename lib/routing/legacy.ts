// The legacy site's article URL patterns (config.LEGACY_URL_PATTERNS, comma-separated): "{id}" is the
// legacy id (one path segment), "{anything}" any tail (the old site's slug, ".html", ...). Pure: the
// proxy checks a path against them before anything touches the database.
import { config } from '@/lib/config';

export type LegacyPattern = { source: string; regex: RegExp };

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileLegacyPatterns(spec: string): LegacyPattern[] {
  return spec
    .split(',')
    .map((source) => source.trim())
    .filter((source) => source.startsWith('/') && source.includes('{id}'))
    .map((source) => {
      const body = source
        .split(/(\{id\}|\{anything\})/)
        .map((part) => (part === '{id}' ? '(?<id>[^/]+)' : part === '{anything}' ? '(?:.+)' : escapeRegex(part)))
        .join('');
      // Case-insensitive: /News/123 is the same old address as /news/123.
      return { source, regex: new RegExp(`^${body}$`, 'i') };
    });
}

let compiled: LegacyPattern[] | null = null;
const patterns = (): LegacyPattern[] => (compiled ??= compileLegacyPatterns(config.LEGACY_URL_PATTERNS));

/** The legacy id in a path that matches one of the patterns (trailing slashes ignored), else null. */
export function legacyIdFromPath(pathname: string, list: readonly LegacyPattern[] = patterns()): string | null {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const pattern of list) {
    const id = pattern.regex.exec(path)?.groups?.id;
    if (id) {
      try {
        const decoded = decodeURIComponent(id);
        // A control character is in no legacy id, and PostgreSQL refuses U+0000 in a query (a 500).
        return /[\u0000-\u001F\u007F]/.test(decoded) ? null : decoded;
      } catch {
        return null;
      }
    }
  }
  return null;
}
