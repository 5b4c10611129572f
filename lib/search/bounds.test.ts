// Search does bounded work whatever the words (docs/decisions/0023-render-path.md): the count stops
// past SEARCH_COUNT_CAP ("More than 1,000"), and only the SEARCH_CANDIDATES most recently added
// matches are ranked. Runs on whichever database DATABASE_URL names (npm test: SQLite, then PostgreSQL).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/client';
import { searchArticles } from '@/lib/search';
import { MAX_SEARCH_PAGE, SEARCH_CANDIDATES, SEARCH_COUNT_CAP, SEARCH_PAGE_SIZE } from '@/lib/search/query';

let oldestId = 0;
let newestBodyOnly = '';

beforeAll(async () => {
  const section = await db.section.create({ data: { slug: 'bounds', name: 'Bounds' } });
  const publishedAt = new Date(Date.UTC(2026, 0, 1));
  const row = (slug: string, headline: string, bodyText: string) => ({ slug, headline, bodyText, kicker: '', standfirst: '', status: 'published' as const, sectionId: section.id, publishedAt });
  // The oldest match has the word in its headline (it would rank first among all matches)...
  oldestId = (await db.article.create({ data: row('oldest-headline', 'Walrus census', 'Counting.') })).id;
  // ...then SEARCH_CANDIDATES newer ones have it in the body only, and one more a draft.
  const rows = Array.from({ length: SEARCH_CANDIDATES }, (_, index) => row(`body-${index}`, `Story ${index}`, `A walrus was seen, report ${index}.`));
  for (let at = 0; at < rows.length; at += 500) await db.article.createMany({ data: rows.slice(at, at + 500) });
  await db.article.create({ data: { ...row('draft', 'Walrus draft', 'Walrus.'), status: 'draft' } });
  newestBodyOnly = `body-${SEARCH_CANDIDATES - 1}`;
});

describe('search bounds', () => {
  it(`counts matches up to ${SEARCH_COUNT_CAP} and says there are more`, async () => {
    const results = await searchArticles('walrus');
    expect(results.total).toBe(SEARCH_COUNT_CAP);
    expect(results.totalCapped).toBe(true);
    expect(results.pageCount).toBe(MAX_SEARCH_PAGE);
    expect(results.hits).toHaveLength(SEARCH_PAGE_SIZE);
  });

  it(`ranks among the ${SEARCH_CANDIDATES} most recently added matches only`, async () => {
    const results = await searchArticles('walrus');
    // Equal ranks among the candidates: newest first (same publishedAt, so highest id first).
    expect(results.hits[0]?.slug).toBe(newestBodyOnly);
    expect(results.hits.map((hit) => hit.id)).not.toContain(oldestId);
    // The last page still answers, and the old headline match is beyond the candidates on every page.
    const last = await searchArticles('walrus', MAX_SEARCH_PAGE);
    expect(last.hits).toHaveLength(SEARCH_PAGE_SIZE);
    expect(last.hits.map((hit) => hit.id)).not.toContain(oldestId);
  });

  it('a rarer word is counted exactly and ranked in full', async () => {
    const results = await searchArticles('census');
    expect(results).toMatchObject({ total: 1, totalCapped: false, pageCount: 1 });
    expect(results.hits.map((hit) => hit.slug)).toEqual(['oldest-headline']);
  });

  it('counts public matches beyond the candidates when the newest matches are not public', async () => {
    // Three published matches, then SEARCH_CANDIDATES newer drafts: the candidates hold no public
    // match, so they cannot settle the count and it is counted over the index (PostgreSQL runs the
    // count query only then). The page ranks the candidates only, as before: no hits to show.
    const section = await db.section.findUniqueOrThrow({ where: { slug: 'bounds' } });
    const row = (slug: string, status: 'published' | 'draft') => ({ slug, headline: `Narwhal ${slug}`, bodyText: 'A narwhal.', kicker: '', standfirst: '', status, sectionId: section.id, publishedAt: new Date(Date.UTC(2026, 0, 1)) });
    await db.article.createMany({ data: ['n-1', 'n-2', 'n-3'].map((slug) => row(slug, 'published')) });
    const drafts = Array.from({ length: SEARCH_CANDIDATES }, (_, index) => row(`n-draft-${index}`, 'draft'));
    for (let at = 0; at < drafts.length; at += 500) await db.article.createMany({ data: drafts.slice(at, at + 500) });
    const results = await searchArticles('narwhal');
    expect(results).toMatchObject({ total: 3, totalCapped: false, pageCount: 1, hits: [] });
  });
});
