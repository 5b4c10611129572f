// PostgreSQL's side of backup and restore, through PostgreSQL's own tools. The backup opens ONE
// repeatable-read transaction, exports its snapshot, counts every table in it and has pg_dump read
// the data from that very snapshot (--snapshot): the counts in the manifest are the dump's counts,
// whatever editors write meanwhile. Data only: the schema comes from Lede's migrations, so a backup
// restores into an empty database migrated to the backup's migrations, then newer ones apply.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { postgresConfig } from '@/lib/db/postgres';
import { notBackedUp } from '@/lib/backup/manifest';
import type { DatabaseFacts } from '@/lib/backup/sqlite';

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client(postgresConfig(url));
  await client.connect();
  return client;
}

async function tablesOf(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  return rows.map((row) => row.name).filter((name) => !notBackedUp(name));
}

async function factsOf(client: pg.Client): Promise<DatabaseFacts> {
  const tables: Record<string, number> = {};
  for (const name of await tablesOf(client)) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(name)}`);
    tables[name] = Number(rows[0]!.n);
  }
  const { rows: hasMigrations } = await client.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'public' AND table_name = '_prisma_migrations'");
  const migrations = hasMigrations.length
    ? (await client.query<{ name: string }>('SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name')).rows.map((row) => row.name)
    : [];
  const mediaPaths = 'Media' in tables ? (await client.query<{ path: string }>('SELECT path FROM "Media" ORDER BY id')).rows.map((row) => row.path) : [];
  return { tables, migrations, mediaPaths };
}

/** The URL without its password (which travels in PGPASSWORD, never on a command line others can read). */
function toolEnvironment(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function runTool(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'ENOENT' ? new Error(`${tool} was not found: install PostgreSQL's client tools (the server's major version or newer), or name the program in LEDE_${tool.toUpperCase().replace(/\W/g, '_')}`) : error),
    );
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit code ${code}):\n${errors.trim()}`))));
  });
}

const pgDump = () => process.env.LEDE_PG_DUMP || 'pg_dump';
const pgRestore = () => process.env.LEDE_PG_RESTORE || 'pg_restore';

/** Dumps the data into `file` (pg_dump's custom format) and describes that very snapshot. */
export async function dumpPostgres(url: string, file: string): Promise<DatabaseFacts> {
  const client = await connect(url);
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot');
    const facts = await factsOf(client);
    const { dbname, env } = toolEnvironment(url);
    // The snapshot lives as long as this transaction: pg_dump must finish before the COMMIT.
    await runTool(pgDump(), ['--format=custom', '--data-only', '--no-owner', '--no-privileges', '--schema=public', '--exclude-table=_prisma_migrations', '--exclude-table-data="MediaUse"', `--snapshot=${rows[0]!.snapshot}`, `--file=${file}`, `--dbname=${dbname}`], env);
    await client.query('COMMIT');
    return facts;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function postgresFacts(url: string): Promise<DatabaseFacts> {
  const client = await connect(url);
  try {
    return await factsOf(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function firstPostgresTableWithRows(url: string): Promise<string | null> {
  const client = await connect(url);
  try {
    for (const name of await tablesOf(client)) {
      const { rows } = await client.query(`SELECT 1 FROM ${quote(name)} LIMIT 1`);
      if (rows.length) return name;
    }
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Loads the dump into the (migrated, empty) database in one transaction (pg_restore --single-transaction). */
export async function loadPostgres(url: string, file: string): Promise<void> {
  const { dbname, env } = toolEnvironment(url);
  await runTool(pgRestore(), ['--data-only', '--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${dbname}`, file], env);
}
