// The few SQL differences raw queries in lib/ must mind between SQLite and PostgreSQL (everything
// else goes through Prisma's query API, which hides them): parameter markers, and explicit ids
// (SQLite's AUTOINCREMENT follows them by itself, a PostgreSQL sequence must be moved on).
import { config, isPostgres } from '@/lib/config';
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Pick<Prisma.TransactionClient, '$executeRawUnsafe' | '$queryRawUnsafe'>;

export const onPostgres = (): boolean => isPostgres(config.DATABASE_URL);

/** The n-th (1-based) parameter marker: `?` on SQLite, `$n` on PostgreSQL. */
export const parameter = (n: number): string => (onPostgres() ? `$${n}` : '?');

/** `count` markers numbered from `first`, joined by ', ' (for VALUES tuples and IN lists). */
export function parameters(count: number, first = 1): string {
  return Array.from({ length: count }, (_, index) => parameter(first + index)).join(', ');
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * The first id free for explicit-id inserts into `table` (autoincrement "id"), with the table's
 * write lock taken first so no other writer takes ids before this transaction commits. Ids once
 * handed out and deleted are never reused (SQLite's sqlite_sequence, PostgreSQL's sequence).
 */
export async function reserveIds(tx: Tx, table: string): Promise<number> {
  if (onPostgres()) {
    // SHARE ROW EXCLUSIVE conflicts with itself and with every writer, not with readers.
    await tx.$executeRawUnsafe(`LOCK TABLE ${quote(table)} IN SHARE ROW EXCLUSIVE MODE`);
    const rows = await tx.$queryRawUnsafe<{ next: number | bigint }[]>(
      `SELECT GREATEST(COALESCE((SELECT MAX("id") FROM ${quote(table)}), 0),
         (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${sequenceOf(table)})) + 1 AS "next"`,
    );
    return Number(rows[0]!.next);
  }
  // A no-op UPDATE takes SQLite's write lock.
  await tx.$executeRawUnsafe(`UPDATE ${quote(table)} SET "id" = "id" WHERE "id" = -1`);
  const rows = await tx.$queryRawUnsafe<{ next: number | bigint }[]>(
    `SELECT MAX(COALESCE((SELECT MAX("id") FROM ${quote(table)}), 0), COALESCE((SELECT "seq" FROM sqlite_sequence WHERE "name" = '${table.replaceAll("'", "''")}'), 0)) + 1 AS "next"`,
  );
  return Number(rows[0]!.next);
}

// Prisma names the sequence of an autoincrement "id" column "<Table>_id_seq".
const sequenceOf = (table: string): string => quote(`${table}_id_seq`);

/** After rows were inserted with explicit ids: moves PostgreSQL's sequence past the highest id so
 * the next ordinary insert does not collide (SQLite needs nothing). Never moves it backwards. */
export async function syncIdSequence(tx: Tx, table: string): Promise<void> {
  if (!onPostgres()) return;
  const [row] = await tx.$queryRawUnsafe<{ top: number | bigint | null; used: number | bigint | null }[]>(
    `SELECT (SELECT MAX("id") FROM ${quote(table)}) AS "top",
            (SELECT CASE WHEN is_called THEN last_value END FROM ${sequenceOf(table)}) AS "used"`,
  );
  const top = Math.max(Number(row?.top ?? 0), Number(row?.used ?? 0));
  if (top > 0) await tx.$queryRawUnsafe(`SELECT setval('${sequenceOf(table)}', ${top}, true)`);
}
