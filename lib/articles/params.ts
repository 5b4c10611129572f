// Route parameters readers send, checked before anything is looked up.
import { z } from 'zod';
import { articleSlugPattern } from '@/lib/forms/slug-pattern';

/** Words joined by hyphens, lower-case ASCII or another script's letters: what lib/articles/slug.ts
 * makes. Anything else is not one of ours (the proxy already lower-cases paths), so it is a 404
 * without a database query. A percent-encoded value is read decoded, in NFC (how slugs are stored). */
export const slugParam = z
  .string()
  .max(1000)
  .transform((value) => decodedSegment(value) ?? '')
  .pipe(z.string().max(200).regex(articleSlugPattern));

/** A URL path segment decoded (percent-escapes of UTF-8), in NFC; null when it does not decode. */
export function decodedSegment(segment: string): string | null {
  try {
    return (segment.includes('%') ? decodeURIComponent(segment) : segment).normalize('NFC');
  } catch {
    return null;
  }
}

export function validSlug(value: string): string | null {
  const parsed = slugParam.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Text cut to at most `max` UTF-16 units, never between the two halves of a character. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Free text a reader types into a query parameter (a search): any length is read, the first `max`
 * characters kept, so an over-long address is still a page and never an error. */
export const freeTextParam = (max: number) =>
  z
    .string()
    .optional()
    .catch(undefined)
    // Control characters are no search words, and PostgreSQL refuses U+0000 in any query (a 500).
    .transform((value) => cutText((value ?? '').replace(/[\u0000-\u001F\u007F]/g, ' ').trim(), max).trim());

/** The largest id a row can have: ids are 32-bit integers (PostgreSQL's integer). A larger number
 * in an address made PostgreSQL refuse the query, a 500 (issue 10, defect 6). */
export const MAX_RECORD_ID = 2_147_483_647;

/** A row id in an address: plain digits, 1 to MAX_RECORD_ID ("1e3", "0x10", "007" are no id). */
export const recordIdParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/)
  .transform(Number)
  .refine((id) => id <= MAX_RECORD_ID);

export function validRecordId(value: string): number | null {
  const parsed = recordIdParam.safeParse(value);
  return parsed.success ? parsed.data : null;
}
