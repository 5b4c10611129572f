// @ts-check
// Where a running Lede app listens, written by the server entry (scripts/serve.mjs) once it listens
// and removed when it stops cleanly: data/instances/<port>.json. Command-line tools on the same
// machine read it (lib/instance/address.ts) to say which app shows their change; the app itself never
// reads it (it knows its own port from lib/config.ts). Plain JavaScript because the server entry is.
// A record left by a process that was killed names a pid that is gone: readers skip it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * @typedef {{
 *   pid: number,
 *   port: number,
 *   host: string,
 *   url: string,
 *   started: string,
 *   database: string,
 * }} AppRecord
 */

/** @param {string} dataDir */
export const appRecordFolder = (dataDir) => path.join(/* turbopackIgnore: true */ dataDir, 'instances');

/** @param {string} dataDir @param {number} port */
export const appRecordFile = (dataDir, port) => path.join(/* turbopackIgnore: true */ appRecordFolder(dataDir), `${port}.json`);

/**
 * Which database an app serves, without writing its URL down (a PostgreSQL URL may carry a password):
 * a CLI compares this with its own DATABASE_URL's.
 * @param {string} databaseUrl
 */
export const databaseFingerprint = (databaseUrl) => crypto.createHash('sha256').update(databaseUrl).digest('hex').slice(0, 16);

/**
 * Records this process as the app listening on `port` (atomically: a reader never sees half a file).
 * @param {string} dataDir
 * @param {{ port: number, host: string, databaseUrl: string }} listening
 * @returns {AppRecord}
 */
export function writeAppRecord(dataDir, listening) {
  /** @type {AppRecord} */
  const record = {
    pid: process.pid,
    port: listening.port,
    host: listening.host,
    // Where a tool on this machine reaches it: the loopback address, whatever interface it listens on.
    url: `http://127.0.0.1:${listening.port}`,
    started: new Date().toISOString(),
    database: databaseFingerprint(listening.databaseUrl),
  };
  const file = appRecordFile(dataDir, listening.port);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(partial, `${JSON.stringify(record, null, 2)}\n`);
  fs.renameSync(partial, file);
  return record;
}

/**
 * Removes this process's record (not one another process wrote since for the same port).
 * @param {string} dataDir
 * @param {number} port
 */
export function removeAppRecord(dataDir, port) {
  const file = appRecordFile(dataDir, port);
  const record = readRecord(file);
  if (record?.pid === process.pid) fs.rmSync(file, { force: true });
}

/** Whether process `pid` is running (on this machine). @param {number} pid */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, but another user's.
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/** @param {string} file @returns {AppRecord | null} */
function readRecord(file) {
  try {
    const record = JSON.parse(fs.readFileSync(file, 'utf8'));
    return Number.isInteger(record?.pid) && Number.isInteger(record?.port) && typeof record?.url === 'string' && typeof record?.database === 'string' ? record : null;
  } catch {
    return null;
  }
}

/**
 * The apps recorded as listening whose process is still alive, lowest port first.
 * @param {string} dataDir
 * @returns {AppRecord[]}
 */
export function readAppRecords(dataDir) {
  let names;
  try {
    names = fs.readdirSync(appRecordFolder(dataDir));
  } catch {
    return [];
  }
  return names
    .filter((name) => /^\d+\.json$/.test(name))
    .map((name) => readRecord(path.join(/* turbopackIgnore: true */ appRecordFolder(dataDir), name)))
    .filter(/** @returns {record is AppRecord} */ (record) => record !== null && isAlive(record.pid))
    .sort((a, b) => a.port - b.port);
}
