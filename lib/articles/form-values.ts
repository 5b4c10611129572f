// The article form's values: every editable field as the text its input holds (the form is plain
// HTML, so a number or a tag list is text until lib/articles/schema.ts parses it). Derived from the
// schema's field names: a field the schema gains is a value of the form at once.
import { z } from 'zod';
import { articleFieldNames, type ArticleInput } from '@/lib/articles/schema';
import { articleContentTypes } from '@/lib/articles/stored-fields';
import { textFields } from '@/lib/forms/form-data';

// Anything that is not text (a missing field, a file) reads as an empty input.
export const articleFormValuesSchema = textFields(...articleFieldNames).extend({
  contentType: z.enum(articleContentTypes).catch('text'),
});

export type ArticleFormValues = z.output<typeof articleFormValuesSchema>;

/** What the form posts: its values and the version the editor started from (text: the save parses it). */
export const articleFormPostSchema = articleFormValuesSchema.extend(textFields('version').shape);

/** The values of an empty form. */
export const emptyArticleFormValues: ArticleFormValues = articleFormValuesSchema.parse({});

/** An article's fields as its form shows them: numbers as digits, no lead media as empty, tags as "A, B". */
export type ArticleEditValues = Omit<ArticleInput, 'tags'> & { tags: string };

export function toArticleFormValues(values: ArticleEditValues): ArticleFormValues {
  return articleFormValuesSchema.parse(Object.fromEntries(Object.entries(values).map(([name, value]) => [name, value === null ? '' : String(value)])));
}
