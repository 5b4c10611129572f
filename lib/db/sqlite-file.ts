// The SQLite connection follows the file at DATABASE_URL's path. An open SQLite connection keeps
// the file it opened, whatever happens to its name: moved away, deleted, or replaced by a restored
// copy, the server would go on reading and writing a file that is no longer the site's database
// (writes to a deleted file vanish at the next restart). So before each statement the path is looked
// at (one stat, microseconds): while no regular file is there, statements fail with "database not
// reachable" (pages answer 503, the newsroom says so; docs/decisions/0013-database-outage.md); when
// a file is there again, or another file took its place, the connection is reopened on it. No
// restart is needed either way.
import fs from 'node:fs';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import {
  DriverAdapterError,
  type IsolationLevel,
  type SqlDriverAdapter,
  type SqlDriverAdapterFactory,
  type SqlQuery,
  type Transaction,
} from '@prisma/driver-adapter-utils';

type FileId = { dev: number; ino: number };

function fileAt(file: string): FileId | null {
  try {
    const stats = fs.statSync(file);
    return stats.isFile() ? { dev: stats.dev, ino: stats.ino } : null;
  } catch {
    return null;
  }
}

const same = (a: FileId | null, b: FileId | null) => a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;

function setStaleWalAside(file: string): void {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const suffix of ['-wal', '-shm']) {
    try {
      fs.renameSync(`${file}${suffix}`, `${file}${suffix}.replaced-${stamp}`);
    } catch {
      // not there: nothing to set aside
    }
  }
  console.warn(`[lede] ${file} was replaced while open: reading the new file (the old one's WAL kept as ${file}-wal.replaced-${stamp})`);
}

/** What a statement gets while no database file is at the path (Prisma's P1001). */
function gone(file: string): DriverAdapterError {
  return new DriverAdapterError({ kind: 'DatabaseNotReachable', host: file });
}

const statement = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });

/**
 * A transaction begun IMMEDIATE: it holds SQLite's write lock from its first statement. The adapter's
 * own BEGIN is deferred: a transaction that reads first takes a snapshot, and when another process
 * (a second server, a CLI import, a test) commits before its first write, that write fails at once
 * with SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out (Prisma's P1008, "Operation has timed
 * out"). Taking the lock at BEGIN waits for it instead, up to the busy timeout. Within one process
 * nothing is lost: the connection is one, and its transactions ran one at a time already.
 */
class ImmediateTransaction implements Transaction {
  readonly provider = 'sqlite' as const;
  readonly options = { usePhantomQuery: false };

  constructor(
    private readonly connection: SqlDriverAdapter,
    private readonly release: () => void,
  ) {}

  get adapterName() {
    return this.connection.adapterName;
  }

  queryRaw(query: SqlQuery) {
    return this.connection.queryRaw(query);
  }

  executeRaw(query: SqlQuery) {
    return this.connection.executeRaw(query);
  }

  // Prisma sends COMMIT and ROLLBACK itself (usePhantomQuery: false); these end the turn.
  commit() {
    this.release();
    return Promise.resolve();
  }

  rollback() {
    this.release();
    return Promise.resolve();
  }

  async createSavepoint(name: string) {
    await this.executeRaw(statement(`SAVEPOINT ${name}`));
  }

  async rollbackToSavepoint(name: string) {
    await this.executeRaw(statement(`ROLLBACK TO ${name}`));
  }

  async releaseSavepoint(name: string) {
    await this.executeRaw(statement(`RELEASE SAVEPOINT ${name}`));
  }
}

/** Statements and transactions on one connection take turns, in the order they asked: a FIFO lock. */
class Turns {
  #tail: Promise<void> = Promise.resolve();

  async take(): Promise<() => void> {
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const before = this.#tail;
    this.#tail = before.then(() => mine);
    await before;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release();
    };
  }
}

