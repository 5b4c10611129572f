// Keyset pagination cursors: "{publishedAt in ms}-{id}" of the last (or first) card on a page.
// The position in the list is carried in the URL, so page 10,000 costs one index seek like page 1.
import { z } from 'zod';

export type Cursor = { publishedAt: Date; id: number };

export const cursorParam = z
  .string()
  .regex(/^\d{1,15}-\d{1,10}$/, 'not a page cursor')
  .transform((value, context): Cursor => {
    const [ms, id] = value.split('-').map(Number) as [number, number];
    const publishedAt = new Date(ms);
    if (Number.isNaN(publishedAt.getTime()) || !Number.isSafeInteger(id)) {
      context.addIssue({ code: 'custom', message: 'not a page cursor' });
      return z.NEVER;
    }
    return { publishedAt, id };
  });

export const encodeCursor = (card: { publishedAt: string; id: number }): string => `${Date.parse(card.publishedAt)}-${card.id}`;

export function parseCursor(value: string): Cursor | null {
  const parsed = cursorParam.safeParse(value);
  return parsed.success ? parsed.data : null;
}
