// kill -9 in the middle of an upload: the upload runs in a child process that SIGKILLs itself right
// after each move of a file into place (LEDE_FAULT_KILL_AT=media.placed:N: the poster, each of its
// renditions, the video) and while the body is still streaming. Files placed without their committed
// row are found by the journal and removed at the next start; no row ever lacks its file.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { diedOfSigkill } from '@/testing/killed';
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { checkMediaInvariants } from '@/lib/media/invariants';
import { recoverInterruptedMediaWrites } from '@/lib/media/staging';

const tsx = path.join(config.projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const posterFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-upload-crash-')), 'poster.jpg');
const video = path.join(config.projectRoot, 'prisma', 'legacy', 'placeholder.mp4');

function upload(fault?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (fault) env.LEDE_FAULT_KILL_AT = fault;
  else delete env.LEDE_FAULT_KILL_AT;
  const parts = [
    { name: 'alt', value: 'A clip of the harbour' },
    { name: 'poster', filename: 'poster.jpg', headFile: posterFile },
    { name: 'file', filename: 'clip.mp4', headFile: video, size: fs.statSync(video).size + 8 * 1024 * 1024 },
  ];
  return spawnSync(process.execPath, [tsx, 'testing/upload-child.ts', JSON.stringify(parts)], { cwd: config.projectRoot, env, encoding: 'utf8', timeout: 60_000 });
}

describe('kill -9 during an upload', () => {
  beforeAll(async () => {
    // The poster gets three crops: four files in all.
    fs.writeFileSync(posterFile, await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#335577' } }).jpeg().toBuffer());
  });

  it('leaves no file without its row and no row without its files, at every point', async () => {
    // Poster original, 3 crops, then the video: the 5th placement is the video's.
    for (const point of ['upload.chunk:3', 'media.placed:1', 'media.placed:4', 'media.placed:5']) {
      const rowsBefore = await db.media.count();
      const run = upload(point);
      expect(diedOfSigkill(run), `${point}: ${run.stdout}${run.stderr}`).toBe(true);
      const recovery = await recoverInterruptedMediaWrites();
      expect(recovery.interrupted, point).toBe(1);
      const rows = await db.media.count();
      // Only the poster's row can have committed (at the video's placement, before the video's row).
      expect(rows - rowsBefore, point).toBe(point === 'media.placed:5' ? 1 : 0);
      expect(await checkMediaInvariants(), point).toEqual({ rowsWithoutFile: [], orphanFiles: [], staged: [] });
    }
    const done = upload();
    expect(JSON.parse(done.stdout.trim())).toMatchObject({ status: 201 });
    expect(await checkMediaInvariants()).toEqual({ rowsWithoutFile: [], orphanFiles: [], staged: [] });
  });
});
