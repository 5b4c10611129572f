// First: it makes the process's database client with query events, before lib/db/client.ts does.
import { queriesSentBy, type SentQuery } from '@/testing/query-log';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db/client';
import { isPostgres } from '@/lib/config';
import { loadArticlePage, getPublishedArticle } from '@/lib/articles/queries';
import { articleSelect } from '@/lib/articles/select';
import { toArticleView } from '@/lib/articles/mappers';
import { toBylineEntry } from '@/lib/contributors/select';
import { PAGE_SIZE, parseCursor } from '@/lib/articles/cursor';

// Outside Next the data cache has no store: the byline's cached read runs as it is.
vi.mock('next/cache', () => ({ unstable_cache: (read: () => Promise<unknown>) => read }));

const TOTAL = 47;
let sectionId = 0;

beforeAll(async () => {
  const section = await db.section.create({ data: { slug: 'world', name: 'World' } });
  const other = await db.section.create({ data: { slug: 'sport', name: 'Sport' } });
  sectionId = section.id;
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (let index = 0; index < TOTAL; index++) {
    // Pairs of articles share a publication time: the id must break the tie without losing any.
    await db.article.create({
      data: {
        slug: `story-${index}`,
        headline: `Story ${index}`,
        status: 'published',
        sectionId: section.id,
        publishedAt: new Date(base - Math.floor(index / 2) * 60_000),
      },
    });
  }
  await db.article.create({ data: { slug: 'draft', headline: 'Draft', status: 'draft', sectionId: section.id, publishedAt: new Date(base + 1) } });
  await db.article.create({ data: { slug: 'sport-story', headline: 'Sport', status: 'published', sectionId: other.id, publishedAt: new Date(base + 2) } });
});

