import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createViewCounter, hourOf } from './counter.mjs';
import { claimViewLog, createViewLogReader, parseViewLine, positionFileFor } from './view-log.mjs';

let dir = '';
let log = '';
let position = '';
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-view-log-'));
  log = path.join(dir, 'lede-views.log');
  position = path.join(dir, 'data', 'view-log-position.json');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const T = 1_764_370_800; // 2025-11-28T23:00:00Z, on the hour
const line = (id: number, seconds = T + 1, millis = 250) => `${seconds}.${String(millis).padStart(3, '0')} ${id}\n`;

function reader(counter = createViewCounter({ now: () => (T + 10) * 1000 })) {
  const viewLog = createViewLogReader({ file: log, positionFile: position, counter });
  fs.mkdirSync(path.dirname(position), { recursive: true });
  return { viewLog, counter };
}
/** Views per article id, whatever the hour. */
const totals = (counter: ReturnType<typeof createViewCounter>) => {
  const views: Record<number, number> = {};
  for (const [id, , count] of counter.take()) views[id] = (views[id] ?? 0) + count;
  return views;
};

describe('parseViewLine', () => {
  it('reads nginx\'s "$msec $article" and nothing else', () => {
    expect(parseViewLine('1764370801.250 42')).toEqual({ ms: 1_764_370_801_250, id: 42 });
    expect(parseViewLine('1764370801 7')).toEqual({ ms: 1_764_370_801_000, id: 7 });
    for (const bad of ['', '42', '1764370801.250', '1764370801.250 0', '1764370801.250 042', '1764370801.250 2147483648', '1764370801.250 4 2', 'x 4', '1764370801.2500 4', ' 1764370801.250 4', '1764370801.250  4']) {
      expect(parseViewLine(bad), bad).toBeNull();
    }
  });
});

