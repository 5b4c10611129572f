// Applies the committed migrations in prisma/migrations to DATABASE_URL before the app serves.
// It drives Prisma's own schema engine compiled to WebAssembly (@prisma/schema-engine-wasm) through
// the driver adapter, so a machine that cannot download Prisma's native engine still migrates, and
// the bookkeeping (_prisma_migrations) is exactly what `prisma migrate deploy` reads and writes.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlMigrationAwareDriverAdapterFactory, SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { config, isPostgres } from '@/lib/config';
import { sqlitePath } from '@/lib/db/url';

export type MigrationResult = { applied: string[] };

export function migrationsFolder(provider: 'sqlite' | 'postgresql'): string {
  const base = path.join(config.projectRoot, 'prisma');
  return provider === 'sqlite' ? path.join(base, 'migrations') : path.join(base, 'postgres', 'migrations');
}

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
};
type EngineModule = {
  __wbg_set_wasm(exports: unknown): void;
  SchemaEngine: { new: (options: unknown, log: (message: string) => void, adapter: object) => Promise<Engine> };
};

let wasmModule: Promise<EngineModule> | undefined;

/** The engine module, loaded once per process (lib/db/drift.ts drives its diff too). */
export function schemaEngineModule(): Promise<EngineModule> {
  return (wasmModule ??= loadEngine());
}

async function loadEngine(): Promise<EngineModule> {
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => process.stderr.write(`[schema-engine panic] ${message}\n`),
  };
  const require = createRequire(path.join(config.projectRoot, 'package.json'));
  const bgPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg');
  const bg = (await import(/* webpackIgnore: true */ bgPath)) as EngineModule & Record<string, unknown>;
  const wasm = fs.readFileSync(path.join(path.dirname(bgPath), 'schema_engine_bg.wasm'));
  // On PostgreSQL the engine arms a 10 s timer around its advisory lock and never clears it: unref
  // the engine's timers so a finished `npm run db:migrate` (or a test) exits at once.
  const imports: Record<string, unknown> = { ...bg };
  for (const name of Object.keys(imports).filter((key) => key.startsWith('__wbg_setTimeout_'))) {
    imports[name] = (callback: () => void, ms: number) => {
      const timer = setTimeout(callback, ms);
      timer.unref?.();
      return timer;
    };
  }
  const instance = new WebAssembly.Instance(new WebAssembly.Module(wasm), { './schema_engine_bg.js': imports as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  return bg;
}

// The engine hands multi-statement scripts to executeRaw; better-sqlite3 only runs those through
// executeScript.
function acceptScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (error) {
      if (!query.args?.length && /more than one statement/.test(String((error as Error)?.message))) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };
  return adapter;
}

export async function adapterFactory(url: string, opened: SqlDriverAdapter[]): Promise<SqlMigrationAwareDriverAdapterFactory> {
  if (isPostgres(url)) {
    const { postgresMigrationAdapter } = await import('@/lib/db/postgres');
    return postgresMigrationAdapter(url, opened);
  }
  const file = sqlitePath(url);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // WAL lets readers (every page render) go on while the editor or the importer writes. It is a
  // property of the file, so setting it once here is enough.
  const connection = new Database(file);
  connection.pragma('journal_mode = WAL');
  connection.close();
  const factory = new PrismaBetterSqlite3({ url: file });
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  const track = (adapter: SqlDriverAdapter) => (opened.push(adapter), acceptScripts(adapter));
  return Object.assign(factory, {
    connect: async () => track(await connect()),
    connectToShadowDb: async () => track(await connectToShadowDb()),
  });
}

/** True when every migration folder is recorded as applied (and none failed) in _prisma_migrations. */
export function sqliteIsUpToDate(file: string, names: readonly string[]): boolean {
  if (!fs.existsSync(file)) return false;
  const connection = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = connection.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
    if (!table) return false;
    const rows = connection.prepare('SELECT migration_name AS name, finished_at AS finished, rolled_back_at AS rolledBack FROM "_prisma_migrations"').all() as {
      name: string;
      finished: unknown;
      rolledBack: unknown;
    }[];
    if (rows.some((row) => row.finished === null && row.rolledBack === null)) return false;
    const applied = new Set(rows.filter((row) => row.finished !== null && row.rolledBack === null).map((row) => row.name));
    return names.every((name) => applied.has(name));
  } finally {
    connection.close();
  }
}

/** `only`: apply just these migrations (a restore first builds the schema its backup was taken at). */
export async function applyMigrations(url: string = config.DATABASE_URL, options: { only?: readonly string[] } = {}): Promise<MigrationResult> {
  const provider = isPostgres(url) ? 'postgresql' : 'sqlite';
  const baseDir = migrationsFolder(provider);
  const all = fs
    .readdirSync(baseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const unknown = options.only?.filter((name) => !all.includes(name)) ?? [];
  if (unknown.length) throw new Error(`migration ${unknown.join(', ')} is unknown to this version of Lede: use the version (or a newer one) that made the backup`);
  const names = options.only ? all.filter((name) => options.only!.includes(name)) : all;
  const migrationDirectories = names.map((name) => ({
    path: name,
    migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: fs.readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') } },
  }));
  const lockfile = { path: 'migration_lock.toml', content: fs.readFileSync(path.join(baseDir, 'migration_lock.toml'), 'utf8') };

  // Prisma's engine takes SQLite's exclusive locking mode, which a running app's open connection
  // denies. Every CLI starts by migrating, so when nothing is pending they must not need the engine.
  if (provider === 'sqlite' && sqliteIsUpToDate(sqlitePath(url), names)) return { applied: [] };

  const engineModule = await schemaEngineModule();
  const opened: SqlDriverAdapter[] = [];
  const factory = await adapterFactory(url, opened);
  const engine = await engineModule.SchemaEngine.new({}, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    const result = await engine.applyMigrations({
      migrationsList: { baseDir, shadowDbInitScript: '', lockfile, migrationDirectories },
      filters: { externalTables: [], externalEnums: [] },
    });
    return { applied: result.appliedMigrationNames };
  } catch (error) {
    if (provider === 'sqlite' && /SocketTimeout|database is locked/i.test(String((error as Error)?.message))) {
      throw new Error(
        `Cannot apply the pending migrations to ${sqlitePath(url)}: the database is in use (a running Lede holds it). Stop the app, then run \`npm run db:migrate\` or \`npm start\`.`,
      );
    }
    throw error;
  } finally {
    await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => {})));
  }
}
