// Copies a whole Lede database into an empty PostgreSQL one (npm run db:copy): SQLite → PostgreSQL
// to scale out, or PostgreSQL → PostgreSQL to move servers. The target is migrated first, every
// table is copied in batches inside ONE transaction (all or nothing), id sequences are moved past
// the copied ids, and then every table is read back on both sides: row counts and a SHA-256 over
// every row (values normalised: dates as ISO instants, JSON with sorted keys) must agree.
// Derived data is not copied but rebuilt by the target itself: the FTS5 tables of SQLite become
// PostgreSQL's generated tsvector column. Raw drivers (better-sqlite3, pg) rather than Prisma: a
// million rows stream through in constant memory.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { isPostgres } from '@/lib/config';
import { applyMigrations } from '@/lib/db/migrate';
import { postgresConfig, redactPassword } from '@/lib/db/postgres';
import { sqlitePath } from '@/lib/db/url';

type Value = unknown;
type Row = Value[];
/** What a column holds, as far as copying and comparing care. */
type Kind = 'timestamp' | 'boolean' | 'json' | 'integer' | 'number' | 'text';
type Column = { name: string; kind: Kind };
type Table = { name: string; columns: Column[]; primaryKey: string[]; selfReferences: string[]; serialId: boolean };
const textKeysOf = (table: Table): Set<string> =>
  new Set(table.primaryKey.filter((key) => table.columns.find((column) => column.name === key)?.kind === 'text'));

export type TableReport = { table: string; sourceRows: number; targetRows: number; sourceChecksum: string; targetChecksum: string; ok: boolean };
export type CopyReport = { tables: TableReport[]; ok: boolean; rows: number; seconds: number };
export type CopyProgress =
  | { phase: 'start'; totalRows: number }
  | { phase: 'copy'; table: string; rows: number }
  | { phase: 'verify'; table: string };

export type CopyOptions = { from: string; to: string; batchRows?: number; onProgress?: (event: CopyProgress) => void };

// Tables that are bookkeeping or derived: the migrations, the search index and the MediaUse index
// (the target's triggers fill it as the articles go in: decision 0024).
const notCopied = (name: string) => name === '_prisma_migrations' || name.startsWith('sqlite_') || /^ArticleSearch(_\w+)?$/.test(name) || name === 'MediaUse';
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;
// PostgreSQL allows 65,535 parameters a statement.
const MAX_PARAMETERS = 60_000;

// ---- reading ---------------------------------------------------------------------------------------

/** Rows of a table in primary-key order, in batches, from either database. */
interface Source {
  tables(): Promise<string[]>;
  columns(table: string): Promise<string[]>;
  count(table: string): Promise<number>;
  /** Rows in primary-key order by bytes (SQLite's BINARY order; PostgreSQL is told COLLATE "C"), so
   * both sides list rows alike; `textKeys` names the key columns that hold text. */
  batches(table: string, columns: readonly string[], primaryKey: readonly string[], size: number, textKeys?: ReadonlySet<string>): AsyncIterable<Row[]>;
  close(): Promise<void>;
}

