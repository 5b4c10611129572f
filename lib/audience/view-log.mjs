// @ts-check
// The views nginx counted (docs/decisions/0022-audience-counts.md, "Behind nginx"): deploy/nginx.conf
// answers the beacon itself and writes one line per view that is not a known bot's,
// `<time in seconds.millis> <article id>`, to a buffered log; this reader, in scripts/serve.mjs, reads
// what was added every tick and hands each view to the same counter and flusher as the in-process
// beacon. A beacon then costs the app nothing per request: a few hundred nanoseconds a line here.
//
// Where it has read to is kept in `positionFile` (the log's device, inode and byte offset) after every
// tick, so a restart carries on where it stopped: a kill -9 loses only what the counter held (the last
// flush interval), never a backlog, and never counts a line twice. A log that was renamed (logrotate)
// is read to its end through the open descriptor before the new file is opened; a log cut short
// (copytruncate) is read again from its start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isAlive } from '../instance/app-record.mjs';
import { parseArticleId } from './counter.mjs';

/** The environment variable naming nginx's view log; unset, nothing is read. */
export const VIEW_LOG_ENV = 'VIEW_LOG_FILE';
/** Most bytes one tick reads (a backlog after a long stop is taken in slices, not in one block). */
export const MAX_BYTES_PER_TICK = 4 * 1024 * 1024;
/** A line longer than this is not nginx's and is skipped whole. */
const MAX_LINE_BYTES = 64;
const NEWLINE = 0x0a;

/**
 * One log line: `1764355200.123 42` → { ms, id }, or null for anything else.
 * @param {string} line
 */
export function parseViewLine(line) {
  const space = line.indexOf(' ');
  if (space <= 0 || line.indexOf(' ', space + 1) !== -1) return null;
  const seconds = line.slice(0, space);
  if (!/^\d{9,11}(\.\d{1,3})?$/.test(seconds)) return null;
  const id = parseArticleId(line.slice(space + 1));
  return id === null ? null : { ms: Math.round(Number(seconds) * 1000), id };
}

/**
 * Where the reader of `logFile` keeps its place, in the data folder: one file per log (named after
 * its path), so that two servers of one checkout reading two logs (an e2e run beside `npm start`)
 * never take each other's place.
 * @param {string} dataDir @param {string} logFile
 */
export const positionFileFor = (dataDir, logFile) =>
  path.join(dataDir, `view-log-${crypto.createHash('sha256').update(path.resolve(logFile)).digest('hex').slice(0, 16)}.json`);

/**
 * @typedef {{ dev: number, ino: number, born: number, position: number }} LogPosition
 * @typedef {{ countAt(id: number, ms: number): boolean }} Counter
 */

/** @param {string} file @returns {LogPosition | null} */
function readPosition(file) {
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    if ([saved.dev, saved.ino, saved.position].every((value) => Number.isSafeInteger(value) && value >= 0) && typeof saved.born === 'number') return saved;
  } catch {
    // None yet, or unreadable: the log is read from its start.
  }
  return null;
}

/** @param {string} file @param {LogPosition} position */
function writePosition(file, position) {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(position));
  fs.renameSync(temporary, file);
}

/**
 * A reader of `file` into `counter`. `tick()` reads what was added since the last one; `start()` ticks
 * every `intervalMs`; `stop()` ticks once more and stops.
 * @param {{ file: string, positionFile: string, counter: Counter, intervalMs?: number, onError?: (error: unknown) => void }} options
 */
