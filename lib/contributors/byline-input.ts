// An article's byline as the article schema (lib/articles/schema.ts) reads it. A module of its own:
// the contributor schema imports the article slug rule, so the article schema cannot import it back.
import { z } from 'zod';

/** Most contributors one byline names. */
export const maxBylineContributors = 10;
// The largest id a row can have (a 32-bit integer on PostgreSQL): a larger one is refused, not a 500.
const maxRecordId = 2_147_483_647;

/**
 * An article's byline as an editor sends it: contributor ids in order, as a list (the JSON API) or
 * the text "4,9,2" (the form's hidden input). A contributor named twice counts once.
 */
export const bylineInputSchema = z
  .union([z.string().max(200), z.array(z.coerce.number().int().positive().max(maxRecordId))])
  .transform((value, context) => {
    const parts = typeof value === 'string' ? value.split(',').map((part) => part.trim()).filter(Boolean) : value;
    const ids: number[] = [];
    for (const part of parts) {
      const id = typeof part === 'number' ? part : /^[1-9][0-9]{0,9}$/.test(part) ? Number(part) : NaN;
      if (!Number.isSafeInteger(id) || id <= 0 || id > maxRecordId) {
        context.addIssue({ code: 'custom', message: 'The byline could not be read. Reload the page and pick the contributors again.' });
        return z.NEVER;
      }
      if (!ids.includes(id)) ids.push(id);
    }
    return ids;
  })
  .pipe(z.array(z.number()).max(maxBylineContributors, `A byline names at most ${maxBylineContributors} contributors.`));

