// Bodies stored before blocks → blocks, once, at start (after the migrations: scripts/support/
// prepare-site.ts, npm run db:migrate). The migration 20261128100000_story_blocks moved every HTML body
// to "ArticleBodyHtml" and listed every revision whose snapshot holds one in "RevisionBodyHtml"; this
// converts a batch, writes the blocks, their plain text and word count, and deletes the waiting rows,
// in one transaction, so a crash leaves each row converted or waiting: running it again goes on where
// it stopped (idempotent). Once done both tables are empty, so the check at every later start costs
// two reads of empty tables, whatever the size of the site.
// What has no block keeps its text as paragraphs (lib/articles/body/from-html.ts); pictures given by
// a remote address only (which a picture block cannot name) are counted and reported.
import { bodyColumns } from '@/lib/articles/body/columns';
import { BodyNestingError, convertHtml, paragraphsToBlocks, type HtmlConversion } from '@/lib/articles/body/from-html';
import { bodyToText } from '@/lib/articles/body/html-text';
import { bodyFormatVersion, type BodyDocument } from '@/lib/articles/body/schema';
import { db } from '@/lib/db/client';
import { faultPoint } from '@/lib/faults/kill';
import { onPostgres, parameter, parameters } from '@/lib/db/dialect';
import type { Prisma } from '@/lib/generated/prisma/client';

export type StoredBodyConversion = { articles: number; revisions: number; droppedPictures: number };

// Rows read and converted per transaction (a crash loses at most one batch's work, never a row's
// text), written back in chunks of writeChunk rows per UPDATE (4 parameters a row stays far under
// SQLite's 32,766 and PostgreSQL's 65,535). Progress is printed every progressEvery rows.
const defaultBatchSize = 1_000;
const writeChunk = 500;
const progressEvery = 10_000;

/** HTML as stored before blocks → a BodyDocument. Never throws, never loses text. */
export function storedHtmlToDocument(html: string): { document: BodyDocument; droppedPictures: number } {
  let converted: HtmlConversion;
  try {
    converted = convertHtml(html);
  } catch (error) {
    // Stored HTML was sanitised under the same nesting limit, so this does not happen; if it did,
    // the text still goes across, as paragraphs.
    if (!(error instanceof BodyNestingError)) throw error;
    converted = { blocks: paragraphsToBlocks(bodyToText(html).split(/\n{2,}/)), droppedPictures: [] };
  }
  return { document: { version: bodyFormatVersion, blocks: converted.blocks }, droppedPictures: converted.droppedPictures.length };
}

type ConvertedRow = { id: number; body: BodyDocument; bodyText: string; wordCount: number };

/** Writes converted rows with one UPDATE per chunk; `withText` also writes bodyText (and so re-indexes). */
async function updateBodies(tx: Prisma.TransactionClient, rows: ConvertedRow[], withText: boolean): Promise<number> {
  let written = 0;
  for (let from = 0; from < rows.length; from += writeChunk) {
    const chunk = rows.slice(from, from + writeChunk);
    const width = withText ? 4 : 3;
    const values: unknown[] = [];
    const tuples = chunk.map((row, index) => {
      values.push(row.id, JSON.stringify(row.body), row.wordCount);
      if (withText) values.push(row.bodyText);
      const first = index * width + 1;
      return onPostgres()
        ? `($${first}::integer, $${first + 1}::jsonb, $${first + 2}::integer${withText ? `, $${first + 3}::text` : ''})`
        : `(${parameters(width, first)})`;
    });
    // SQLite names the columns of a VALUES list column1, column2…; PostgreSQL takes names after the alias.
    const [id, body, words, text] = onPostgres() ? ['"v"."id"', '"v"."body"', '"v"."words"', '"v"."text"'] : ['"v"."column1"', '"v"."column2"', '"v"."column3"', '"v"."column4"'];
    const alias = onPostgres() ? `"v"("id", "body", "words"${withText ? ', "text"' : ''})` : '"v"';
    written += await tx.$executeRawUnsafe(
      `UPDATE "Article" SET "body" = ${body}, "wordCount" = ${words}${withText ? `, "bodyText" = ${text}` : ''} ` +
        `FROM (VALUES ${tuples.join(', ')}) AS ${alias} WHERE "Article"."id" = ${id}`,
      ...values,
    );
  }
  return written;
}

async function highestWaitingId(): Promise<number> {
  return (await db.articleBodyHtml.aggregate({ _max: { articleId: true } }))._max.articleId ?? 0;
}

