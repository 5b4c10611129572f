// What a revision stores: the article's editable fields as they were saved. Plain JSON (dates as ISO
// strings) so that it survives the Json column on SQLite and PostgreSQL alike and diffs field by field.
import { z } from 'zod';

export const articleSnapshotSchema = z.object({
  headline: z.string(),
  kicker: z.string(),
  standfirst: z.string(),
  body: z.string(),
  byline: z.string(),
  sourceCredit: z.string(),
  slug: z.string(),
  status: z.enum(['draft', 'scheduled', 'published', 'unpublished']),
  contentType: z.enum(['text', 'video']),
  sectionId: z.number().int(),
  leadMediaId: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  breakingUntil: z.string().nullable(),
  /** Tag names in their order on the article. */
  tags: z.array(z.string()),
});

export type ArticleSnapshot = z.infer<typeof articleSnapshotSchema>;

/** The fields a reader of a diff cares about, in the order the diff shows them. */
export const snapshotFieldLabels: ReadonlyArray<readonly [keyof ArticleSnapshot, string]> = [
  ['headline', 'Headline'],
  ['kicker', 'Kicker'],
  ['standfirst', 'Standfirst'],
  ['body', 'Body'],
  ['byline', 'Byline'],
  ['sourceCredit', 'Source credit'],
  ['slug', 'Slug'],
  ['status', 'Status'],
  ['contentType', 'Content type'],
  ['sectionId', 'Section'],
  ['leadMediaId', 'Lead media'],
  ['publishedAt', 'Published at'],
  ['breakingUntil', 'Breaking until'],
  ['tags', 'Tags'],
];
