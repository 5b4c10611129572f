// Keyset pagination cursors: "{publishedAt in ms}-{id}" of the last (or first) card on a page.
// The position in the list is carried in the URL, so page 10,000 costs one index seek like page 1.
import { z } from 'zod';
import { MAX_RECORD_ID } from '@/lib/articles/params';

export type Cursor = { publishedAt: Date; id: number };

/** Cards on one page of a section or tag front. Here rather than in queries.ts, which loads Next's
 * cache: e2e specs read it to know how many articles make three pages. */
export const PAGE_SIZE = 20;

export const cursorParam = z
  .string()
  .regex(/^\d{1,15}-\d{1,10}$/, 'not a page cursor')
  .transform((value, context): Cursor => {
    const [ms, id] = value.split('-').map(Number) as [number, number];
    const publishedAt = new Date(ms);
    // An id no row can have is no cursor: PostgreSQL would refuse the query (a 500) rather than find nothing.
    if (Number.isNaN(publishedAt.getTime()) || !Number.isSafeInteger(id) || id > MAX_RECORD_ID) {
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
