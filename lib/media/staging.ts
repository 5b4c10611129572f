// Every file Lede writes under MEDIA_ROOT is first written under MEDIA_ROOT/.incoming (the same
// filesystem, so moving it into place is one rename: atomic, never half a file at a media path), and
// every move into place is first written down in the journal of the work doing it (an upload, a group
// of imported articles). When the work ends, the journaled files that no committed Media row owns are
// removed (the rows were rolled back or never written); when the process died first (kill -9, power
// cut), the next start does it: recoverInterruptedMediaWrites(). /media never serves .incoming (it
// refuses hidden names). docs/security.md, "Faults".
import { AsyncLocalStorage } from 'node:async_hooks';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { config } from '@/lib/config';
import { faultPoint } from '@/lib/faults/kill';
import { unownedMediaFiles } from '@/lib/media/ownership';
import { mediaFile } from '@/lib/media/paths';

export const incomingRoot = (root: string = config.MEDIA_ROOT): string => path.join(root, '.incoming');

// <host>~<pid>~<random>: whether its writer may still be at work is told by the host and the pid.
const stagingName = () => `${os.hostname()}~${process.pid}~${crypto.randomBytes(8).toString('hex')}`;
const journalName = 'journal';

type Journal = { dir: string; fd: number; placed: string[] };
const journals = new AsyncLocalStorage<Journal>();

/** A fresh temporary file name in the staging area (the current work's folder when there is one). */
export function stagingFile(suffix = ''): string {
  const journal = journals.getStore();
  if (journal) return path.join(journal.dir, `${crypto.randomBytes(8).toString('hex')}${suffix}`);
  const root = incomingRoot();
  fs.mkdirSync(root, { recursive: true });
  return path.join(root, `${stagingName()}${suffix}.tmp`);
}

/** Writes down, before it happens, that a file is about to appear at a media path. */
export function journalPlacement(relativePath: string): void {
  const journal = journals.getStore();
  if (!journal) return;
  // No fsync: a killed process's writes are in the page cache and survive it; a power cut may lose
  // the last lines (docs/security.md says so).
  fs.writeSync(journal.fd, `${relativePath}\n`);
  journal.placed.push(relativePath);
}

/** Moves a staged file to its media path in one rename (replacing what was there). */
export async function placeStagedFile(staged: string, relativePath: string): Promise<void> {
  const file = mediaFile(relativePath);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  journalPlacement(relativePath);
  await fs.promises.rename(staged, file);
  faultPoint('media.placed');
}

async function removeUnowned(placed: readonly string[]): Promise<number> {
  if (!placed.length) return 0;
  const unowned = await unownedMediaFiles([...new Set(placed)]);
  for (const relativePath of unowned) await fs.promises.rm(mediaFile(relativePath), { force: true });
  return unowned.length;
}

/**
 * Runs `work` with a journal of its own: temporary files it stages go to its folder, every file it
 * moves into place is written down first. Afterwards (success or failure) placed files no Media row
 * owns are removed, then the folder. Call it around the database transaction, never inside it: the
 * ownership check must see what was committed.
 */
export async function withMediaJournal<T>(work: () => Promise<T>): Promise<T> {
  const dir = path.join(incomingRoot(), stagingName());
  await fs.promises.mkdir(dir, { recursive: true });
  const journal: Journal = { dir, fd: fs.openSync(path.join(dir, journalName), 'a'), placed: [] };
  try {
    return await journals.run(journal, work);
  } finally {
    fs.closeSync(journal.fd);
    try {
      await removeUnowned(journal.placed);
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }
}

const processStarted = Date.now() - process.uptime() * 1000;
const abandonedAfterMs = 24 * 3600 * 1000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the work that made a staging entry can no longer be running. */
function interrupted(name: string, modified: number): boolean {
  const [host, pidText] = name.split('~');
  const pid = Number(pidText);
  if (Date.now() - modified > abandonedAfterMs) return true;
  // Another machine's work (a shared MEDIA_ROOT) is left to that machine, or to the day's limit.
  if (host !== os.hostname() || !Number.isInteger(pid)) return false;
  // Our own pid from before this process started: a container whose server is always pid 1.
  if (pid === process.pid) return modified < processStarted;
  return !alive(pid);
}

export type MediaRecovery = { interrupted: number; removedFiles: number };

/**
 * After a crash: for each staging entry whose writer is gone, removes the files its journal says were
 * placed but that no Media row owns, then the entry itself. Runs at server start and before an import.
 */
export async function recoverInterruptedMediaWrites(root: string = config.MEDIA_ROOT): Promise<MediaRecovery> {
  const result: MediaRecovery = { interrupted: 0, removedFiles: 0 };
  const incoming = incomingRoot(root);
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(incoming, { withFileTypes: true });
  } catch {
    return result;
  }
  for (const entry of entries) {
    const full = path.join(incoming, entry.name);
    const stat = await fs.promises.stat(full).catch(() => null);
    if (!stat || !interrupted(entry.name, stat.mtimeMs)) continue;
    result.interrupted += 1;
    if (entry.isDirectory()) {
      const journal = await fs.promises.readFile(path.join(full, journalName), 'utf8').catch(() => '');
      result.removedFiles += await removeUnowned(journal.split('\n').filter(Boolean));
    }
    await fs.promises.rm(full, { recursive: true, force: true });
  }
  return result;
}
