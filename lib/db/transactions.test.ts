// Transactions against the statements around them, on both databases, and (SQLite) beside another
// process.
//
// Beside another request on the same server: Lede's SQLite client has one connection, and a statement
// from another request used to run in the middle of an open transaction on it, seeing its uncommitted
// rows, and its own write, answered as done, vanished when that transaction rolled back (an editor's
// save lost to someone else's refused one). lib/db/sqlite-file.ts makes them take turns.
//
// Beside another process: a transaction that reads before it writes must not fail because another process committed in
// between. With SQLite's default deferred BEGIN it did: the read takes a snapshot, another process's
// commit makes it stale, and the first write then gets SQLITE_BUSY_SNAPSHOT at once, with no busy
// wait (Prisma says "Operation has timed out", P1008). The e2e server committing view counts while a
// journey published from its own process failed CI that way; an editor's save beside a CLI import
// or a second server process would too. lib/db/sqlite-file.ts begins transactions IMMEDIATE.
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { createClient, db } from '@/lib/db/client';
import { sqlitePath } from '@/lib/db/url';
import { needs } from '@/testing/services';

const url = process.env.DATABASE_URL ?? '';
const onSqlite = url.startsWith('file:');
const client = onSqlite ? createClient(url) : null;

afterAll(async () => {
  await client?.$disconnect();
  await db.$disconnect();
});

// Another process (the server beside a CLI, or the other way round): commits a row every
// millisecond or so, with the same busy timeout as Lede's own connections, for `ms` milliseconds.
// Prints how many commits it made and how many failed.
const writerScript = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1], { timeout: 10000 });
db.exec('CREATE TABLE IF NOT EXISTS "OtherWriter" (id INTEGER PRIMARY KEY, at INTEGER NOT NULL)');
const insert = db.prepare('INSERT INTO "OtherWriter" (at) VALUES (?)');
const pause = new Int32Array(new SharedArrayBuffer(4));
let made = 0, failed = 0;
const end = Date.now() + Number(process.argv[2]);
process.stdout.write('started\\n');
while (Date.now() < end) {
  try { insert.run(Date.now()); made++; } catch (error) { failed++; process.stderr.write(String(error) + '\\n'); }
  Atomics.wait(pause, 0, 0, 1);
}
process.stdout.write(JSON.stringify({ made, failed }) + '\\n');
`;

function otherWriter(file: string, ms: number): { started: Promise<void>; done: Promise<{ made: number; failed: number }> } {
  const child = spawn(process.execPath, ['-e', writerScript, file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  let markStarted: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.includes('started')) markStarted();
  });
  const done = new Promise<{ made: number; failed: number }>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      const last = output.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`the other writer exited with ${code}: ${output}`));
      else resolve(JSON.parse(last) as { made: number; failed: number });
    });
  });
  return { started, done };
}

describe('a statement beside another request\'s transaction', () => {
  it('neither sees its uncommitted rows nor is rolled back with it', async () => {
    const open = db.$transaction(async (tx) => {
      await tx.tag.create({ data: { slug: 'inside-the-rolled-back-one', name: 'Inside' } });
      await new Promise((resolve) => setTimeout(resolve, 200));
      throw new Error('refused: rolled back');
    });
    const outcome = open.then(
      () => 'committed',
      (error: unknown) => (error as Error).message,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Another request on the same server (the same client) meanwhile: reads, then writes and is told it is done.
    const seen = await db.tag.count({ where: { slug: 'inside-the-rolled-back-one' } });
    const written = await db.tag.create({ data: { slug: 'written-beside-it', name: 'Beside' } });
    expect(await outcome).toBe('refused: rolled back');
    expect(seen).toBe(0);
    expect(await db.tag.findMany({ where: { slug: { in: ['inside-the-rolled-back-one', 'written-beside-it'] } }, select: { id: true, slug: true } })).toEqual([
      { id: written.id, slug: 'written-beside-it' },
    ]);
  });
});

describe('SQLite transactions beside another writing process', needs(onSqlite ? null : 'SQLite only (this run is on PostgreSQL)'), () => {
  it('a transaction that reads, waits and then writes commits every time while another process keeps committing', async () => {
    const section = await client!.section.create({ data: { slug: 'read-then-write', name: 'Read then write' } });
    const writer = otherWriter(sqlitePath(url), 4_000);
    await writer.started;

    const rounds = 40;
    const failures: string[] = [];
    for (let round = 0; round < rounds; round++) {
      try {
        await client!.$transaction(async (tx) => {
          const current = await tx.section.findUniqueOrThrow({ where: { id: section.id } });
          // Work between the read and the write (a revision built, a slug checked): long enough for
          // the other process to commit in between.
          await new Promise((resolve) => setTimeout(resolve, 5));
          await tx.section.update({ where: { id: section.id }, data: { name: `${current.name.split(' #')[0]} #${round}` } });
        });
      } catch (error) {
        failures.push(`round ${round}: ${(error as { code?: string }).code ?? ''} ${(error as Error).message.split('\n').at(-1)}`);
      }
    }
    const other = await writer.done;

    expect(failures).toEqual([]);
    expect((await client!.section.findUniqueOrThrow({ where: { id: section.id } })).name).toBe(`Read then write #${rounds - 1}`);
    // The other process was writing the whole time, and none of its commits failed either.
    expect(other.failed).toBe(0);
    expect(other.made).toBeGreaterThan(100);
  });

  it('a batch that reads then writes, and a read-only transaction, also go through while another process commits', async () => {
    const writer = otherWriter(sqlitePath(url), 2_000);
    await writer.started;
    for (let round = 0; round < 20; round++) {
      // A batch that reads first, then writes.
      const [before] = await client!.$transaction([
        client!.tag.count({ where: { slug: { startsWith: 'batch-' } } }),
        client!.tag.create({ data: { slug: `batch-${round}`, name: `Batch ${round}` } }),
      ]);
      expect(before).toBe(round);
      const seen = await client!.$transaction(async (tx) => tx.tag.count({ where: { slug: { startsWith: 'batch-' } } }));
      expect(seen).toBe(round + 1);
    }
    expect((await writer.done).failed).toBe(0);
  });
});
