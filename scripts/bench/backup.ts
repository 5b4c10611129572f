// Backup and restore figures for the demo site (docs/benchmarks.md): prepares the demo site as
// `npm start` does into a folder of its own, then times `backupSite` and `restoreSite` into a new
// empty install and reports sizes and peak memory. A benchmark, not a test: it reports.
//   npx tsx scripts/bench/backup.ts [--database sqlite|postgres] [--articles N]
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../support/next-build';

const { values } = parseArgs({ options: { database: { type: 'string', default: 'sqlite' }, articles: { type: 'string' } } });
const postgres = values.database === 'postgres';
const run = crypto.randomBytes(4).toString('hex');
const dir = path.join(projectRoot, 'data', `bench-backup-${run}`);
const server = process.env.BENCH_POSTGRES_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const pgUrl = (name: string) => Object.assign(new URL(server), { pathname: `/${name}` }).toString();
const source = postgres ? pgUrl(`lede_bench_backup_${run}`) : `file:${path.join(dir, 'site.db')}`;
const target = postgres ? pgUrl(`lede_bench_restore_${run}`) : `file:${path.join(dir, 'restored.db')}`;
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_URL = source;
process.env.MEDIA_ROOT = path.join(dir, 'media');

const { createDatabase, dropDatabase } = await import('@/lib/db/postgres');
const { prepareSite } = await import('../support/prepare-site');
const { backupSite } = await import('@/lib/backup/backup');
const { restoreSite } = await import('@/lib/backup/restore');
const { db } = await import('@/lib/db/client');

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
try {
  if (postgres) {
    await createDatabase(source);
    await createDatabase(target);
  }
  const site = await prepareSite({ ...(values.articles ? { generatedArticles: Number(values.articles) } : {}) });
  await db.$disconnect();
  const out = path.join(dir, 'backup');
  peak = 0;
  const backup = await backupSite({ out, progress: (line) => console.log(`[backup] ${line}`) });
  const backupPeak = peak;
  const rows = Object.values(backup.database.tables).reduce((sum, count) => sum + count, 0);
  const dump = backup.files.find((file) => file.path === backup.database.file)!;
  const media = backup.files.filter((file) => file.path.startsWith('media/'));
  peak = 0;
  const restore = await restoreSite({ from: out, databaseUrl: target, mediaRoot: path.join(dir, 'restored-media'), progress: (line) => console.log(`[restore] ${line}`) });
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  console.log(
    JSON.stringify({
      database: postgres ? 'postgresql' : 'sqlite',
      articles: site.articles,
      rows,
      dumpMB: mb(dump.bytes),
      mediaFiles: media.length,
      mediaMB: mb(media.reduce((sum, file) => sum + file.bytes, 0)),
      backupSeconds: backup.seconds,
      backupPeakRssMB: mb(backupPeak),
      restoreSeconds: restore.seconds,
      restorePeakRssMB: mb(peak),
    }),
  );
} finally {
  clearInterval(sampler);
  if (postgres) for (const url of [source, target]) await dropDatabase(url).catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
}