describe('loadArticlePage (keyset pagination)', () => {
  it('walks older pages without duplicates or gaps, newest first, published only', async () => {
    const seen: string[] = [];
    let page = await loadArticlePage({ sectionId }, null, 'older');
    expect(page.newerCursor).toBeNull();
    const pages = [page];
    while (page.olderCursor) {
      page = await loadArticlePage({ sectionId }, parseCursor(page.olderCursor), 'older');
      pages.push(page);
    }
    for (const each of pages) seen.push(...each.articles.map((article) => article.slug));
    expect(pages.map((each) => each.articles.length)).toEqual([PAGE_SIZE, PAGE_SIZE, TOTAL - 2 * PAGE_SIZE]);
    expect(new Set(seen).size).toBe(TOTAL);
    expect(seen).not.toContain('draft');
    expect(seen).not.toContain('sport-story');
    const times = pages.flatMap((each) => each.articles.map((article) => Date.parse(article.publishedAt)));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('goes back to the same page with the newer cursor', async () => {
    const first = await loadArticlePage({ sectionId }, null, 'older');
    const second = await loadArticlePage({ sectionId }, parseCursor(first.olderCursor!), 'older');
    expect(second.newerCursor).not.toBeNull();
    const back = await loadArticlePage({ sectionId }, parseCursor(second.newerCursor!), 'newer');
    expect(back.articles.map((article) => article.slug)).toEqual(first.articles.map((article) => article.slug));
    expect(back.newerCursor).toBeNull();
  });

  // The plan of the query Prisma really sends for a deep page (captured from its query events, run
  // again under EXPLAIN with its own parameters): a seek in the (sectionId, status, publishedAt, id)
  // index, read in index order, never a scan of the table or a sort of every matching row.
  it('seeks with the section index instead of scanning and sorting the section', async () => {
    const first = await loadArticlePage({ sectionId }, null, 'older');
    const cursor = parseCursor(first.olderCursor!);
    for (const direction of ['older', 'newer'] as const) {
      const plan = await planOf(await articleListQuery(() => loadArticlePage({ sectionId }, cursor, direction)));
      if (isPostgres()) {
        expect(plan, direction).toMatch(/Index (Only )?Scan( Backward)? using "?Article_sectionId_status_publishedAt_id_idx"? on "?Article"?/);
        expect(plan, direction).toMatch(/Index Cond: \(\("sectionId" = \S+\) AND \(status = .+\) AND \("publishedAt" [<>]= .+\)\)$/m);
        expect(plan, direction).not.toMatch(/Seq Scan|Sort/);
      } else {
        expect(plan, direction).toMatch(/SEARCH (main\.)?Article USING (COVERING )?INDEX Article_sectionId_status_publishedAt_id_idx \(sectionId=\? AND status=\? AND publishedAt[<>]\?\)/);
        expect(plan, direction).not.toMatch(/SCAN (main\.)?Article|TEMP B-TREE/);
      }
    }
  });
});

/** The one query of `work` that lists articles (the keyset query), as Prisma sent it. */
async function articleListQuery(work: () => Promise<unknown>): Promise<SentQuery> {
  // SQLite's queries name `main`.`Article`, PostgreSQL's "public"."Article".
  const lists = (await queriesSentBy(work)).filter((query) => /\bFROM\s+([`"]\w+[`"]\.)?[`"]Article[`"]/.test(query.sql) && /\bORDER BY\b/.test(query.sql));
  expect(lists, 'one keyset query per page').toHaveLength(1);
  return lists[0]!;
}

/** EXPLAIN QUERY PLAN (SQLite) or EXPLAIN (PostgreSQL) of a sent query, one line per plan node. A
 * test table of 49 rows is one disk page, so PostgreSQL would rightly scan it whatever the indexes;
 * with sequential and bitmap scans priced out, the plan shows whether the index CAN serve the query
 * in order (an ORDER BY it cannot serve shows as a Sort node). */
async function planOf(query: SentQuery): Promise<string> {
  if (!isPostgres()) {
    const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${query.sql}`, ...query.params);
    return rows.map((row) => row.detail).join('\n');
  }
  const [, , rows] = await db.$transaction([
    db.$executeRawUnsafe('SET LOCAL enable_seqscan = off'),
    db.$executeRawUnsafe('SET LOCAL enable_bitmapscan = off'),
    db.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(`EXPLAIN ${query.sql}`, ...query.params),
  ]);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

describe('getPublishedArticle', () => {
  it('returns published articles and nothing else', async () => {
    expect((await getPublishedArticle('story-3'))?.headline).toBe('Story 3');
    expect(await getPublishedArticle('draft')).toBeNull();
    expect(await getPublishedArticle('no-such-story')).toBeNull();
  });
});

/** The article as the full selection reads it (every relation nested, the byline with the row). */
async function fullView(slug: string) {
  const row = await db.article.findUniqueOrThrow({ where: { slug }, select: articleSelect });
  return toArticleView(row, row.contributors.map(({ contributor }) => toBylineEntry(contributor)));
}

describe('getPublishedArticle: what one uncached render reads', () => {
  it('gives the same article as the full selection, related links and tags included, in order', async () => {
    const picture = await db.media.create({ data: { kind: 'image', path: 'related/lead.jpg', mimeType: 'image/jpeg', width: 1600, height: 900, alt: 'Lead' } });
    const target = await db.article.create({ data: { slug: 'linked-story', headline: 'Linked', kicker: 'Kick', status: 'published', sectionId, leadMediaId: picture.id, publishedAt: new Date('2026-01-01T12:00:00Z') } });
    const tag = await db.tag.create({ data: { slug: 'climate', name: 'Climate' } });
    await db.article.create({
      data: {
        slug: 'story-with-links',
        headline: 'With links',
        status: 'published',
        sectionId,
        leadMediaId: picture.id,
        publishedAt: new Date('2026-01-03T00:00:00Z'),
        tags: { create: [{ tagId: tag.id, position: 0 }] },
        corrections: { create: [{ note: 'A date was wrong.' }] },
        relatedLinks: {
          create: [
            { position: 1, url: 'https://example.org/elsewhere', title: 'Elsewhere', kicker: 'Away', contentType: 'text' },
            { position: 0, targetArticleId: target.id },
          ],
        },
      },
    });
    const article = await getPublishedArticle('story-with-links');
    expect(article).toEqual(await fullView('story-with-links'));
    expect(article!.related.map((link) => link.title)).toEqual(['Linked', 'Elsewhere']);
  });

  it('reads nothing about related links beyond their ids when there are none', async () => {
    const sent = await queriesSentBy(() => getPublishedArticle('story-4'));
    const articleReads = sent.filter((query) => /\bFROM\s+([`"]\w+[`"]\.)?[`"]Article[`"]/.test(query.sql));
    expect(articleReads, 'the article itself, no related target').toHaveLength(1);
    expect(await getPublishedArticle('story-4')).toEqual(await fullView('story-4'));
  });


  // The byline comes from the data cache per contributor (loadByline); the article's own query
  // needs only the contributors' ids. Reading the contributors (and their photos) with the article
  // as well cost three more queries on every uncached render (docs/benchmarks.md, "Uncached render").
  it('reads each contributor once, for the byline, and keeps its order, name and photo', async () => {
    const photo = await db.media.create({ data: { kind: 'image', path: 'contributors/ana.jpg', mimeType: 'image/jpeg', width: 400, height: 400, alt: 'Ana' } });
    const ana = await db.contributor.create({ data: { slug: 'ana-reader', name: 'Ana Reader', jobTitle: 'Editor', photoId: photo.id } });
    const ben = await db.contributor.create({ data: { slug: 'ben-reader', name: 'Ben Reader' } });
    await db.article.create({
      data: {
        slug: 'bylined-story',
        headline: 'Bylined',
        status: 'published',
        sectionId,
        publishedAt: new Date('2026-01-02T00:00:00Z'),
        contributors: { create: [{ contributorId: ben.id, position: 0 }, { contributorId: ana.id, position: 1 }] },
      },
    });
    let article: Awaited<ReturnType<typeof getPublishedArticle>> = null;
    const sent = await queriesSentBy(async () => (article = await getPublishedArticle('bylined-story')));
    const contributorReads = sent.filter((query) => /\bFROM\s+([`"]\w+[`"]\.)?[`"]Contributor[`"]/.test(query.sql));
    expect(contributorReads, sent.map((query) => query.sql.slice(0, 120)).join('\n')).toHaveLength(1);
    expect(article!.byline.map((entry) => entry.name)).toEqual(['Ben Reader', 'Ana Reader']);
    expect(article!.byline[1]!.photo?.url).toContain('contributors/ana.jpg');
  });
});
