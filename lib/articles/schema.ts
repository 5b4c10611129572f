// The ONE schema for what an editor sends about an article: the admin form, its server action and
// the JSON API all parse with it. Form fields arrive as strings, JSON as numbers: both are accepted.
import { z } from 'zod';
import { headlineTooLong, maxHeadlineLength } from '@/lib/articles/headline';
import { recordIdParam } from '@/lib/articles/params';
import { bodyDocumentSchema, emptyBody } from '@/lib/articles/body/schema';
import { articleContentTypes } from '@/lib/articles/stored-fields';
import { reservedArticleSlugs } from '@/lib/articles/urls';
import { postedRecordId } from '@/lib/forms/form-data';
import { bylineInputSchema } from '@/lib/contributors/byline-input';
import { articleSlugPattern, articleSlugRuleMessage, slugPattern, slugRuleMessage } from '@/lib/forms/slug-pattern';

export type { ArticleSnapshot } from '@/lib/revisions/snapshot';
export { articleSnapshotSchema } from '@/lib/revisions/snapshot';

const optionalId = z.preprocess(
  (value) => (value === '' || value === null || value === undefined ? null : value),
  z.coerce.number().int().positive().nullable(),
);

// Trimmed where stray spaces are never meant; the headline is kept byte for byte (any text in any
// script is a headline, including leading or trailing spaces an editor put there on purpose).
const line = (max: number) => z.string().max(max, `At most ${max} characters.`).transform((value) => value.trim());

export { slugPattern };

/** An article's slug as an editor types it: any script (lib/forms/slug-pattern.ts), kept in NFC. */
export const slugSchema = z
  .string()
  .trim()
  .transform((slug) => slug.normalize('NFC').toLowerCase())
  .refine((slug) => [...slug].length <= 80, 'At most 80 characters.')
  .refine((slug) => slug === '' || articleSlugPattern.test(slug), articleSlugRuleMessage)
  .refine((slug) => !reservedArticleSlugs.has(slug), 'That word is reserved for the site’s own pages.');

/** A slug that must be there and be one already (a tag's, read back from an export): nothing is tidied. */
export const requiredSlugSchema = z.string().max(200, 'At most 200 characters.').regex(slugPattern, slugRuleMessage);

export const tagNameSchema = z.string().max(60, 'A tag has at most 60 characters.');

/** Tags as an editor types them: "Elections, Budget; Europe" → ["Elections", "Budget", "Europe"]. */
export const tagListSchema = z
  .union([z.string().max(2000), z.array(z.string().max(60))])
  .transform((value) => (typeof value === 'string' ? value.split(/[,;\n]/) : value))
  .transform((names) => {
    const seen = new Set<string>();
    const out: string[] = [];
    for (const raw of names) {
      const name = raw.replace(/\s+/g, ' ').trim();
      if (!name || seen.has(name.toLowerCase())) continue;
      seen.add(name.toLowerCase());
      out.push(name);
    }
    return out;
  })
  .pipe(z.array(tagNameSchema).max(20, 'At most 20 tags.'));

/** HTML that arrives to be turned into blocks (an import of HTML bodies) is read up to this many characters. */
export const maxBodyLength = 100_000;

// The JSON of a body at its text limit (100,000 characters) with marks and links on every word stays
// well under this: JSON.parse of a megabyte takes a few milliseconds (decision 0009's reasoning).
export const maxBodyJsonLength = 1_000_000;

/**
 * The body as anyone sends it: a BodyDocument (lib/articles/body/schema.ts, the JSON API and the
 * importers) or the JSON text of one (the admin form posts a hidden input named `body` holding JSON).
 * No HTML is accepted here: HTML is turned into blocks at the edges (lib/articles/body/from-html.ts).
 * A message about a bad document names the body field, whatever block it is about.
 */
export const bodyInputSchema = z
  .unknown()
  .transform((value, context) => {
    if (typeof value !== 'string') return value;
    if (value.trim() === '') return emptyBody();
    if (value.length > maxBodyJsonLength) {
      context.addIssue({ code: 'custom', message: `The body is too long (${maxBodyJsonLength.toLocaleString('en')} characters of JSON at most).` });
      return z.NEVER;
    }
    try {
      return JSON.parse(value) as unknown;
    } catch {
      context.addIssue({ code: 'custom', message: 'The body could not be read (it is not a JSON document of blocks). Reload the page and try again.' });
      return z.NEVER;
    }
  })
  .pipe(bodyDocumentSchema);

/** A BCP 47 language tag ("fa", "en-GB", "zh-Hant-TW") or '' for the site's language, kept canonical. */
export const languageSchema = z
  .string()
  .trim()
  .max(35, 'At most 35 characters.')
  .transform((tag, context) => {
    if (tag === '') return '';
    try {
      // A two- or three-letter language (ISO 639), then any subtags (script, region, variant).
      if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) throw new RangeError(tag);
      return Intl.getCanonicalLocales(tag)[0]!;
    } catch {
      context.addIssue({ code: 'custom', message: 'Give a language code such as en, fa, ar or en-GB (or leave it empty for the site’s language).' });
      return z.NEVER;
    }
  });

