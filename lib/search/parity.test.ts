// The same expectations on whichever database DATABASE_URL names (npm test runs the suite on SQLite,
// then on PostgreSQL): FTS5 and tsvector must find, rank and mark alike.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { searchArticles } from '@/lib/search';
import { withEllipses } from '@/lib/search/postgres';
import { MARK_END, MARK_START } from '@/lib/search/query';

const filler = (word: string, count: number) => Array.from({ length: count }, (_, index) => `${word}${index}`).join(' ');

beforeAll(async () => {
  const section = await db.section.create({ data: { slug: 'parity', name: 'Parity' } });
  const article = (slug: string, fields: { headline?: string; kicker?: string; standfirst?: string; bodyText?: string }, day = 1) =>
    db.article.create({
      data: {
        slug,
        headline: fields.headline ?? `Story ${slug}`,
        kicker: fields.kicker ?? '',
        standfirst: fields.standfirst ?? '',
        bodyText: fields.bodyText ?? '',
        status: 'published',
        sectionId: section.id,
        publishedAt: new Date(Date.UTC(2026, 0, day)),
      },
    });
  await article('in-body', { bodyText: 'the quorum gathered' }, 4);
  await article('in-kicker', { kicker: 'QUORUM' }, 3);
  await article('in-standfirst', { standfirst: 'A quorum at last' }, 2);
  await article('in-headline', { headline: 'Quorum reached' }, 1);
  await article('long-body', { bodyText: `${filler('lead', 60)} the zeppelin landed ${filler('tail', 60)}` });
  await article('angle-words', { bodyText: 'before <clandestine> after' });
  await article('both-words', { headline: 'Lavrov in Syria' });
  await article('one-word', { headline: 'Lavrov in Athens' });
  await article('accents', { headline: 'Crème brûlée in Zürich' });
});

describe('search answers alike on SQLite and PostgreSQL', () => {
  it('ranks headline > standfirst > kicker > body', async () => {
    expect((await searchArticles('quorum')).hits.map((hit) => hit.slug)).toEqual(['in-headline', 'in-standfirst', 'in-kicker', 'in-body']);
  });

  it('requires every word, the last one as a prefix only', async () => {
    expect((await searchArticles('lavrov syria')).hits.map((hit) => hit.slug)).toEqual(['both-words']);
    expect((await searchArticles('syria lav')).hits.map((hit) => hit.slug)).toEqual(['both-words']);
    expect((await searchArticles('lav syria')).total).toBe(0);
  });

  it('folds case and accents both ways', async () => {
    expect((await searchArticles('creme brulee zurich')).hits.map((hit) => hit.slug)).toEqual(['accents']);
    expect((await searchArticles('ZÜRICH')).hits.map((hit) => hit.slug)).toEqual(['accents']);
  });

  it('finds a word written between angle brackets, and shows it escaped', async () => {
    const [hit] = (await searchArticles('clandestine')).hits;
    expect(hit?.slug).toBe('angle-words');
    expect(hit?.snippet).toBe('before &lt;<mark>clandestine</mark>&gt; after');
  });

  it('cuts a long body around the match, with an ellipsis at each cut end', async () => {
    const [hit] = (await searchArticles('zeppelin')).hits;
    expect(hit?.snippet).toMatch(/^….* the <mark>zeppelin<\/mark> landed .*…$/);
    const words = hit!.snippet.replace(/<\/?mark>|…/g, '').trim().split(/\s+/);
    expect(words.length).toBeGreaterThanOrEqual(12);
    expect(words.length).toBeLessThanOrEqual(24);
  });

  it('marks nothing in the body when only the headline matched', async () => {
    const [hit] = (await searchArticles('reached')).hits;
    expect(hit?.slug).toBe('in-headline');
    expect(hit?.snippet).not.toContain('<mark>');
  });
});

describe('withEllipses', () => {
  it('adds an ellipsis only at the ends where the passage was cut', () => {
    const marked = `b ${MARK_START}c${MARK_END} d`;
    expect(withEllipses(marked, 'a b c d e')).toBe(`…${marked}…`);
    expect(withEllipses(marked, 'b c d')).toBe(marked);
    expect(withEllipses(marked, 'b c d e')).toBe(`${marked}…`);
    expect(withEllipses('', 'a b')).toBe('');
  });
});
