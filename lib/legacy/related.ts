// The related list, stored as PHP's var_dump of a JSON string: string(N) "[...]". N counts UTF-8
// bytes (a ’ counts 3), and PHP does not escape the quotes inside, so the JSON is everything between
// the first and the last quote.
import { z } from 'zod';
import { splitKicker } from '@/lib/legacy/kicker';
import { legacyMediaKind, legacyPicDate, legacyPicPattern } from '@/lib/legacy/pictures';
import type { LegacyRelatedItem } from '@/lib/legacy/types';

export const varDumpStart = /^string\(\d+\) "/;

const digits = z.string().regex(/^\d{1,18}$/, 'must be a string of digits');
const itemSchema = z.object({
  id: digits,
  sort: digits,
  contenttypeid: digits,
  pic: z.string().regex(legacyPicPattern, 'must be a path like /YYYY/MM/DD/name.jpg or .mp4'),
  title: z.string().trim().min(1, 'must not be empty').max(500, 'is longer than 500 characters'),
});

export type RelatedResult = { ok: true; byteLength: number; items: LegacyRelatedItem[] } | { ok: false; reason: string };

export function parseRelatedVarDump(text: string): RelatedResult {
  const match = /^string\((\d+)\) "([\s\S]*)"\s*$/.exec(text.trimEnd());
  if (!match) return { ok: false, reason: 'related items: expected string(N) "[...]" with a closing quote' };
  const declared = Number(match[1]);
  const json = match[2]!;
  const actual = Buffer.byteLength(json, 'utf8');
  if (declared !== actual) return { ok: false, reason: `related items: byte length does not match: string(${declared}) but the JSON is ${actual} UTF-8 bytes` };
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, reason: `related items: broken JSON: ${(error as Error).message}` };
  }
  if (!Array.isArray(data)) return { ok: false, reason: 'related items: the JSON is not a list' };
  const items: LegacyRelatedItem[] = [];
  for (const [index, raw] of data.entries()) {
    const parsed = itemSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return { ok: false, reason: `related item ${index + 1}: ${issue.path.join('.') || 'item'} ${issue.message}` };
    }
    const split = splitKicker(parsed.data.title);
    if (!split) return { ok: false, reason: `related item ${index + 1}: unknown kicker form in title "${parsed.data.title.slice(0, 60)}"` };
    items.push({
      id: parsed.data.id,
      sort: Number(parsed.data.sort),
      contentTypeId: parsed.data.contenttypeid,
      pic: parsed.data.pic,
      mediaKind: legacyMediaKind(parsed.data.pic),
      picDate: legacyPicDate(parsed.data.pic)!,
      title: parsed.data.title,
      kicker: split.kicker,
      headline: split.headline,
    });
  }
  const ids = new Set(items.map((item) => item.id));
  if (ids.size !== items.length) return { ok: false, reason: 'related items: the same id appears twice' };
  // Stable: equal sorts keep the stored order.
  items.sort((a, b) => a.sort - b.sort);
  return { ok: true, byteLength: declared, items };
}
