// What SQL would bring a database built by the committed migrations to the Prisma schema: empty
// when they agree. Driven through the same WASM schema engine as migrations at start (the engine
// replays the migrations into a shadow database, then compares), so it needs no Prisma CLI.
import fs from 'node:fs';
import path from 'node:path';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { adapterFactory, schemaEngineModule } from '@/lib/db/migrate';

type DiffEngine = { diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }> };

export function migrationList(baseDir: string) {
  const names = fs
    .readdirSync(baseDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return {
    baseDir,
    shadowDbInitScript: '',
    lockfile: { path: 'migration_lock.toml', content: fs.readFileSync(path.join(baseDir, 'migration_lock.toml'), 'utf8') },
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: fs.readFileSync(path.join(baseDir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}

/**
 * The migration script from `migrationsDir` to `schema` (a Prisma schema's text), as
 * `prisma migrate diff --from-migrations --to-schema --script` prints it. `url` is a database on the
 * same kind of server, used to make the shadow database (SQLite: any file: URL).
 */
export async function migrationsToSchemaDiff(url: string, migrationsDir: string, schema: { path: string; content: string }): Promise<string> {
  const engineModule = await schemaEngineModule();
  const opened: SqlDriverAdapter[] = [];
  const factory = await adapterFactory(url, opened);
  const engine = (await engineModule.SchemaEngine.new(
    { datamodels: [[schema.path, schema.content]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory),
  )) as unknown as DiffEngine;
  try {
    const result = await engine.diff({
      from: { tag: 'migrations', ...migrationList(migrationsDir) },
      to: { tag: 'schemaDatamodel', files: [{ path: schema.path, content: schema.content }] },
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return result.stdout ?? '';
  } finally {
    await Promise.all(opened.map((adapter) => adapter.dispose().catch(() => {})));
  }
}