class FollowingAdapter implements SqlDriverAdapter {
  readonly provider = 'sqlite' as const;
  readonly adapterName: string;
  #inner: SqlDriverAdapter | null;
  #opened: FileId | null;
  #reopening: Promise<SqlDriverAdapter> | null = null;
  readonly #turns = new Turns();

  constructor(
    private readonly file: string,
    private readonly reopen: () => Promise<SqlDriverAdapter>,
    inner: SqlDriverAdapter,
    opened: FileId | null,
  ) {
    this.adapterName = inner.adapterName;
    this.#inner = inner;
    this.#opened = opened;
  }

  #current(): Promise<SqlDriverAdapter> {
    if (this.#reopening) return this.#reopening;
    const now = fileAt(this.file);
    if (this.#inner && same(now, this.#opened)) return Promise.resolve(this.#inner);
    // One switch at a time: callers meanwhile share its outcome (a connection, or "gone").
    this.#reopening = this.#switchTo(now).finally(() => (this.#reopening = null));
    return this.#reopening;
  }

  async #switchTo(now: FileId | null): Promise<SqlDriverAdapter> {
    // #opened stays the last file opened while none is open, so a file put back is told from another.
    const replaced = now !== null && this.#opened !== null && !same(now, this.#opened);
    if (this.#inner) {
      // Another file, or none: the old connection must not be used again.
      const old = this.#inner;
      this.#inner = null;
      await old.dispose().catch(() => undefined);
    }
    if (!now) throw gone(this.file);
    // Another file took the place of the one that was open (a restore): the WAL beside it is the old
    // file's (SQLite does not fold it in on close once its file has moved), and SQLite would replay
    // it into the new one. Kept aside, not deleted.
    if (replaced) setStaleWalAside(this.file);
    const inner = await this.reopen();
    this.#inner = inner;
    this.#opened = now;
    return inner;
  }

  // A statement outside a transaction waits for the open transaction's turn to end. The connection
  // is one: run in the middle of another request's transaction, it would see that transaction's
  // uncommitted rows, and its own write, already answered as done, would vanish if that
  // transaction rolled back.
  async #inTurn<T>(run: (connection: SqlDriverAdapter) => Promise<T>): Promise<T> {
    const release = await this.#turns.take();
    try {
      return await run(await this.#current());
    } finally {
      release();
    }
  }

  queryRaw(query: SqlQuery) {
    return this.#inTurn((connection) => connection.queryRaw(query));
  }

  executeRaw(query: SqlQuery) {
    return this.#inTurn((connection) => connection.executeRaw(query));
  }

  executeScript(script: string) {
    return this.#inTurn((connection) => connection.executeScript(script));
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    // SQLite transactions are serializable; Prisma asks for no other level on SQLite.
    if (isolationLevel && isolationLevel !== 'SERIALIZABLE') throw new DriverAdapterError({ kind: 'InvalidIsolationLevel', level: isolationLevel });
    const release = await this.#turns.take();
    try {
      const connection = await this.#current();
      await connection.executeRaw(statement('BEGIN IMMEDIATE'));
      return new ImmediateTransaction(connection, release);
    } catch (error) {
      release();
      throw error;
    }
  }

  async dispose() {
    const inner = this.#inner;
    this.#inner = null;
    await inner?.dispose();
  }
}

export class SqliteFileAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = 'sqlite' as const;
  readonly adapterName = '@prisma/adapter-better-sqlite3';

  constructor(
    private readonly file: string,
    private readonly timeout: number,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    const opened = fileAt(this.file);
    // The first connection behaves as before (a CLI may be about to create the file); a reopen
    // never creates an empty database where the site's went missing.
    const inner = await new PrismaBetterSqlite3({ url: this.file, timeout: this.timeout }).connect();
    const reopen = () => new PrismaBetterSqlite3({ url: this.file, timeout: this.timeout, fileMustExist: true }).connect();
    return new FollowingAdapter(this.file, reopen, inner, opened);
  }
}
