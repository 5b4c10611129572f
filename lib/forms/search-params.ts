// Query strings, read through zod once: the one way a page reads its ?key=value. A query string is
// anyone's to write, so a value a page cannot use is as if it were not sent (the field's default),
// never an error page.
import { z } from 'zod';
import { recordIdParam } from '@/lib/articles/params';

/** What Next hands a page as `searchParams`: a repeated parameter comes as an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The value a page reads from a parameter sent once, several times (?q=a&q=b: the first) or not at all. */
export const firstValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * The page's query, parsed by `schema` (a z.object whose fields are all optional or defaulted). A
 * field whose value the schema refuses is dropped and parsed again, so it takes its default: the
 * schema need not say `.catch()` on every field for an odd link to stay a page.
 */
export function parseSearchParams<S extends z.ZodObject>(schema: S, params: SearchParams): z.output<S> {
  const values: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = Object.hasOwn(params, key) ? firstValue(params[key]) : undefined;
    if (typeof value === 'string') values[key] = value;
  }
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const refused = new Set(parsed.error.issues.map((issue) => issue.path[0]));
  return schema.parse(Object.fromEntries(Object.entries(values).filter(([key]) => !refused.has(key))));
}

/** A page number: 1 to `max`, 1 when absent or unreadable. */
export const pageNumberParam = (max: number) => z.coerce.number().int().min(1).max(max).default(1).catch(1);

/** A row id (plain digits, 1 to the largest id a row can have) or undefined when it is anything else. */
export const recordIdQueryParam = recordIdParam.optional().catch(undefined);

/**
 * The outcome of the last button action, carried back as codes (components/admin/Notice.tsx shows
 * only the codes it knows; no code is as long as 100 characters).
 */
export const outcomeParams = {
  notice: z.string().max(100).optional().catch(undefined),
  error: z.string().max(100).optional().catch(undefined),
};

/** The query of a page that reads nothing else. */
export const outcomeQuery = z.object(outcomeParams);