/** Deletes the waiting rows of what a batch converted (ids a chunk at a time, under both databases' parameter limits). */
async function forgetWaiting(tx: Prisma.TransactionClient, table: 'ArticleBodyHtml' | 'RevisionBodyHtml', ids: readonly number[]): Promise<void> {
  const column = table === 'ArticleBodyHtml' ? 'articleId' : 'revisionId';
  for (let from = 0; from < ids.length; from += writeChunk) {
    const chunk = ids.slice(from, from + writeChunk);
    await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "${column}" IN (${parameters(chunk.length)})`, ...chunk);
  }
}

function formatSeconds(seconds: number): string {
  return seconds < 90 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`;
}

// One batch: read in the write transaction, convert in memory, write with one UPDATE per chunk.
async function convertArticles(batchSize: number, log: (line: string) => void): Promise<{ articles: number; droppedPictures: number }> {
  let articles = 0;
  let droppedPictures = 0;
  let after = 0;
  let lastReport = 0;
  let highest: number | null = null;
  const started = performance.now();
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRawUnsafe<{ id: number | bigint; html: string; text: string }[]>(
        `SELECT "w"."articleId" AS "id", "w"."html" AS "html", "a"."bodyText" AS "text" FROM "ArticleBodyHtml" AS "w" ` +
          `JOIN "Article" AS "a" ON "a"."id" = "w"."articleId" WHERE "w"."articleId" > ${parameter(1)} ORDER BY "w"."articleId" LIMIT ${batchSize}`,
        after,
      );
      if (!rows.length) return null;
      const changed: ConvertedRow[] = [];
      const sameText: ConvertedRow[] = [];
      let dropped = 0;
      for (const row of rows) {
        const { document, droppedPictures: pictures } = storedHtmlToDocument(row.html);
        const columns = bodyColumns(document);
        // The search index (FTS5 trigger on bodyText, the generated tsvector) is only touched when
        // the text really changed: most stored bodies read the same as blocks.
        (columns.bodyText === row.text ? sameText : changed).push({ id: Number(row.id), ...columns });
        dropped += pictures;
        faultPoint('bodies.converted');
      }
      // updatedAt is not written: a conversion is not an edit. The waiting rows go in the same
      // transaction as the blocks that replace them.
      const written = (await updateBodies(tx, changed, true)) + (await updateBodies(tx, sameText, false));
      await forgetWaiting(tx, 'ArticleBodyHtml', rows.map((row) => Number(row.id)));
      return { last: Number(rows.at(-1)!.id), written, dropped };
    }, { timeout: 120_000 });
    if (!batch) break;
    after = batch.last;
    articles += batch.written;
    droppedPictures += batch.dropped;
    if (articles - lastReport >= progressEvery) {
      lastReport = articles;
      highest ??= await highestWaitingId();
      const seconds = (performance.now() - started) / 1000;
      const idsPerSecond = after / seconds;
      const eta = Math.max(0, (highest - after) / Math.max(idsPerSecond, 1));
      log(`converting bodies to blocks: ${articles} done (${Math.round(articles / seconds)}/s, about ${formatSeconds(eta)} left)`);
    }
  }
  return { articles, droppedPictures };
}

async function waitingRevisions(tx: Prisma.TransactionClient, after: number, batchSize: number): Promise<{ id: number; snapshot: unknown }[]> {
  const rows = await tx.$queryRawUnsafe<{ id: number | bigint; snapshot: unknown }[]>(
    `SELECT "r"."id", "r"."snapshot" FROM "RevisionBodyHtml" AS "w" JOIN "Revision" AS "r" ON "r"."id" = "w"."revisionId" ` +
      `WHERE "w"."revisionId" > ${parameter(1)} ORDER BY "w"."revisionId" LIMIT ${batchSize}`,
    after,
  );
  return rows.map((row) => ({ id: Number(row.id), snapshot: typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot }));
}

async function convertRevisions(batchSize: number): Promise<{ revisions: number; droppedPictures: number }> {
  let revisions = 0;
  let droppedPictures = 0;
  let after = 0;
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const rows = await waitingRevisions(tx, after, batchSize);
      if (!rows.length) return null;
      let converted = 0;
      let dropped = 0;
      for (const row of rows) {
        const snapshot = row.snapshot as Record<string, unknown>;
        if (typeof snapshot?.body !== 'string') continue;
        const { document, droppedPictures: pictures } = storedHtmlToDocument(snapshot.body);
        await tx.revision.update({ where: { id: row.id }, data: { snapshot: { ...snapshot, body: document, language: snapshot.language ?? '' } as Prisma.InputJsonValue } });
        converted += 1;
        dropped += pictures;
      }
      await forgetWaiting(tx, 'RevisionBodyHtml', rows.map((row) => row.id));
      return { last: rows.at(-1)!.id, converted, dropped };
    }, { timeout: 120_000 });
    if (!batch) break;
    after = batch.last;
    revisions += batch.converted;
    droppedPictures += batch.dropped;
  }
  return { revisions, droppedPictures };
}

/** Converts every body and revision snapshot still in HTML; says what it did through `log`. */
export async function convertStoredBodies(options: { log?: (line: string) => void; batchSize?: number } = {}): Promise<StoredBodyConversion> {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? defaultBatchSize;
  const articles = await convertArticles(batchSize, log);
  const revisions = await convertRevisions(batchSize);
  const result = { articles: articles.articles, revisions: revisions.revisions, droppedPictures: articles.droppedPictures + revisions.droppedPictures };
  if (result.articles || result.revisions) {
    log(`converted ${result.articles} article bodies (${result.revisions} revisions) to blocks`);
    if (result.droppedPictures) {
      log(`${result.droppedPictures} pictures given only by a web address had no media item to become and were left out (their text, captions included, was kept)`);
    }
  }
  return result;
}
