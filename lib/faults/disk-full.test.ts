// A full disk, for real: a small tmpfs mounted for the test (needs root, as CI runs; skipped with a
// reason otherwise). An upload larger than the space left on MEDIA_ROOT's disk answers 507 naming the
// disk, leaves no staged file and no row; a legacy import whose database disk fills up stops with a
// plain message, leaves whole articles only, and completes when run again after space is freed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config, isPostgres } from '@/lib/config';
import { createClient, db } from '@/lib/db/client';
import { parseLegacyArticle } from '@/lib/legacy/parser';
import { writeSyntheticArchive } from '@/lib/legacy/synthetic';
import { walkMediaRoot } from '@/lib/media/invariants';
import { needs } from '@/testing/services';

/** How many related items the synthetic file of a legacy id lists. */
function relatedCount(legacyId: string): number {
  const file = path.join(work, 'archive', String(Math.floor((Number(legacyId) - 2_000_000) / 1000)).padStart(3, '0'), `${legacyId}.txt`);
  return parseLegacyArticle(fs.readFileSync(file), file).related.length;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-disk-full-'));
const tsx = path.join(config.projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');

function tryMount(dir: string, size: string): boolean {
  fs.mkdirSync(dir, { recursive: true });
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const unmount = (dir: string) => spawnSync('umount', [dir]);

const mediaDisk = path.join(work, 'media-disk');
const databaseDisk = path.join(work, 'database-disk');
const cannotRun = isPostgres()
  ? 'fills an SQLite file (this run is on PostgreSQL)'
  : tryMount(mediaDisk, '6m') && tryMount(databaseDisk, '24m')
    ? null
    : 'a tmpfs cannot be mounted here (needs root)';

afterAll(() => {
  unmount(mediaDisk);
  unmount(databaseDisk);
});

function run(script: string, args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, [tsx, script, ...args], { cwd: config.projectRoot, env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 });
}

describe('a full disk', needs(cannotRun), () => {
  const posterFile = path.join(work, 'poster.jpg');
  beforeAll(async () => {
    fs.writeFileSync(posterFile, await sharp({ create: { width: 640, height: 360, channels: 3, background: '#557799' } }).jpeg().toBuffer());
  });

  it('refuses an upload larger than the space left on the media disk with 507, leaving nothing behind', async () => {
    const rowsBefore = await db.media.count();
    const parts = [
      { name: 'alt', value: 'A clip' },
      { name: 'poster', filename: 'poster.jpg', headFile: posterFile },
      { name: 'file', filename: 'clip.mp4', headHex: '000000186674797069736f6d0000020069736f6d69736f32', size: 20 * 1024 * 1024 },
    ];
    const child = run('testing/upload-child.ts', [JSON.stringify(parts)], { MEDIA_ROOT: mediaDisk });
    expect(JSON.parse(child.stdout.trim() || '{}'), child.stderr).toEqual({
      status: 507,
      error: 'The disk that holds media (MEDIA_ROOT) is full, so the upload was not stored. Ask whoever runs the site to free space, then try again.',
    });
    expect(await db.media.count()).toBe(rowsBefore);
    expect(walkMediaRoot(mediaDisk)).toEqual([]);
    expect(fs.readdirSync(path.join(mediaDisk, '.incoming'))).toEqual([]);
  });

  it('stops an import whose database disk is full with a plain message; the same command completes it once space is freed', async () => {
    const archive = path.join(work, 'archive');
    writeSyntheticArchive(archive, 150);
    const database = path.join(databaseDisk, 'lede.db');
    fs.copyFileSync(process.env.DATABASE_URL!.slice('file:'.length), database);
    // Leave a little room: the migrated database fits, the import does not.
    const filler = path.join(databaseDisk, 'filler');
    const free = () => fs.statfsSync(databaseDisk).bavail * fs.statfsSync(databaseDisk).bsize;
    fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 128 * 1024)));
    const env = { DATABASE_URL: `file:${database}`, MEDIA_ROOT: path.join(work, 'import-media') };

    const full = run('scripts/import.ts', [archive], env);
    expect(full.status, full.stdout + full.stderr).toBe(1);
    expect(full.stderr).toMatch(/^Import stopped after \d+ of 150 files: the disk that holds the database \(or MEDIA_ROOT\) is full\. Everything imported so far is whole\./m);
    const other = createClient(env.DATABASE_URL);
    try {
      const partial = await other.article.findMany({ select: { legacyId: true, _count: { select: { relatedLinks: true } } } });
      expect(partial.length).toBeLessThan(150);
      // Whole articles only: each has every related link its file lists.
      const short = partial.filter((article) => article._count.relatedLinks !== relatedCount(article.legacyId!));
      expect(short.map((article) => article.legacyId)).toEqual([]);

      fs.rmSync(filler);
      const again = run('scripts/import.ts', [archive], env);
      expect(again.status, again.stderr).toBe(0);
      expect(await other.article.count()).toBe(150);
      expect(again.stdout).toMatch(new RegExp(`Imported ${150 - partial.length}, updated 0, unchanged ${partial.length}, failed 0`));
    } finally {
      await other.$disconnect();
    }
  }, 150_000);
});
