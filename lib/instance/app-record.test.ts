import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { config } from '@/lib/config';
import { loopbackOrigin } from '@/lib/instance/address';
import { appRecordFile, databaseFingerprint, readAppRecords, removeAppRecord, writeAppRecord } from '@/lib/instance/app-record.mjs';

let dataDir: string;
beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-app-record-'));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** The pid of a process that has exited (a record a killed server left behind names one). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('the record of where a running app listens', () => {
  it('is written where readers look, with the loopback address and the database fingerprint, and read back', () => {
    const written = writeAppRecord(dataDir, { port: 8080, host: '::', databaseUrl: 'file:/srv/lede/data/lede.db' });
    expect(fs.existsSync(path.join(dataDir, 'instances', '8080.json'))).toBe(true);
    expect(written).toMatchObject({ pid: process.pid, port: 8080, host: '::', url: 'http://127.0.0.1:8080', database: databaseFingerprint('file:/srv/lede/data/lede.db') });
    expect(readAppRecords(dataDir)).toEqual([written]);
  });

  it('never holds the database URL itself (a PostgreSQL URL may carry a password)', () => {
    writeAppRecord(dataDir, { port: 8081, host: '::', databaseUrl: 'postgres://lede:s3cret@db/lede' });
    expect(fs.readFileSync(appRecordFile(dataDir, 8081), 'utf8')).not.toContain('s3cret');
  });

  it('skips a record whose process is gone (a killed server), and a file that is not a record', () => {
    writeAppRecord(dataDir, { port: 8082, host: '::', databaseUrl: 'file:a.db' });
    const stale = { pid: deadPid(), port: 8083, host: '::', url: 'http://127.0.0.1:8083', started: new Date().toISOString(), database: databaseFingerprint('file:a.db') };
    fs.writeFileSync(appRecordFile(dataDir, 8083), JSON.stringify(stale));
    fs.writeFileSync(appRecordFile(dataDir, 8084), '{ not json');
    expect(readAppRecords(dataDir).map((record) => record.port)).toEqual([8082]);
  });

  it('is removed by its own process at a clean stop, never another process\'s record for the port', () => {
    writeAppRecord(dataDir, { port: 8085, host: '::', databaseUrl: 'file:a.db' });
    removeAppRecord(dataDir, 8085);
    expect(fs.existsSync(appRecordFile(dataDir, 8085))).toBe(false);

    const other = { pid: process.ppid, port: 8086, host: '::', url: 'http://127.0.0.1:8086', started: new Date().toISOString(), database: 'x' };
    fs.writeFileSync(appRecordFile(dataDir, 8086), JSON.stringify(other));
    removeAppRecord(dataDir, 8086);
    expect(fs.existsSync(appRecordFile(dataDir, 8086))).toBe(true);
  });

  it('is not how the app reaches itself: that is its own configured port', () => {
    expect(loopbackOrigin()).toBe(`http://127.0.0.1:${config.PORT}`);
  });
});