describe('the view log reader', () => {
  it('counts each complete line once and keeps a half-written line for the next read', () => {
    const { viewLog, counter } = reader();
    fs.writeFileSync(log, `${line(42)}${line(42)}${line(7)}1764370801.250 9`);
    viewLog.tick();
    expect(totals(counter)).toEqual({ 42: 2, 7: 1 });
    fs.appendFileSync(log, `9\n${line(7)}`);
    viewLog.tick();
    expect(totals(counter)).toEqual({ 99: 1, 7: 1 });
    viewLog.tick();
    expect(totals(counter)).toEqual({});
  });

  it('puts each view in the hour nginx logged it, not the hour it is read', () => {
    const counter = createViewCounter({ now: () => (T + 5) * 1000 });
    const { viewLog } = reader(counter);
    fs.writeFileSync(log, `${line(3, T - 1, 900)}${line(3, T + 2)}${line(3, T + 3600)}`);
    viewLog.tick();
    // A time ahead of the clock counts as now.
    expect(counter.take().sort()).toEqual([[3, hourOf((T - 1) * 1000), 1], [3, hourOf(T * 1000), 2]].sort());
  });

  it('skips what nginx did not write: junk, zero or huge ids, overlong lines', () => {
    const { viewLog, counter } = reader();
    fs.writeFileSync(log, `junk\n${line(0)}1764370801.250 2147483648\n${'9'.repeat(200)}\n${line(5)}`);
    viewLog.tick();
    expect(totals(counter)).toEqual({ 5: 1 });
    expect(viewLog.stats()).toMatchObject({ views: 1, malformed: 4 });
  });

  it('carries on after a restart (or a kill -9) where the last read stopped: nothing twice, nothing lost', () => {
    const first = reader();
    fs.writeFileSync(log, line(1).repeat(3));
    first.viewLog.tick();
    expect(totals(first.counter)).toEqual({ 1: 3 });
    // Killed: no stop(). nginx keeps writing meanwhile.
    fs.appendFileSync(log, line(2).repeat(2));
    const second = reader();
    second.viewLog.tick();
    expect(totals(second.counter)).toEqual({ 2: 2 });
  });

  it('reads a rotated log to its end, then the new file from its start (logrotate renames, nginx reopens)', () => {
    const { viewLog, counter } = reader();
    fs.writeFileSync(log, line(1));
    viewLog.tick();
    fs.appendFileSync(log, line(1)); // written just before the rename
    fs.renameSync(log, `${log}.1`);
    fs.writeFileSync(log, line(2).repeat(2));
    viewLog.tick();
    expect(totals(counter)).toEqual({ 1: 2, 2: 2 });
    expect(viewLog.stats().rotations).toBe(1);
    fs.appendFileSync(log, line(3));
    viewLog.tick();
    expect(totals(counter)).toEqual({ 3: 1 });
  });

  it('starts again from the top of a log cut short in place (copytruncate)', () => {
    const { viewLog, counter } = reader();
    fs.writeFileSync(log, line(1).repeat(5));
    viewLog.tick();
    totals(counter);
    fs.truncateSync(log, 0);
    fs.appendFileSync(log, line(4));
    viewLog.tick();
    expect(totals(counter)).toEqual({ 4: 1 });
  });

  it('waits for a log that does not exist yet', () => {
    const { viewLog, counter } = reader();
    viewLog.tick();
    fs.writeFileSync(log, line(8));
    viewLog.tick();
    expect(totals(counter)).toEqual({ 8: 1 });
  });

  it('counts the same views however nginx\'s writes fall across reads (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 8 }), (ids, cuts) => {
        fs.rmSync(log, { force: true });
        fs.rmSync(position, { force: true });
        const text = ids.map((id) => line(id)).join('');
        const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
        const { viewLog, counter } = reader();
        fs.writeFileSync(log, '');
        let from = 0;
        const seen: Record<number, number> = {};
        for (const point of [...points, text.length]) {
          fs.appendFileSync(log, text.slice(from, point));
          from = point;
          viewLog.tick();
          for (const [id, views] of Object.entries(totals(counter))) seen[Number(id)] = (seen[Number(id)] ?? 0) + views;
        }
        const expected: Record<number, number> = {};
        for (const id of ids) expected[id] = (expected[id] ?? 0) + 1;
        expect(seen).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('claimViewLog', () => {
  it('lets one live process read a log, and takes over the lock of a process that is gone', () => {
    const lock = path.join(dir, 'position.lock');
    const release = claimViewLog(lock);
    expect(release).toBeTypeOf('function');
    // This same process again: a live holder (itself) is not taken over... by another pid.
    fs.writeFileSync(lock, String(process.ppid));
    expect(claimViewLog(lock)).toBeNull();
    // A pid no process has (the kernel's maximum is far below this).
    fs.writeFileSync(lock, '2147483000');
    const again = claimViewLog(lock);
    expect(again).toBeTypeOf('function');
    expect(fs.readFileSync(lock, 'utf8')).toBe(String(process.pid));
    again!();
    expect(fs.existsSync(lock)).toBe(false);
  });
});

describe('positionFileFor', () => {
  it('gives each log its own place in the data folder', () => {
    const one = positionFileFor('/srv/lede/data', '/var/log/nginx/lede-views.log');
    expect(path.dirname(one)).toBe('/srv/lede/data');
    expect(path.basename(one)).toMatch(/^view-log-[0-9a-f]{16}\.json$/);
    expect(positionFileFor('/srv/lede/data', '/var/log/nginx/../nginx/lede-views.log')).toBe(one);
    expect(positionFileFor('/srv/lede/data', '/tmp/e2e/nginx-views.log')).not.toBe(one);
  });

  it('does not take a new log for the old one when the file system gives it the old inode', () => {
    const first = reader();
    fs.writeFileSync(log, line(1).repeat(4));
    first.viewLog.tick();
    first.viewLog.stop();
    // Deleted and made again: the same inode number is likely, the birth time is not the same.
    fs.rmSync(log);
    fs.writeFileSync(log, line(2).repeat(5));
    const second = reader();
    second.viewLog.tick();
    expect(totals(second.counter)).toEqual({ 2: 5 });
  });
});