export function createViewLogReader({ file, positionFile, counter, intervalMs = 1000, onError = () => {} }) {
  /** @type {number | null} */
  let descriptor = null;
  let dev = 0;
  let ino = 0;
  /** The file's birth time: an inode number is reused once its file is deleted, a birth time is not. */
  let born = 0;
  /** Bytes of the file consumed, the unfinished last line included. */
  let offset = 0;
  /** The start of a line nginx has not finished writing. */
  let partial = Buffer.alloc(0);
  let skippingLongLine = false;
  const buffer = Buffer.alloc(64 * 1024);
  const stats = { views: 0, refused: 0, malformed: 0, rotations: 0 };
  /** @type {NodeJS.Timeout | null} */
  let timer = null;

  function open() {
    try {
      descriptor = fs.openSync(file, 'r');
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT') return false;
      throw error;
    }
    const status = fs.fstatSync(descriptor);
    dev = status.dev;
    ino = status.ino;
    born = status.birthtimeMs;
    const saved = readPosition(positionFile);
    // The same file as last time carries on from there; another one (rotated while Lede was stopped)
    // is read whole.
    offset = saved && saved.dev === dev && saved.ino === ino && saved.born === born && saved.position <= status.size ? saved.position : 0;
    partial = Buffer.alloc(0);
    skippingLongLine = false;
    return true;
  }

  function close() {
    if (descriptor !== null) fs.closeSync(descriptor);
    descriptor = null;
  }

  /** @param {Buffer} bytes */
  function takeLine(bytes) {
    const view = parseViewLine(bytes.toString('latin1'));
    if (!view) stats.malformed += 1;
    else if (counter.countAt(view.id, view.ms)) stats.views += 1;
    else stats.refused += 1;
  }

  /** Reads from `offset` to the end of the open file (at most MAX_BYTES_PER_TICK). */
  function drain() {
    if (descriptor === null) return;
    let budget = MAX_BYTES_PER_TICK;
    while (budget > 0) {
      const read = fs.readSync(descriptor, buffer, 0, Math.min(buffer.length, budget), offset);
      if (read === 0) break;
      offset += read;
      budget -= read;
      let start = 0;
      for (let index = 0; index < read; index++) {
        if (buffer[index] !== NEWLINE) continue;
        const line = partial.length ? Buffer.concat([partial, buffer.subarray(start, index)]) : buffer.subarray(start, index);
        if (skippingLongLine) {
          skippingLongLine = false;
          stats.malformed += 1;
        } else if (line.length) takeLine(line);
        partial = Buffer.alloc(0);
        start = index + 1;
      }
      if (start < read && !skippingLongLine) {
        partial = Buffer.concat([partial, buffer.subarray(start, read)]);
        if (partial.length > MAX_LINE_BYTES) {
          skippingLongLine = true;
          partial = Buffer.alloc(0);
        }
      }
    }
  }

  function tick() {
    try {
      if (descriptor === null && !open()) return;
      drain();
      // Renamed away (logrotate) or cut short (copytruncate)? Its rest was read just above.
      /** @type {fs.Stats | null} */
      let current = null;
      try {
        current = fs.statSync(file);
      } catch (error) {
        if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') throw error;
      }
      if (!current || current.ino !== ino || current.dev !== dev || current.birthtimeMs !== born) {
        if (current) {
          stats.rotations += 1;
          close();
          try {
            // The new file is read from its start: forget the old file's place.
            fs.rmSync(positionFile, { force: true });
          } catch {
            // Nothing kept: the same.
          }
          if (open()) drain();
        }
      } else if (current.size < offset) {
        offset = 0;
        partial = Buffer.alloc(0);
        skippingLongLine = false;
        drain();
      }
      if (descriptor !== null) writePosition(positionFile, { dev, ino, born, position: offset - partial.length });
    } catch (error) {
      onError(error);
    }
  }

  return {
    tick,
    stats: () => ({ ...stats }),
    start() {
      fs.mkdirSync(path.dirname(positionFile), { recursive: true });
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
      tick();
      close();
    },
  };
}

/**
 * Only one process may read a log (two would count every view twice): `lockFile` names the reader's
 * pid. A lock whose process is gone (a kill -9) is taken over. Returns a release, or null when a live
 * process holds it.
 * @param {string} lockFile
 * @returns {(() => void) | null}
 */
export function claimViewLog(lockFile) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EEXIST') throw error;
    }
    const holder = Number(fs.readFileSync(lockFile, 'utf8'));
    if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) return null;
    fs.rmSync(lockFile, { force: true });
  }
  return null;
}
