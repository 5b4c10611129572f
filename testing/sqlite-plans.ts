// SQLite's own query plans for the SQL that some code makes Prisma (or raw SQL) run: plan tests read
// which index drives each query, the property that decides its cost at 1,000,000 articles long before
// a test database is big enough to show it in time. SQLite only (PostgreSQL plans from statistics).
import Database from 'better-sqlite3';
import { db } from '@/lib/db/client';

/** The statements `work` prepares that `keep` selects, each with SQLite's plan (parameters as NULL). */
export async function sqlitePlans(work: () => Promise<unknown>, keep: (sql: string) => boolean): Promise<{ sql: string; plan: string[] }[]> {
  const statements: string[] = [];
  const originalPrepare = Database.prototype.prepare;
  Database.prototype.prepare = function (this: Database.Database, sql: string) {
    statements.push(sql);
    return originalPrepare.call(this, sql);
  } as typeof originalPrepare;
  try {
    await work();
  } finally {
    Database.prototype.prepare = originalPrepare;
  }
  return Promise.all(
    [...new Set(statements.filter(keep))].map(async (sql) => {
      const parameters = Array.from({ length: (sql.match(/\?/g) ?? []).length }, () => null);
      const rows = await db.$queryRawUnsafe<{ detail: string }[]>(`EXPLAIN QUERY PLAN ${sql}`, ...parameters);
      return { sql, plan: rows.map((row) => row.detail) };
    }),
  );
}

/** The table steps of a plan, in the order SQLite runs them (co-routine, subquery and sorting lines left out). */
export const tableSteps = (plan: string[]): string[] => plan.filter((line) => /^(SCAN|SEARCH) /.test(line) && !/^SCAN (sub|\(subquery)/.test(line));
