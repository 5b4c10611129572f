// npm run db:copy -- --from file:./data/lede.db --to postgresql://user@host:5432/lede
// Copies a whole site into an empty PostgreSQL database (lib/db/copy.ts), then compares the row
// count and a checksum of every table on both sides. Exit code 0 only when all of them agree.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { copyDatabase } from '@/lib/db/copy';
import { redactPassword } from '@/lib/db/postgres';

const databaseUrl = z.string().regex(/^(file:|postgres(ql)?:\/\/)/, 'must be a file: (SQLite) or postgres:// URL');
const args = z.object({ from: databaseUrl, to: databaseUrl.regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'), batch: z.coerce.number().int().min(1).max(10_000).default(1_000) });

const usage = 'Usage: npm run db:copy -- --from URL --to postgres://URL [--batch ROWS]';
let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({ options: { from: { type: 'string' }, to: { type: 'string' }, batch: { type: 'string' } } }));
} catch (error) {
  // An unknown option or a missing value: say which, without a stack trace.
  console.error(`${usage}\n  ${(error as Error).message}`);
  process.exit(2);
}
const parsed = args.safeParse(values);
if (!parsed.success) {
  console.error(`${usage}\n${parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`).join('\n')}`);
  process.exit(2);
}
const { from, to, batch } = parsed.data;
console.log(`Copying ${redactPassword(from)} → ${redactPassword(to)}`);

const bar = new cliProgress.SingleBar(
  { format: '{bar} {percentage}% | {value}/{total} rows | {table} | {speed} rows/s', noTTYOutput: true, notTTYSchedule: 5_000, etaBuffer: 50 },
  cliProgress.Presets.shades_classic,
);
const started = Date.now();
let copied = 0;
try {
  const report = await copyDatabase({
    from,
    to,
    batchRows: batch,
    onProgress(event) {
      if (event.phase === 'start') bar.start(event.totalRows, 0, { table: '', speed: 0 });
      if (event.phase === 'copy') {
        copied += event.rows;
        bar.update(copied, { table: event.table, speed: Math.round(copied / Math.max(0.001, (Date.now() - started) / 1000)) });
      }
      if (event.phase === 'verify') bar.update(copied, { table: `checking ${event.table}` });
    },
  });
  bar.stop();
  const width = Math.max(...report.tables.map((table) => table.table.length));
  for (const table of report.tables) {
    const verdict = table.ok ? 'ok' : 'MISMATCH';
    console.log(`${table.table.padEnd(width)}  ${String(table.sourceRows).padStart(9)} → ${String(table.targetRows).padStart(9)}  sha256 ${table.sourceChecksum.slice(0, 16)} ${table.sourceChecksum === table.targetChecksum ? '=' : '≠'} ${table.targetChecksum.slice(0, 16)}  ${verdict}`);
  }
  console.log(report.ok ? `Copied ${report.rows} rows in ${report.seconds.toFixed(1)} s: every table's count and checksum agree.` : 'Some tables differ after the copy (see above).');
  process.exit(report.ok ? 0 : 1);
} catch (error) {
  bar.stop();
  console.error(`db:copy failed: ${(error as Error).message}`);
  process.exit(1);
}
