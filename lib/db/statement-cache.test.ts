// The SQLite connection keeps its prepared statements (lib/db/statement-cache.ts): each SQL is
// prepared once, every call still gets its own arguments' rows, and the statements the adapter runs
// through Prisma are the kept ones.
import Database from 'better-sqlite3';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { keepPreparedStatements } from '@/lib/db/statement-cache';
import { createClient } from '@/lib/db/client';
import { needs } from '@/testing/services';

/** A connection whose real prepare counts its calls per SQL, as the adapter would use it. */
function countingConnection(size?: number) {
  const db = new Database(':memory:');
  db.defaultSafeIntegers(true);
  const prepared = new Map<string, number>();
  const real = db.prepare.bind(db);
  db.prepare = ((sql: string) => (prepared.set(sql, (prepared.get(sql) ?? 0) + 1), real(sql))) as typeof db.prepare;
  keepPreparedStatements(db, size);
  // What the adapter does (performIO and executeIO).
  const query = (sql: string, args: unknown[]) => {
    const statement = (db.prepare(sql) as unknown as { bind: (args: unknown[]) => { reader: boolean; run: () => Database.RunResult; columns: () => Database.ColumnDefinition[]; raw: () => { all: () => unknown[] } } }).bind(args);
    if (!statement.reader) return { changes: statement.run().changes };
    const names = statement.columns().map((column) => column.name);
    return { names, rows: statement.raw().all() };
  };
  return { db, prepared, query };
}

describe('kept prepared statements', () => {
  it('prepare each SQL once and answer each call with its own arguments', () => {
    const { prepared, query } = countingConnection();
    query('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)', []);
    const insert = 'INSERT INTO t (id, name) VALUES (?, ?)';
    expect(query(insert, [1, 'one'])).toEqual({ changes: 1 });
    expect(query(insert, [2, 'two'])).toEqual({ changes: 1 });
    const select = 'SELECT id, name FROM t WHERE id = ?';
    expect(query(select, [2])).toEqual({ names: ['id', 'name'], rows: [[2n, 'two']] });
    expect(query(select, [1])).toEqual({ names: ['id', 'name'], rows: [[1n, 'one']] });
    expect(query(select, [3])).toEqual({ names: ['id', 'name'], rows: [] });
    expect(prepared.get(insert)).toBe(1);
    expect(prepared.get(select)).toBe(1);
  });

  it('keep only the most recently used, up to the size', () => {
    const { prepared, query } = countingConnection(2);
    const [a, b, c] = ['SELECT 1', 'SELECT 2', 'SELECT 3'];
    query(a, []);
    query(b, []);
    query(a, []); // a is now the most recent: b goes first
    query(c, []);
    query(a, []);
    query(b, []);
    expect(Object.fromEntries(prepared)).toEqual({ [a]: 1, [b]: 2, [c]: 1 });
  });

  it('read the columns a table has now, after the schema changed under a kept statement', () => {
    const { query } = countingConnection();
    query('CREATE TABLE t (id INTEGER)', []);
    query('INSERT INTO t (id) VALUES (?)', [1]);
    expect(query('SELECT * FROM t', [])).toEqual({ names: ['id'], rows: [[1n]] });
    query('ALTER TABLE t ADD COLUMN name TEXT', []);
    query('UPDATE t SET name = ?', ['one']);
    expect(query('SELECT * FROM t', [])).toEqual({ names: ['id', 'name'], rows: [[1n, 'one']] });
  });

  it('refuse wrong arguments as SQLite errors, and keep working after them', () => {
    const { query } = countingConnection();
    expect(() => query('SELECT ? AS a', [])).toThrow(/Too few parameter values/);
    expect(query('SELECT ? AS a', ['x'])).toEqual({ names: ['a'], rows: [['x']] });
  });
});

const url = process.env.DATABASE_URL ?? '';
const onSqlite = url.startsWith('file:');

describe("Lede's SQLite client", needs(onSqlite ? null : 'SQLite only (this run is on PostgreSQL)'), () => {
  const client = onSqlite ? createClient(url) : null;
  const prepare = vi.spyOn(Database.prototype, 'prepare');

  afterEach(() => prepare.mockClear());
  afterAll(async () => {
    prepare.mockRestore();
    await client?.$disconnect();
  });

  it('runs the same query shape on one prepared statement, with each call its own rows', async () => {
    await client!.section.createMany({ data: [{ slug: 'kept-statement-a', name: 'Kept A' }, { slug: 'kept-statement-b', name: 'Kept B' }] });
    const sectionQueries = () => prepare.mock.calls.filter(([sql]) => /SELECT .* FROM [`"]?(main[`"]?\.)?[`"]?Section/.test(String(sql)));
    prepare.mockClear();
    const a = await client!.section.findUnique({ where: { slug: 'kept-statement-a' }, select: { name: true } });
    // The first findUnique prepared its statement (so the spy sees the adapter's prepares)…
    expect(sectionQueries()).toHaveLength(1);
    prepare.mockClear();
    const b = await client!.section.findUnique({ where: { slug: 'kept-statement-b' }, select: { name: true } });
    const none = await client!.section.findUnique({ where: { slug: 'kept-statement-none' }, select: { name: true } });
    expect([a, b, none]).toEqual([{ name: 'Kept A' }, { name: 'Kept B' }, null]);
    // …and the next two ran on it.
    expect(sectionQueries()).toEqual([]);
    await client!.section.deleteMany({ where: { slug: { startsWith: 'kept-statement-' } } });
  });
});
