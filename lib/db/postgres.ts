// PostgreSQL plumbing for lib/db: the driver adapter the migrator drives (with an advisory lock so
// several instances starting at once do not race), and small admin helpers (create, copy from a
// template, drop) that the tests, the e2e harness and db:copy share.
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';

// adapter-pg brings its own @types/pg: name its config type through the adapter.
type PrismaPgConfig = Exclude<ConstructorParameters<typeof PrismaPg>[0], string>;

/** pg connection settings from a postgres:// URL (host, port, user, password, database, ssl...). */
export function postgresConfig(url: string): pg.ClientConfig {
  return parseIntoClientConfig(url);
}

export function databaseName(url: string): string {
  const name = postgresConfig(url).database;
  if (!name) throw new Error(`${redactPassword(url)} names no database`);
  return name;
}

/** The same server, another database (used to reach `postgres` for CREATE/DROP DATABASE). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

export function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

const quoteIdent = (name: string): string => `"${name.replaceAll('"', '""')}"`;

async function onMaintenanceDb<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ ...postgresConfig(url), database: 'postgres' });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(url: string, options: { template?: string } = {}): Promise<void> {
  const name = databaseName(url);
  const template = options.template ? ` TEMPLATE ${quoteIdent(options.template)}` : '';
  await onMaintenanceDb(url, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}${template}`));
}

/** Drops the database even while clients are still connected (PostgreSQL 13+). */
export async function dropDatabase(url: string): Promise<void> {
  const name = databaseName(url);
  await onMaintenanceDb(url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

export async function listDatabases(url: string, prefix: string): Promise<string[]> {
  return onMaintenanceDb(url, async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]);
    return rows.map((row) => row.datname);
  });
}

export async function isPostgresReachable(url: string, timeoutMs = 2_000): Promise<boolean> {
  const client = new pg.Client({ ...postgresConfig(url), database: 'postgres', connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

// The schema engine reads pg_catalog columns of the internal "char" type (oid 18), which the driver
// adapter cannot map and rejects; reported as text (oid 25) they read fine. Only catalog tables use
// "char", so the patch changes nothing for the application's own queries.
let charTypePatched = false;
function reportCharAsText(): void {
  if (charTypePatched) return;
  charTypePatched = true;
  // pg's Result class is not exported by name: reach it through the package's own files.
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  const Result = require('pg/lib/result') as { prototype: { addFields(fields: unknown): void; fields: { dataTypeID: number }[] } };
  const addFields = Result.prototype.addFields;
  Result.prototype.addFields = function (this: { fields: { dataTypeID: number }[] }, fields: unknown) {
    addFields.call(this, fields);
    for (const field of this.fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
  };
}

// Any constant works as long as every instance uses the same one: it names "Lede's migrations".
const MIGRATION_LOCK_KEY = 7_402_113_006;

/**
 * The adapter's executeScript splits a migration at every semicolon, quoted or not, so a statement
 * with semicolons inside it (a trigger function's body: 20261128500000_media_uses) reaches the server
 * cut in pieces. PostgreSQL runs a whole script sent as one simple query (no parameters), statement
 * by statement, in one implicit transaction: send it so. Errors go through the adapter's own mapping.
 */
function wholeScripts(adapter: SqlDriverAdapter): void {
  const inner = adapter as unknown as { client?: { query(sql: string): Promise<unknown> }; onError?: (error: unknown) => never };
  if (!inner.client || !inner.onError) return;
  adapter.executeScript = async (script: string) => {
    try {
      await inner.client!.query(script);
    } catch (error) {
      inner.onError!.call(adapter, error);
    }
  };
}

/**
 * The migration-aware adapter factory the WASM schema engine needs for a postgres:// URL.
 * The first connection takes a session advisory lock; it is released when the last connection is
 * disposed, so a second instance starting at the same time waits, then finds nothing to apply.
 * Adapters it opens are pushed to `opened` so the caller can dispose them.
 */
export async function postgresMigrationAdapter(url: string, opened: SqlDriverAdapter[] = []): Promise<SqlMigrationAwareDriverAdapterFactory> {
  reportCharAsText();
  const config = postgresConfig(url);
  // Discrete settings rather than connectionString: the adapter's shadow-database path swaps the
  // database name, which a connection string would override.
  const factory = new PrismaPg({ ...config, max: 2 } as PrismaPgConfig);
  const connect = factory.connect.bind(factory);
  let lock: pg.Client | undefined;
  let live = 0;

  const acquire = async () => {
    if (live++ > 0) return;
    lock = new pg.Client(config);
    await lock.connect();
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  };
  const release = async () => {
    if (--live > 0 || !lock) return;
    const client = lock;
    lock = undefined;
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end().catch(() => {});
  };
  const tracked = (adapter: SqlDriverAdapter, onDispose: () => Promise<void>): SqlDriverAdapter => {
    wholeScripts(adapter);
    const dispose = adapter.dispose.bind(adapter);
    let disposed = false;
    adapter.dispose = async () => {
      if (disposed) return;
      disposed = true;
      try {
        await dispose();
      } finally {
        await onDispose();
      }
    };
    opened.push(adapter);
    return adapter;
  };

  return Object.assign(factory, {
    connect: async () => {
      await acquire();
      try {
        return tracked(await connect(), release);
      } catch (error) {
        await release();
        throw error;
      }
    },
    // The adapter's own connectToShadowDb keeps the main database's name and drops the shadow
    // database before closing its pool; here: CREATE, use, close the pool, then DROP.
    connectToShadowDb: async () => {
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      const admin = new pg.Client(config);
      await admin.connect();
      await admin.query(`CREATE DATABASE ${quoteIdent(name)}`);
      const shadow = await new PrismaPg({ ...config, database: name, max: 2 } as PrismaPgConfig).connect();
      return tracked(shadow, async () => {
        await admin.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).catch(() => {});
        await admin.end().catch(() => {});
      });
    },
  });
}