function sqliteSource(url: string): Source {
  const connection = new Database(sqlitePath(url), { readonly: true, fileMustExist: true });
  return {
    async tables() {
      return (connection.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((row) => row.name);
    },
    async columns(table) {
      return (connection.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((row) => row.name);
    },
    async count(table) {
      return Number((connection.prepare(`SELECT count(*) AS n FROM ${quote(table)}`).get() as { n: number }).n);
    },
    async *batches(table, columns, primaryKey, size) {
      // One read transaction: a consistent snapshot even while the site keeps writing.
      const statement = connection.prepare(`SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)} ORDER BY ${primaryKey.map(quote).join(', ')}`).raw(true);
      let batch: Row[] = [];
      for (const row of statement.iterate() as Iterable<Row>) {
        batch.push(row);
        if (batch.length >= size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
    async close() {
      connection.close();
    },
  };
}

// timestamp without time zone comes back as text: pg would read it in the process's local zone.
const rawTimestamps = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === 1114 ? (value: string) => value : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

async function postgresClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ ...postgresConfig(url), types: rawTimestamps });
  await client.connect();
  return client;
}

function postgresSource(client: pg.Client): Source {
  return {
    async tables() {
      const { rows } = await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
      );
      return rows.map((row) => row.name);
    },
    async columns(table) {
      const { rows } = await client.query<{ name: string }>(
        "SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position",
        [table],
      );
      return rows.map((row) => row.name);
    },
    async count(table) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(table)}`);
      return Number(rows[0]!.n);
    },
    async *batches(table, columns, primaryKey, size, textKeys = new Set()) {
      // Keyset pages on the primary key: page 1,000 costs what page 1 costs.
      const keys = primaryKey.map((key) => (textKeys.has(key) ? `${quote(key)} COLLATE "C"` : quote(key))).join(', ');
      const keyIndexes = primaryKey.map((key) => columns.indexOf(key));
      const select = `SELECT ${columns.map(quote).join(', ')} FROM ${quote(table)}`;
      let last: Row | null = null;
      for (;;) {
        const after: string = last
          ? ` WHERE (${keys}) > (${primaryKey.map((key, index) => `$${index + 1}${textKeys.has(key) ? '::text COLLATE "C"' : ''}`).join(', ')})`
          : '';
        const result: pg.QueryArrayResult = await client.query({
          text: `${select}${after} ORDER BY ${keys} LIMIT ${size}`,
          values: last ? keyIndexes.map((index) => last![index]) : [],
          rowMode: 'array',
        });
        if (!result.rows.length) return;
        yield result.rows;
        last = result.rows[result.rows.length - 1]!;
      }
    },
    async close() {
      await client.end();
    },
  };
}

// ---- the target's shape ----------------------------------------------------------------------------

async function describeTarget(client: pg.Client): Promise<Map<string, Table>> {
  const { rows: columns } = await client.query<{ table: string; name: string; type: string }>(
    `SELECT table_name AS "table", column_name AS name, data_type AS type FROM information_schema.columns
     WHERE table_schema = 'public' AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`,
  );
  const { rows: keys } = await client.query<{ table: string; columns: string[] }>(
    `SELECT c.relname AS "table", array_agg(a.attname ORDER BY k.ordinality)::text[] AS columns
     FROM pg_constraint p JOIN pg_class c ON c.oid = p.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(attnum, ordinality)
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
     WHERE p.contype = 'p' AND n.nspname = 'public' GROUP BY c.relname`,
  );
  const { rows: references } = await client.query<{ table: string; column: string; target: string }>(
    `SELECT c.relname AS "table", a.attname AS "column", t.relname AS target
     FROM pg_constraint f JOIN pg_class c ON c.oid = f.conrelid JOIN pg_class t ON t.oid = f.confrelid
     JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = f.conkey[1]
     WHERE f.contype = 'f' AND n.nspname = 'public'`,
  );
  const { rows: serials } = await client.query<{ table: string }>(
    `SELECT table_name AS "table" FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'id' AND column_default LIKE 'nextval(%'`,
  );
  const kindOf = (type: string): Kind =>
    type.startsWith('timestamp') ? 'timestamp'
    : type === 'boolean' ? 'boolean'
    : type === 'jsonb' || type === 'json' ? 'json'
    : type === 'integer' || type === 'bigint' || type === 'smallint' ? 'integer'
    : type === 'double precision' || type === 'real' || type === 'numeric' ? 'number'
    : 'text';
  const tables = new Map<string, Table>();
  for (const column of columns) {
    if (notCopied(column.table)) continue;
    const table = tables.get(column.table) ?? { name: column.table, columns: [], primaryKey: [], selfReferences: [], serialId: false };
    table.columns.push({ name: column.name, kind: kindOf(column.type) });
    tables.set(column.table, table);
  }
  for (const key of keys) if (tables.has(key.table)) tables.get(key.table)!.primaryKey = key.columns;
  for (const reference of references) {
    if (reference.table === reference.target) tables.get(reference.table)?.selfReferences.push(reference.column);
  }
  for (const serial of serials) if (tables.has(serial.table)) tables.get(serial.table)!.serialId = true;
  // Parents before children (foreign keys checked row by row); self-references go in a second pass.
  const order: string[] = [];
  const visiting = new Set<string>();
  const visit = (name: string) => {
    if (order.includes(name) || visiting.has(name)) return;
    visiting.add(name);
    for (const reference of references) if (reference.table === name && reference.target !== name && tables.has(reference.target)) visit(reference.target);
    order.push(name);
  };
  for (const name of [...tables.keys()].sort()) visit(name);
  return new Map(order.map((name) => [name, tables.get(name)!]));
}

// ---- values ----------------------------------------------------------------------------------------

/** An instant as PostgreSQL's timestamp-without-zone text, in UTC (Prisma's convention). */
function toInstant(value: Value): string | null {
  if (value === null || value === undefined) return null;
  let date: Date;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number' || typeof value === 'bigint') date = new Date(Number(value));
  else {
    const text = String(value);
    // PostgreSQL's own text ("2026-01-01 10:00:00.123") has no zone: it is UTC.
    date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
  }
  if (Number.isNaN(date.getTime())) throw new Error(`not a date: ${String(value)}`);
  return date.toISOString();
}

function toTarget(kind: Kind, value: Value): Value {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'timestamp':
      return toInstant(value)!.replace('T', ' ').replace('Z', '');
    case 'boolean':
      return value === true || value === 1 || value === 1n || value === '1' || value === 'true';
    case 'json':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'integer':
      return typeof value === 'bigint' ? value.toString() : value;
    default:
      return Buffer.isBuffer(value) ? value : value;
  }
}

const canonicalJson = (value: Value): string => {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, Value>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
};

/** One value as the checksum sees it: the same on both sides whatever the driver returns. */
function normalise(kind: Kind, value: Value): Value {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'timestamp':
      return toInstant(value);
    case 'boolean':
      return toTarget('boolean', value);
    case 'json':
      return canonicalJson(typeof value === 'string' ? JSON.parse(value) : value);
    case 'integer':
    case 'number':
      return Number(value);
    default:
      return Buffer.isBuffer(value) ? value.toString('base64') : String(value);
  }
}

// ---- copy and verify -------------------------------------------------------------------------------

async function insertBatch(client: pg.Client, table: Table, columns: readonly Column[], rows: readonly Row[]): Promise<void> {
  const width = columns.length;
  const values: Value[] = [];
  const tuples = rows.map((row, rowIndex) => {
    columns.forEach((column, index) => {
      // Self-references are filled in by a second pass, once every row they may point to exists.
      values.push(table.selfReferences.includes(column.name) ? null : toTarget(column.kind, row[index]));
    });
    return `(${columns.map((_, index) => `$${rowIndex * width + index + 1}`).join(', ')})`;
  });
  await client.query(`INSERT INTO ${quote(table.name)} (${columns.map((column) => quote(column.name)).join(', ')}) VALUES ${tuples.join(', ')}`, values);
}

async function fillSelfReferences(client: pg.Client, table: Table, columns: readonly Column[], rows: readonly Row[]): Promise<void> {
  for (const reference of table.selfReferences) {
    const at = columns.findIndex((column) => column.name === reference);
    const keyAt = table.primaryKey.map((key) => columns.findIndex((column) => column.name === key));
    const pairs = rows.filter((row) => row[at] !== null && row[at] !== undefined);
    if (!pairs.length || keyAt.length !== 1) continue;
    const values = pairs.flatMap((row) => [row[keyAt[0]!], row[at]]);
    const list = pairs.map((_, index) => `($${index * 2 + 1}::int, $${index * 2 + 2}::int)`).join(', ');
    await client.query(
      `UPDATE ${quote(table.name)} AS t SET ${quote(reference)} = v.ref FROM (VALUES ${list}) AS v(key, ref) WHERE t.${quote(table.primaryKey[0]!)} = v.key`,
      values,
    );
  }
}

async function checksum(source: Source, table: Table, columns: readonly Column[], size: number): Promise<{ rows: number; sha256: string }> {
  const hash = createHash('sha256');
  let rows = 0;
  for await (const batch of source.batches(table.name, columns.map((column) => column.name), table.primaryKey, size, textKeysOf(table))) {
    for (const row of batch) {
      hash.update(JSON.stringify(columns.map((column, index) => normalise(column.kind, row[index]))));
      hash.update('\n');
    }
    rows += batch.length;
  }
  return { rows, sha256: hash.digest('hex') };
}

export async function copyDatabase(options: CopyOptions): Promise<CopyReport> {
  const started = Date.now();
  const { from, to } = options;
  const batchRows = options.batchRows ?? 1_000;
  const emit = options.onProgress ?? (() => {});
  if (!isPostgres(to)) throw new Error(`--to must be a postgres:// URL (got ${redactPassword(to)})`);
  if (from === to) throw new Error('--from and --to name the same database');

  await applyMigrations(to);
  const target = await postgresClient(to);
  const source = isPostgres(from) ? postgresSource(await postgresClient(from)) : sqliteSource(from);
  try {
    const tables = await describeTarget(target);
    // Nothing may be left behind: every source table and column must have a place in the target.
    for (const name of await source.tables()) {
      if (notCopied(name)) continue;
      const table = tables.get(name);
      if (!table) throw new Error(`table "${name}" of the source has no counterpart in the target: migrate the source first`);
      const missing = (await source.columns(name)).filter((column) => !table.columns.some((each) => each.name === column));
      if (missing.length) throw new Error(`columns ${missing.join(', ')} of "${name}" have no counterpart in the target`);
    }
    const sourceTables = new Set(await source.tables());
    const copied = [...tables.values()].filter((table) => sourceTables.has(table.name));
    for (const table of copied) {
      const { rows } = await target.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quote(table.name)}) AS any`);
      if (rows[0]!.any) throw new Error(`the target is not empty ("${table.name}" has rows): db:copy only fills an empty database`);
    }
    const counts = new Map<string, number>();
    for (const table of copied) counts.set(table.name, await source.count(table.name));
    emit({ phase: 'start', totalRows: [...counts.values()].reduce((sum, count) => sum + count, 0) });

    const columnsOf = async (table: Table) => {
      const present = new Set(await source.columns(table.name));
      return table.columns.filter((column) => present.has(column.name));
    };

    await target.query('BEGIN');
    try {
      for (const table of copied) {
        const columns = await columnsOf(table);
        const perStatement = Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMETERS / columns.length)));
        const names = columns.map((column) => column.name);
        for await (const batch of source.batches(table.name, names, table.primaryKey, perStatement, textKeysOf(table))) {
          await insertBatch(target, table, columns, batch);
          emit({ phase: 'copy', table: table.name, rows: batch.length });
        }
        if (table.selfReferences.length) {
          for await (const batch of source.batches(table.name, names, table.primaryKey, perStatement, textKeysOf(table))) await fillSelfReferences(target, table, columns, batch);
        }
        // Copied ids were explicit: move the sequence past them, or the next insert would collide.
        if (table.serialId) {
          await target.query(
            `SELECT setval(pg_get_serial_sequence($1, 'id'), GREATEST((SELECT COALESCE(MAX("id"), 0) FROM ${quote(table.name)}), 1), (SELECT COUNT(*) > 0 FROM ${quote(table.name)}))`,
            [quote(table.name)],
          );
        }
      }
      await target.query('COMMIT');
    } catch (error) {
      await target.query('ROLLBACK').catch(() => {});
      throw error;
    }
  } finally {
    await source.close().catch(() => {});
    await target.end().catch(() => {});
  }
  const report = await compareDatabases(from, to, emit);
  return { ...report, seconds: (Date.now() - started) / 1000 };
}

/** Row counts and checksums of every table the target has, on both sides. */
export async function compareDatabases(from: string, to: string, emit: (event: CopyProgress) => void = () => {}): Promise<Omit<CopyReport, 'seconds'>> {
  const target = await postgresClient(to);
  const source = isPostgres(from) ? postgresSource(await postgresClient(from)) : sqliteSource(from);
  try {
    const tables = await describeTarget(target);
    const sourceTables = new Set(await source.tables());
    const copiedTarget = postgresSource(target);
    const reports: TableReport[] = [];
    for (const table of tables.values()) {
      if (!sourceTables.has(table.name)) continue;
      emit({ phase: 'verify', table: table.name });
      const present = new Set(await source.columns(table.name));
      const columns = table.columns.filter((column) => present.has(column.name));
      const before = await checksum(source, table, columns, 2_000);
      const after = await checksum(copiedTarget, table, columns, 2_000);
      reports.push({
        table: table.name,
        sourceRows: before.rows,
        targetRows: after.rows,
        sourceChecksum: before.sha256,
        targetChecksum: after.sha256,
        ok: before.rows === after.rows && before.sha256 === after.sha256,
      });
    }
    return { tables: reports, ok: reports.every((report) => report.ok), rows: reports.reduce((sum, report) => sum + report.targetRows, 0) };
  } finally {
    await source.close().catch(() => {});
    await target.end().catch(() => {});
  }
}
