// Prisma's better-sqlite3 adapter prepares every statement afresh (`client.prepare(sql).bind(args)`),
// and better-sqlite3 binds a statement once for good, so the adapter cannot keep one. Preparing is
// SQLite parsing and planning the SQL: 2 % of an uncached article render's CPU, the render's ~10
// queries being the same few shapes every time (docs/decisions/0036-prepared-statements.md). Here the
// connection's `prepare` keeps each statement by its SQL (least recently used out first) and hands the
// adapter a view of it with the arguments attached; the arguments go to `run` and `all` instead of
// `bind`. The adapter cannot tell the difference: it uses `reader`, `run()`, `columns()` and
// `raw().all()`, which the view answers the same.
import type Database from 'better-sqlite3';

type Statement = Database.Statement<unknown[]>;

/** What the adapter does with a prepared statement (node_modules/@prisma/adapter-better-sqlite3). */
type BoundStatement = {
  readonly reader: boolean;
  run: () => Database.RunResult;
  columns: () => Database.ColumnDefinition[];
  raw: () => { all: () => unknown[] };
};

/** Statements kept per connection: far more than the shapes Lede's queries take (list lengths vary). */
export const STATEMENT_CACHE_SIZE = 500;

function boundTo(statement: Statement, args: unknown[]): BoundStatement {
  // Rows are read once, on the first of columns() or raw().all(): SQLite re-prepares a statement whose
  // schema changed when it runs it, so the column list read after the run is the current one.
  let rows: unknown[] | null = null;
  const read = () => (rows ??= statement.raw(true).all(args));
  return {
    reader: statement.reader,
    run: () => statement.run(args),
    columns: () => (read(), statement.columns()),
    raw: () => ({ all: read }),
  };
}

const watchers = new Set<(sql: string) => void>();

/** Calls `watcher` with the SQL of every statement the adapter asks for, kept or new, until the
 * returned function is called: the query-plan tests read what a piece of code runs
 * (testing/sqlite-plans.ts), which counting prepares no longer shows. */
export function watchStatements(watcher: (sql: string) => void): () => void {
  watchers.add(watcher);
  return () => watchers.delete(watcher);
}

/**
 * Makes `db.prepare` return kept statements, each with the arguments of its call once `bind` is
 * called. Only for a connection the adapter alone uses (lib/db/sqlite-file.ts).
 */
export function keepPreparedStatements(db: Database.Database, size: number = STATEMENT_CACHE_SIZE): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Statement;
  const kept = new Map<string, Statement>();
  const statementFor = (sql: string): Statement => {
    const found = kept.get(sql);
    if (found) {
      // Most recently used goes last; the first key is the one to drop.
      kept.delete(sql);
      kept.set(sql, found);
      return found;
    }
    const statement = prepare(sql);
    kept.set(sql, statement);
    if (kept.size > size) kept.delete(kept.keys().next().value!);
    return statement;
  };
  Object.defineProperty(db, 'prepare', {
    configurable: true,
    // Used without bind (the adapter's own BEGIN), it is the statement with no arguments.
    value: (sql: string) => {
      for (const watcher of watchers) watcher(sql);
      const statement = statementFor(sql);
      return { ...boundTo(statement, []), bind: (args: unknown[]) => boundTo(statement, args) };
    },
  });
}
