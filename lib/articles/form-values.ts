// The article form's values: every editable field as the text its input holds (the form is plain
// HTML, so a number or a tag list is text until lib/articles/schema.ts parses it; the body is the JSON
// text of its BodyDocument, which formBodyDocument reads back for the editor). Derived from the
// schema's field names: a field the schema gains is a value of the form at once.
import { z } from 'zod';
import { blockSchema, bodyDocumentSchema, bodyFormatVersion, emptyBody, maxBlocks, type BodyDocument } from '@/lib/articles/body/schema';
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

/** An article's fields as its form shows them: numbers as digits, no lead media as empty, tags as "A, B",
 * the byline's contributor ids as "4,9". */
export type ArticleEditValues = Omit<ArticleInput, 'tags' | 'contributors'> & { tags: string; contributors: string };

export function toArticleFormValues(values: ArticleEditValues): ArticleFormValues {
  const text = (value: unknown) => (value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  return articleFormValuesSchema.parse(Object.fromEntries(Object.entries(values).map(([name, value]) => [name, text(value)])));
}

/**
 * The body the editor starts from: the form's body value is the JSON text of a BodyDocument (what the
 * hidden input named `body` posts). A value that is not one (a post the save refused) keeps the
 * blocks that still are; the save's message says what was wrong with the others.
 */
export function formBodyDocument(values: Pick<ArticleFormValues, 'body'>): BodyDocument {
  let parsed: unknown;
  try {
    parsed = values.body.trim() ? JSON.parse(values.body) : emptyBody();
  } catch {
    return emptyBody();
  }
  const whole = bodyDocumentSchema.safeParse(parsed);
  if (whole.success) return whole.data;
  const blocks = (parsed as { blocks?: unknown })?.blocks;
  if (!Array.isArray(blocks)) return emptyBody();
  return { version: bodyFormatVersion, blocks: blocks.flatMap((block) => { const one = blockSchema.safeParse(block); return one.success ? [one.data] : []; }).slice(0, maxBlocks) };
}
