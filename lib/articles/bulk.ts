// Batch inserts for generated and imported content: multi-row INSERTs through the Prisma client's raw
// SQL (parameters, never string-built values), hundreds of rows a statement, inside the caller's
// transaction. A million articles go in this way in minutes where one create() each would take hours.
// Dates are written in the text form Prisma's SQLite adapter itself writes, so ordering by them works.
import type { Prisma } from '@/lib/generated/prisma/client';
import { onPostgres, parameter, parameters, reserveIds, syncIdSequence } from '@/lib/db/dialect';
import type { BodyDocument } from '@/lib/articles/body/schema';

type Tx = Pick<Prisma.TransactionClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;
type Value = string | number | null;

// SQLite allows 32,766 parameters a statement; stay well under.
const maxParameters = 16_000;

/** 2016-11-02T16:20:06.000+00:00, as @prisma/adapter-better-sqlite3 stores DateTime. */
export function sqliteDateTime(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

/** `json`: columns given as JSON text, which PostgreSQL must be told are jsonb (SQLite keeps the text). */
async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: readonly Value[][], json: readonly string[] = []): Promise<void> {
  const perStatement = Math.max(1, Math.floor(maxParameters / columns.length));
  const head = `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(', ')}) VALUES `;
  const casts = columns.map((column) => (json.includes(column) && onPostgres() ? '::jsonb' : ''));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const tuples = chunk.map((_, row) => `(${columns.map((_, column) => `${parameter(row * columns.length + column + 1)}${casts[column]}`).join(', ')})`);
    await tx.$executeRawUnsafe(head + tuples.join(', '), ...chunk.flat());
  }
}

export type BulkArticle = {
  id: number;
  slug: string;
  kicker: string;
  headline: string;
  standfirst: string;
  body: BodyDocument;
  bodyText: string;
  wordCount: number;
  language?: string;
  sourceCredit: string;
  status: 'draft' | 'scheduled' | 'published' | 'unpublished';
  contentType: 'text' | 'video';
  sectionId: number;
  leadMediaId: number | null;
  publishedAt: Date;
  modifiedAt: Date;
};

const articleColumns = [
  'id', 'slug', 'kicker', 'headline', 'standfirst', 'body', 'bodyText', 'wordCount', 'language', 'sourceCredit', 'status',
  'contentType', 'sectionId', 'leadMediaId', 'publishedAt', 'modifiedAt', 'version', 'createdAt', 'updatedAt',
] as const;

export async function insertArticles(tx: Tx, articles: readonly BulkArticle[], now: Date = new Date()): Promise<void> {
  const stamp = sqliteDateTime(now);
  await insertRows(
    tx,
    'Article',
    articleColumns,
    articles.map((a) => [
      // The body's JSON as text: SQLite stores it so, PostgreSQL casts it to jsonb.
      a.id, a.slug, a.kicker, a.headline, a.standfirst, JSON.stringify(a.body), a.bodyText, a.wordCount, a.language ?? '', a.sourceCredit, a.status,
      a.contentType, a.sectionId, a.leadMediaId, sqliteDateTime(a.publishedAt), sqliteDateTime(a.modifiedAt), 1, stamp, stamp,
    ]),
    ['body'],
  );
  // Explicit ids: PostgreSQL's id sequence must be moved past them (SQLite's follows by itself).
  await syncIdSequence(tx, 'Article');
}

export async function insertArticleTags(tx: Tx, rows: readonly { articleId: number; tagId: number; position: number }[]): Promise<void> {
  await insertRows(tx, 'ArticleTag', ['articleId', 'tagId', 'position'], rows.map((r) => [r.articleId, r.tagId, r.position]));
}

export async function insertArticleContributors(tx: Tx, rows: readonly { articleId: number; contributorId: number; position: number }[]): Promise<void> {
  await insertRows(tx, 'ArticleContributor', ['articleId', 'contributorId', 'position'], rows.map((r) => [r.articleId, r.contributorId, r.position]));
}

export type BulkRelatedLink = {
  articleId: number;
  position: number;
  targetArticleId: number | null;
  kicker: string;
  title: string;
  contentType: 'text' | 'video';
  mediaId: number | null;
};

export async function insertRelatedLinks(tx: Tx, rows: readonly BulkRelatedLink[], now: Date = new Date()): Promise<void> {
  const stamp = sqliteDateTime(now);
  await insertRows(
    tx,
    'RelatedLink',
    ['articleId', 'position', 'targetArticleId', 'kicker', 'title', 'contentType', 'mediaId', 'createdAt'],
    rows.map((r) => [r.articleId, r.position, r.targetArticleId, r.kicker, r.title, r.contentType, r.mediaId, stamp]),
  );
}

/**
 * The first free article id, with the write lock taken first (a no-op UPDATE) so no other writer can
 * take ids between this read and the caller's INSERT in the same transaction.
 */
export async function reserveArticleIds(tx: Tx): Promise<number> {
  return reserveIds(tx, 'Article');
}

/** Which of these slugs are already taken by an article or an old slug. */
export async function takenSlugs(tx: Tx, slugs: readonly string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let start = 0; start < slugs.length; start += 10_000) {
    const chunk = slugs.slice(start, start + 10_000);
    if (!chunk.length) continue;
    const rows = await tx.$queryRawUnsafe<{ slug: string }[]>(
      `SELECT "slug" FROM "Article" WHERE "slug" IN (${parameters(chunk.length)}) UNION SELECT "slug" FROM "ArticleSlug" WHERE "slug" IN (${parameters(chunk.length, chunk.length + 1)})`,
      ...chunk,
      ...chunk,
    );
    for (const row of rows) taken.add(row.slug);
  }
  return taken;
}
