// npm run restore -- DIR: fills an EMPTY install from a backup. In order, and nothing is written
// before the first three pass: the manifest parses; every file it lists is there with its size and
// SHA-256; the database has no rows and MEDIA_ROOT no files. Then the database is migrated to the
// backup's migrations, the data goes in (one transaction), newer migrations apply, the media are
// copied, every row count is compared with the manifest, and one refresh of every public page is
// recorded for instances already running.
import fs from 'node:fs';
import path from 'node:path';
import { config, isPostgres } from '@/lib/config';
import { createClient } from '@/lib/db/client';
import { applyMigrations } from '@/lib/db/migrate';
import { recordEverythingRefresh } from '@/lib/cache/refresh';
import { filesUnder, restoreMedia } from '@/lib/backup/media';
import { manifestFile, manifestSchema, sha256File, type BackupManifest, type BackupProgress } from '@/lib/backup/manifest';
import { firstPostgresTableWithRows, loadPostgres, postgresFacts } from '@/lib/backup/postgres';
import { firstSqliteTableWithRows, loadSqlite, sqliteFacts } from '@/lib/backup/sqlite';

export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

export type RestoreOptions = { from: string; databaseUrl?: string; mediaRoot?: string; progress?: BackupProgress };

export function readManifest(from: string): BackupManifest {
  const file = path.join(from, manifestFile);
  if (!fs.existsSync(file)) throw new RestoreRefused(`${file} does not exist: not a backup folder, or an unfinished backup`);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new RestoreRefused(`${file} is not JSON: ${(error as Error).message}`);
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) throw new RestoreRefused(`${file} is not a Lede backup manifest: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** Every file of the manifest is present, of its size and checksum. */
export async function verifyBackup(from: string, manifest: BackupManifest, progress: BackupProgress = () => {}): Promise<void> {
  if (!manifest.files.some((file) => file.path === manifest.database.file)) throw new RestoreRefused(`the manifest lists no checksum for ${manifest.database.file}`);
  progress(`Checking ${manifest.files.length} files against the manifest…`);
  for (const file of manifest.files) {
    const absolute = path.join(from, file.path);
    if (!fs.existsSync(absolute)) throw new RestoreRefused(`${file.path} is missing from the backup`);
    const bytes = fs.statSync(absolute).size;
    if (bytes !== file.bytes) throw new RestoreRefused(`${file.path} has ${bytes} bytes, the manifest says ${file.bytes}: the backup is damaged`);
    if ((await sha256File(absolute)) !== file.sha256) throw new RestoreRefused(`${file.path} does not match its checksum: the backup is damaged`);
  }
}

export async function restoreSite(options: RestoreOptions): Promise<{ tables: Record<string, number>; seconds: number }> {
  const started = Date.now();
  const from = path.resolve(options.from);
  const databaseUrl = options.databaseUrl ?? config.DATABASE_URL;
  const mediaRoot = options.mediaRoot ?? config.MEDIA_ROOT;
  const progress = options.progress ?? (() => {});
  const kind = isPostgres(databaseUrl) ? 'postgresql' : 'sqlite';

  const manifest = readManifest(from);
  if (manifest.database.kind !== kind) {
    throw new RestoreRefused(
      `this backup is of a ${manifest.database.kind} database and DATABASE_URL is ${kind}: restore it into ${manifest.database.kind}${manifest.database.kind === 'sqlite' ? ', then move the site with npm run db:copy' : ''}`,
    );
  }
  await verifyBackup(from, manifest, progress);
  const nonEmpty = kind === 'postgresql' ? await firstPostgresTableWithRows(databaseUrl) : firstSqliteTableWithRows(databaseUrl);
  if (nonEmpty) throw new RestoreRefused(`the database is not empty ("${nonEmpty}" has rows): restore only fills an empty install (create a new database, or point DATABASE_URL at one)`);
  const mediaFiles = filesUnder(mediaRoot);
  if (mediaFiles.length) throw new RestoreRefused(`MEDIA_ROOT (${mediaRoot}) already holds ${mediaFiles.length} files: restore only fills an empty media folder`);

  progress(`Database: migrating to the backup's ${manifest.database.migrations.length} migrations…`);
  await applyMigrations(databaseUrl, { only: manifest.database.migrations });
  progress(`Database: loading ${manifest.database.file}…`);
  const dump = path.join(from, manifest.database.file);
  if (kind === 'postgresql') await loadPostgres(databaseUrl, dump);
  else loadSqlite(databaseUrl, dump);
  const { applied } = await applyMigrations(databaseUrl);
  if (applied.length) progress(`Database: applied ${applied.length} newer migrations (${applied.join(', ')})`);

  await restoreMedia(from, manifest.files, mediaRoot, progress);

  const facts = kind === 'postgresql' ? await postgresFacts(databaseUrl) : sqliteFacts(databaseUrl);
  const differing = Object.entries(manifest.database.tables).filter(([table, count]) => facts.tables[table] !== count);
  if (differing.length) {
    throw new Error(`the restored database differs from the manifest: ${differing.map(([table, count]) => `${table} has ${facts.tables[table] ?? 'no table'}, expected ${count}`).join('; ')}`);
  }
  const client = createClient(databaseUrl);
  try {
    await client.$transaction((tx) => recordEverythingRefresh(tx));
  } finally {
    await client.$disconnect();
  }
  const rows = Object.values(facts.tables).reduce((sum, count) => sum + count, 0);
  const seconds = (Date.now() - started) / 1000;
  progress(`Done in ${seconds.toFixed(1)} s: ${rows} rows in ${Object.keys(facts.tables).length} tables, as in the manifest.`);
  return { tables: facts.tables, seconds };
}
