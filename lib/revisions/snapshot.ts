// What a revision stores: the article's editable fields as they were saved (lib/articles/
// stored-fields.ts) and where it stood. Plain JSON (dates as ISO strings) so that it survives the Json
// column on SQLite and PostgreSQL alike and diffs field by field.
import { z } from 'zod';
import { articleStatuses, storedArticleFieldsSchema } from '@/lib/articles/stored-fields';

export const articleSnapshotSchema = storedArticleFieldsSchema.extend({
  status: z.enum(articleStatuses),
  publishedAt: z.string().nullable(),
  breakingUntil: z.string().nullable(),
});

export type ArticleSnapshot = z.infer<typeof articleSnapshotSchema>;

// Every field of a snapshot has its label (a field without one is a type error), in the order the
// diff shows them.
const labels = {
  headline: 'Headline',
  kicker: 'Kicker',
  standfirst: 'Standfirst',
  body: 'Body',
  language: 'Language',
  contributors: 'Byline',
  sourceCredit: 'Source credit',
  slug: 'Slug',
  status: 'Status',
  contentType: 'Content type',
  sectionId: 'Section',
  leadMediaId: 'Lead media',
  publishedAt: 'Published at',
  breakingUntil: 'Breaking until',
  tags: 'Tags',
} satisfies Record<keyof ArticleSnapshot, string>;

/** The fields a reader of a diff cares about, in the order the diff shows them. */
export const snapshotFieldLabels = Object.entries(labels) as ReadonlyArray<readonly [keyof ArticleSnapshot, string]>;
