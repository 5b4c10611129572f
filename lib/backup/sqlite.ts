// SQLite's side of backup and restore. The copy is SQLite's online backup (better-sqlite3's
// db.backup()) taken in ONE step, so every page comes from one read snapshot while editors keep
// writing (WAL lets them). The restore reads that file through ATTACH and inserts every table in one
// transaction with foreign keys checked at its commit: all or nothing, and the search index is filled
// by its own triggers as the articles go in.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { sqlitePath } from '@/lib/db/url';
import { notBackedUp } from '@/lib/backup/manifest';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export type DatabaseFacts = { tables: Record<string, number>; migrations: string[]; mediaPaths: string[] };

function tablesOf(connection: Database.Database, schema = 'main'): string[] {
  return (connection.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[])
    .map((row) => row.name)
    .filter((name) => !notBackedUp(name));
}

function factsOf(connection: Database.Database): DatabaseFacts {
  const tables: Record<string, number> = {};
  for (const name of tablesOf(connection)) tables[name] = Number((connection.prepare(`SELECT count(*) AS n FROM ${quote(name)}`).get() as { n: number }).n);
  const hasMigrations = connection.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  const migrations = hasMigrations
    ? (connection.prepare('SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name').all() as { name: string }[]).map((row) => row.name)
    : [];
  const mediaPaths = 'Media' in tables ? (connection.prepare('SELECT path FROM "Media" ORDER BY id').all() as { path: string }[]).map((row) => row.path) : [];
  return { tables, migrations, mediaPaths };
}

/** Copies the database into `file` (which must not exist) and describes the copy. */
export async function dumpSqlite(url: string, file: string): Promise<DatabaseFacts> {
  const source = new Database(sqlitePath(url), { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    // The first step copies nothing (better-sqlite3 starts with a rate of 0); the handler then asks for
    // every remaining page in one step: one read snapshot, so the copy is consistent (a backup taken in
    // several steps restarts whenever another connection writes, and may never finish on a busy site).
    await source.backup(file, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new Database(file, { timeout: 10_000 });
  try {
    // A self-contained file: no -wal or -shm beside it.
    copy.pragma('journal_mode = DELETE');
    return factsOf(copy);
  } finally {
    copy.close();
  }
}

/** Rows per table of a live database (for comparing a restore with its manifest). */
export function sqliteFacts(url: string): DatabaseFacts {
  const connection = new Database(sqlitePath(url), { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    return factsOf(connection);
  } finally {
    connection.close();
  }
}

/** The first table that has rows, or null when the database is missing or holds nothing. */
export function firstSqliteTableWithRows(url: string): string | null {
  const file = sqlitePath(url);
  if (!fs.existsSync(file)) return null;
  const connection = new Database(file, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    return tablesOf(connection).find((name) => connection.prepare(`SELECT 1 FROM ${quote(name)} LIMIT 1`).get()) ?? null;
  } finally {
    connection.close();
  }
}

/** Inserts every table of the backup file into the (migrated, empty) database, in one transaction. */
export function loadSqlite(url: string, file: string): void {
  const target = new Database(sqlitePath(url), { fileMustExist: true, timeout: 10_000 });
  try {
    target.prepare('ATTACH DATABASE ? AS backup').run(file);
    const columnsOf = (schema: string, table: string) => (target.prepare(`PRAGMA ${schema}.table_info(${quote(table)})`).all() as { name: string }[]).map((row) => row.name);
    const present = new Set(tablesOf(target));
    const tables = tablesOf(target, 'backup');
    for (const table of tables) {
      if (!present.has(table)) throw new Error(`table "${table}" of the backup does not exist in this database`);
      const missing = columnsOf('backup', table).filter((column) => !columnsOf('main', table).includes(column));
      if (missing.length) throw new Error(`columns ${missing.join(', ')} of "${table}" in the backup do not exist in this database`);
    }
    target.transaction(() => {
      // Rows go in table by table; references between them are checked once, at the commit.
      target.pragma('defer_foreign_keys = ON');
      for (const table of tables) {
        const columns = columnsOf('backup', table).map(quote).join(', ');
        target.exec(`INSERT INTO main.${quote(table)} (${columns}) SELECT ${columns} FROM backup.${quote(table)}`);
      }
    })();
    target.exec('DETACH DATABASE backup');
  } finally {
    target.close();
  }
}
