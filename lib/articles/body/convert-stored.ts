// Bodies stored before blocks → blocks, once, at start (after the migrations: scripts/support/
// prepare-site.ts, npm run db:migrate). The migration 20261128100000_story_blocks renamed the HTML
// column to "legacyBodyHtml"; this reads every row where it is not empty, writes the blocks, their
// plain text and word count AND empties it in the same UPDATE, so a crash between batches leaves
// every row either converted or untouched: running it again goes on where it stopped (idempotent).
// Revisions whose snapshot holds the body as a string (HTML) get their snapshot's body converted too.
// What has no block keeps its text as paragraphs (lib/articles/body/from-html.ts); pictures given by
// a remote address only (which a picture block cannot name) are counted and reported.
import { bodyColumns } from '@/lib/articles/body/columns';
import { BodyNestingError, convertHtml, paragraphsToBlocks, type HtmlConversion } from '@/lib/articles/body/from-html';
import { bodyToText } from '@/lib/articles/body/html-text';
import { bodyFormatVersion, type BodyDocument } from '@/lib/articles/body/schema';
import { db } from '@/lib/db/client';
import { faultPoint } from '@/lib/faults/kill';
import { onPostgres } from '@/lib/db/dialect';
import type { Prisma } from '@/lib/generated/prisma/client';

export type StoredBodyConversion = { articles: number; revisions: number; droppedPictures: number };

const batchSize = 200;

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

async function convertArticles(): Promise<{ articles: number; droppedPictures: number }> {
  let articles = 0;
  let droppedPictures = 0;
  let after = 0;
  for (;;) {
    const rows = await db.article.findMany({
      where: { id: { gt: after }, legacyBodyHtml: { not: '' } },
      select: { id: true, legacyBodyHtml: true, updatedAt: true },
      orderBy: { id: 'asc' },
      take: batchSize,
    });
    if (!rows.length) break;
    after = rows.at(-1)!.id;
    await db.$transaction(async (tx) => {
      for (const row of rows) {
        const { document, droppedPictures: dropped } = storedHtmlToDocument(row.legacyBodyHtml);
        // Only the HTML read above is replaced (an edit since wrote blocks and emptied it), and the
        // row's updatedAt stays: a conversion is not an edit.
        const { count } = await tx.article.updateMany({
          where: { id: row.id, legacyBodyHtml: row.legacyBodyHtml },
          data: { ...bodyColumns(document), legacyBodyHtml: '', updatedAt: row.updatedAt },
        });
        articles += count;
        if (count) droppedPictures += dropped;
        faultPoint('bodies.converted');
      }
    });
  }
  return { articles, droppedPictures };
}

async function revisionsWithHtmlBodies(after: number): Promise<{ id: number; snapshot: unknown }[]> {
  // Which snapshots hold the body as text: the JSON functions differ between the two databases.
  const rows = onPostgres()
    ? await db.$queryRawUnsafe<{ id: number | bigint; snapshot: unknown }[]>(
        `SELECT "id", "snapshot" FROM "Revision" WHERE "id" > $1 AND jsonb_typeof("snapshot"->'body') = 'string' ORDER BY "id" LIMIT ${batchSize}`,
        after,
      )
    : await db.$queryRawUnsafe<{ id: number | bigint; snapshot: unknown }[]>(
        `SELECT "id", "snapshot" FROM "Revision" WHERE "id" > ? AND json_type("snapshot", '$.body') = 'text' ORDER BY "id" LIMIT ${batchSize}`,
        after,
      );
  return rows.map((row) => ({ id: Number(row.id), snapshot: typeof row.snapshot === 'string' ? JSON.parse(row.snapshot) : row.snapshot }));
}

async function convertRevisions(): Promise<{ revisions: number; droppedPictures: number }> {
  let revisions = 0;
  let droppedPictures = 0;
  let after = 0;
  for (;;) {
    const rows = await revisionsWithHtmlBodies(after);
    if (!rows.length) break;
    after = rows.at(-1)!.id;
    await db.$transaction(async (tx) => {
      for (const row of rows) {
        const snapshot = row.snapshot as Record<string, unknown>;
        if (typeof snapshot?.body !== 'string') continue;
        const { document, droppedPictures: dropped } = storedHtmlToDocument(snapshot.body);
        await tx.revision.update({ where: { id: row.id }, data: { snapshot: { ...snapshot, body: document, language: snapshot.language ?? '' } as Prisma.InputJsonValue } });
        revisions += 1;
        droppedPictures += dropped;
      }
    });
  }
  return { revisions, droppedPictures };
}

/** Converts every body and revision snapshot still in HTML; says what it did through `log`. */
export async function convertStoredBodies(options: { log?: (line: string) => void } = {}): Promise<StoredBodyConversion> {
  const log = options.log ?? (() => {});
  const articles = await convertArticles();
  const revisions = await convertRevisions();
  const result = { articles: articles.articles, revisions: revisions.revisions, droppedPictures: articles.droppedPictures + revisions.droppedPictures };
  if (result.articles || result.revisions) {
    log(`converted ${result.articles} article bodies (${result.revisions} revisions) to blocks`);
    if (result.droppedPictures) {
      log(`${result.droppedPictures} pictures given only by a web address had no media item to become and were left out (their text, captions included, was kept)`);
    }
  }
  return result;
}
