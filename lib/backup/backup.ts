// npm run backup -- --out DIR: a consistent copy of the database and the media, with a manifest of
// row counts and checksums (lib/backup/manifest.ts). The database is copied first, from one snapshot
// (SQLite's online backup, or pg_dump inside one repeatable-read transaction); the media after it,
// so every media row of the copy finds its file unless the file was deleted meanwhile (then the
// manifest lists it under missingMedia). The manifest is written last: a folder without one is an
// unfinished backup, and restore refuses it.
import fs from 'node:fs';
import path from 'node:path';
import { config, isPostgres } from '@/lib/config';
import { backupMedia } from '@/lib/backup/media';
import { manifestFile, sha256File, type BackupManifest, type BackupProgress } from '@/lib/backup/manifest';
import { dumpPostgres } from '@/lib/backup/postgres';
import { dumpSqlite } from '@/lib/backup/sqlite';

export type BackupOptions = { out: string; databaseUrl?: string; mediaRoot?: string; progress?: BackupProgress };

export async function backupSite(options: BackupOptions): Promise<BackupManifest> {
  const started = Date.now();
  const databaseUrl = options.databaseUrl ?? config.DATABASE_URL;
  const mediaRoot = options.mediaRoot ?? config.MEDIA_ROOT;
  const progress = options.progress ?? (() => {});
  const out = path.resolve(options.out);
  if (fs.existsSync(out) && fs.readdirSync(out).length) throw new Error(`${out} is not empty: give a new folder for each backup`);
  fs.mkdirSync(out, { recursive: true });

  const kind = isPostgres(databaseUrl) ? 'postgresql' : 'sqlite';
  const dumpName = kind === 'postgresql' ? 'database.pgdump' : 'database.sqlite';
  const dumpPath = path.join(out, dumpName);
  progress(`Database: copying (${kind === 'postgresql' ? 'pg_dump from one repeatable-read snapshot' : "SQLite's online backup"})…`);
  const facts = kind === 'postgresql' ? await dumpPostgres(databaseUrl, dumpPath) : await dumpSqlite(databaseUrl, dumpPath);
  const rows = Object.values(facts.tables).reduce((sum, count) => sum + count, 0);
  const dumpBytes = fs.statSync(dumpPath).size;
  progress(`Database: ${Object.keys(facts.tables).length} tables, ${rows} rows, ${(dumpBytes / 1e6).toFixed(1)} MB`);
  const dumpFile = { path: dumpName, bytes: dumpBytes, sha256: await sha256File(dumpPath) };

  const media = await backupMedia(mediaRoot, out, progress);
  const copied = new Set(media.map((file) => file.path.slice('media/'.length)));
  const missingMedia = facts.mediaPaths.filter((mediaPath) => !copied.has(mediaPath));
  if (missingMedia.length) progress(`Warning: ${missingMedia.length} media rows have no file in ${mediaRoot} (first: ${missingMedia[0]})`);

  const manifest: BackupManifest = {
    format: 'lede-backup/1',
    createdAt: new Date(started).toISOString(),
    database: { kind, file: dumpName, migrations: facts.migrations, tables: facts.tables },
    files: [dumpFile, ...media],
    missingMedia,
    seconds: (Date.now() - started) / 1000,
  };
  const temporary = path.join(out, `${manifestFile}.partial`);
  fs.writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  fs.renameSync(temporary, path.join(out, manifestFile));
  const bytes = manifest.files.reduce((sum, file) => sum + file.bytes, 0);
  progress(`Done in ${manifest.seconds.toFixed(1)} s: ${manifest.files.length} files, ${(bytes / 1e6).toFixed(1)} MB in ${out}`);
  return manifest;
}
