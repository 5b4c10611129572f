// An article's editable fields as they are kept once saved: a revision's snapshot
// (lib/revisions/snapshot.ts) and the archive of a deleted article (lib/articles/commands/trash.ts)
// store them as plain JSON. The rules an editor's input must pass are lib/articles/schema.ts's; what
// is kept is checked for its types only, so that a rule added later never makes an old revision
// unreadable. The table is typed against the input schema: a field the input gains and this table
// lacks, or keeps as another type, is a type error.
// (It imports schema.ts for types only: schema.ts re-exports the snapshot, which is built on this.)
import { z } from 'zod';
import type { ArticleFieldName, ArticleInput } from '@/lib/articles/schema';
import { bodyFormatVersion, emptyBody, type BodyDocument } from '@/lib/articles/body/schema';
import { htmlToBlocks } from '@/lib/articles/body/from-html';

/**
 * A body as kept: a BodyDocument, checked for its shape only (a block rule added later must not make
 * an old revision unreadable). A body kept before blocks (HTML text, in a revision or a deleted
 * article's archive that the converter has not reached) is read into blocks here.
 */
export const storedBodySchema = z.codec(
  z.unknown(),
  z.custom<BodyDocument>(
    (value) =>
      typeof value === 'object' && value !== null && (value as { version?: unknown }).version === bodyFormatVersion && Array.isArray((value as { blocks?: unknown }).blocks),
    'Not a body document.',
  ),
  {
    decode: (value) => (typeof value === 'string' ? { version: bodyFormatVersion, blocks: value.trim() ? htmlToBlocks(value) : [] } : value) as BodyDocument,
    // (A codec so that z.encode of a deleted article's archive passes through: kept as it is.)
    encode: (document) => document,
  },
);

/** A stored body read from a JSON column (Prisma's JsonValue) as a BodyDocument; anything unreadable is an empty one. */
export function storedBody(value: unknown): BodyDocument {
  const parsed = storedBodySchema.safeParse(value);
  return parsed.success ? parsed.data : emptyBody();
}

export const articleContentTypes = ['text', 'video'] as const;
export const articleStatuses = ['draft', 'scheduled', 'published', 'unpublished'] as const;

const keptFields = {
  headline: z.string(),
  kicker: z.string(),
  standfirst: z.string(),
  body: storedBodySchema,
  // Kept before articles had a language: the site's ('').
  language: z.string().default(''),
  sourceCredit: z.string(),
  contentType: z.enum(articleContentTypes),
  sectionId: z.number().int(),
  /** Tag names in their order on the article. */
  tags: z.array(z.string()),
  /** Contributor ids in byline order (kept before contributors: none; the free-text byline of
   * then stays in the snapshot's JSON, unread). */
  contributors: z.array(z.number().int()).default([]),
  leadMediaId: z.number().int().nullable(),
  slug: z.string(),
} satisfies { [K in ArticleFieldName]: z.ZodType<ArticleInput[K]> };

export const storedArticleFieldsSchema = z.object(keptFields);

/** The editable fields that are columns of Article (its tags are rows of ArticleTag, its byline rows of ArticleContributor). */
export type ArticleColumnName = Exclude<ArticleFieldName, 'tags' | 'contributors'>;

export const articleColumnNames = storedArticleFieldsSchema.keyof().exclude(['tags', 'contributors']).options;

/** The named fields of `source`, copied: one generic copy, so no field can be left out by hand. */
export function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = source[key];
  return out;
}

/** A Prisma `select` of the named columns, built from the names so that it cannot drift from them. */
export function selectColumns<K extends string>(keys: readonly K[]): { [P in K]: true } {
  return Object.fromEntries(keys.map((key) => [key, true])) as { [P in K]: true };
}