/** What an article says, whoever writes it: the newsroom form, the JSON import, the legacy import. */
export const articleContentSchema = z.object({
  headline: z
    .string({ error: 'Write a headline.' })
    .min(1, 'Write a headline.')
    .max(maxHeadlineLength, { error: (issue) => headlineTooLong(typeof issue.input === 'string' ? issue.input.length : 0) })
    .refine((text) => !/[\u0000]/.test(text), 'A headline cannot hold a NUL character.'),
  kicker: line(100).default(''),
  standfirst: line(1000).default(''),
  body: bodyInputSchema.default(emptyBody),
  language: languageSchema.default(''),
  sourceCredit: line(200).default(''),
  contentType: z.enum(articleContentTypes).default('text'),
});

/**
 * Every editable field of an article, with the rules an editor's input must pass: THE list of an
 * article's fields. What keeps them (revisions, the trash: lib/articles/stored-fields.ts), the form's
 * values (lib/articles/form-values.ts) and the newsroom's reads derive theirs from it.
 */
export const articleInputSchema = articleContentSchema.extend({
  sectionId: z.coerce.number({ error: 'Choose a section.' }).int().positive('Choose a section.'),
  tags: tagListSchema.default([]),
  // The byline: contributor ids in order (lib/contributors).
  contributors: bylineInputSchema.default([]),
  leadMediaId: optionalId.default(null),
  // Empty: made from the headline (lib/articles/slug.ts).
  slug: slugSchema.default(''),
});

export type ArticleInput = z.output<typeof articleInputSchema>;
export type ArticleInputRaw = z.input<typeof articleInputSchema>;
export type ArticleFieldName = keyof ArticleInput;

/** The editable fields' names, in the schema's order. */
export const articleFieldNames = articleInputSchema.keyof().options;

/** A save of an existing article names the version it was made on (optimistic locking). */
export const articleUpdateSchema = articleInputSchema.extend({
  version: z.coerce.number().int().positive(),
  // "Save mine over theirs" saves on their version and names the one the form was opened on: fields
  // this editor did not change keep theirs (lib/revisions/merge.ts). Absent or empty: none.
  baseVersion: z.preprocess((value) => (value === '' || value === null ? undefined : value), z.coerce.number().int().positive().optional()),
});

export type ArticleUpdate = z.output<typeof articleUpdateSchema>;

/** Field → first message, for showing next to each input. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= key === 'body' ? bodyMessage(issue) : issue.message;
  }
  return out;
}

/** A message about the body says which block it is about ("Block 3 (picture): …"). */
function bodyMessage(issue: z.core.$ZodIssue): string {
  const [, where, index] = issue.path;
  if (where !== 'blocks' || typeof index !== 'number') return issue.message;
  const message = issue.code === 'invalid_union' || issue.code === 'invalid_value' ? 'This kind of block is not one Lede knows, or it is incomplete.' : issue.message;
  return `Block ${index + 1}: ${message}`;
}

/** Every button form on an article's page names the article and the version the page showed. */
export const articleButtonSchema = z.object({
  articleId: postedRecordId,
  version: recordIdParam.nullable().catch(null),
});

export const scheduleSchema = z.object({
  // A datetime-local value ("2030-01-01T09:00"), read in the site's time zone (SITE_TIMEZONE).
  publishAt: z.string().min(1, 'Choose a date and time.').max(40),
});

export const correctionSchema = z.object({
  note: z.string().trim().min(3, 'Write the correction (at least a few words).').max(2000),
});

export const breakingSchema = z.object({
  until: z.string().max(40).default(''),
});

function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time typed in a datetime-local input ("2030-01-01T09:00"), read in `timeZone`. */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  if (Number.isNaN(wall)) return null;
  // Two passes settle the offset across a daylight-saving change.
  let guess = wall - zoneOffsetMs(wall, timeZone);
  guess = wall - zoneOffsetMs(guess, timeZone);
  return new Date(guess);
}

/** The value a datetime-local input shows for an instant, in `timeZone`. */
export function toLocalDateTimeInput(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const instant = Date.parse(iso);
  if (Number.isNaN(instant)) return '';
  return new Date(instant + zoneOffsetMs(instant, timeZone)).toISOString().slice(0, 16);
}

export const relatedUrlSchema = z.object({
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' || url.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'Enter a web address starting with https:// or http://.'),
  title: z.string().trim().min(1, 'Give the link a title.').max(300),
  kicker: line(100).default(''),
  contentType: z.enum(articleContentTypes).default('text'),
  mediaId: optionalId.default(null),
});

export const relatedArticleSchema = z.object({ targetArticleId: z.coerce.number().int().positive() });
export const relatedMoveSchema = z.object({ linkId: z.coerce.number().int().positive(), direction: z.enum(['up', 'down']) });
export const relatedRemoveSchema = z.object({ linkId: z.coerce.number().int().positive() });
