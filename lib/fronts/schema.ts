// The one schema of a front's arrangement: what the editor page reads from its form, what the preview
// renders and what the save action writes all go through `frontArrangementSchema`. The form carries
// the slots as three parallel fields in order (article, headline, picture), so the arrangement can
// travel in a plain GET form (move, remove, add, preview) and a POST (save) alike, without JavaScript.
import { z } from 'zod';
import { slugPattern } from '@/lib/forms/slug-pattern';

/** At most this many pinned slots (the lead and top stories); the newest articles fill the rest. */
export const FRONT_SLOTS_MAX = 12;
export const FRONT_HEADLINE_MAX = 200;

export const frontMessages = {
  front: 'That front does not exist.',
  article: 'Each slot needs an article.',
  twice: 'An article can be pinned only once on a front.',
  full: `A front has at most ${FRONT_SLOTS_MAX} pinned slots.`,
  headline: `A front headline is at most ${FRONT_HEADLINE_MAX} characters.`,
  picture: 'That picture does not exist (or is not an image).',
  gone: 'A pinned article no longer exists. Remove its slot and save again.',
} as const;

/** A front's address in the newsroom: "home" or a section's slug. */
export const frontAddressSchema = z.union([z.literal('home'), z.string().regex(slugPattern, frontMessages.front).max(60, frontMessages.front)], { error: frontMessages.front });
export type FrontAddress = z.output<typeof frontAddressSchema>;

/** A row id as a form posts it (plain digits: "1e3", "0x10", "007" are no id) or as a number. */
const rowId = (message: string) =>
  z.union([z.int(), z.string().regex(/^[1-9]\d{0,9}$/).transform(Number)], { error: message }).refine((id) => id >= 1 && id <= 2_147_483_647, message);

export const frontSlotSchema = z.object({
  articleId: rowId(frontMessages.article),
  // "" means the article's own headline.
  headline: z.string().trim().max(FRONT_HEADLINE_MAX, frontMessages.headline).default(''),
  // Empty means the article's own lead picture.
  mediaId: z.preprocess(
    (value) => (value === '' || value === undefined ? null : value),
    rowId(frontMessages.picture).nullable(),
  ),
});

export const frontArrangementSchema = z.object({
  front: frontAddressSchema,
  slots: z
    .array(frontSlotSchema)
    .max(FRONT_SLOTS_MAX, frontMessages.full)
    .refine((slots) => new Set(slots.map((slot) => slot.articleId)).size === slots.length, frontMessages.twice),
});

export type FrontSlotInput = z.output<typeof frontSlotSchema>;
export type FrontArrangement = z.output<typeof frontArrangementSchema>;

/** Reads the form's parallel fields (a FormData or the page's query) into the schema's input shape. */
export function arrangementFields(front: string, fields: { getAll(name: string): unknown[] }): { front: string; slots: { articleId: unknown; headline: unknown; mediaId: unknown }[] } {
  const text = (values: unknown[]) => values.map((value) => (typeof value === 'string' ? value : ''));
  const articles = text(fields.getAll('article'));
  const headlines = text(fields.getAll('headline'));
  const pictures = text(fields.getAll('picture'));
  // More fields than slots could ever hold are cut before parsing (the schema then refuses > MAX).
  return {
    front,
    slots: articles.slice(0, FRONT_SLOTS_MAX + 1).map((articleId, index) => ({ articleId, headline: headlines[index] ?? '', mediaId: pictures[index] ?? '' })),
  };
}

/** An unsaved change to the arrangement, named by the button the editor pressed. */
export const draftOpSchema = z.string().regex(/^(?:up|down|remove|add):\d{1,10}$/);

/** Applies the button's change to the unsaved arrangement; anything out of range changes nothing. */
export function applyDraftOp<T extends { articleId: unknown }>(slots: T[], op: string | undefined, pin: (articleId: number) => T): T[] {
  const parsed = draftOpSchema.safeParse(op);
  if (!parsed.success) return slots;
  const [verb, raw] = parsed.data.split(':') as [string, string];
  const at = Number(raw);
  const next = [...slots];
  if (verb === 'add') {
    if (next.some((slot) => String(slot.articleId) === String(at)) || next.length >= FRONT_SLOTS_MAX) return slots;
    return [...next, pin(at)];
  }
  if (at >= next.length) return slots;
  if (verb === 'remove') return next.filter((_, index) => index !== at);
  const to = verb === 'up' ? at - 1 : at + 1;
  if (to < 0 || to >= next.length) return slots;
  [next[at], next[to]] = [next[to]!, next[at]!];
  return next;
}

/** The arrangement as query fields again (the preview's link back to the editor, the editor's own state). */
export function arrangementQuery(slots: readonly FrontSlotInput[]): URLSearchParams {
  const query = new URLSearchParams();
  for (const slot of slots) {
    query.append('article', String(slot.articleId));
    query.append('headline', slot.headline);
    query.append('picture', slot.mediaId === null ? '' : String(slot.mediaId));
  }
  return query;
}
