// npm run import -- PATH... [--media-root DIR] [--section SLUG] [--section-name NAME]
// Legacy article files or folders of them (recursively), or a Lede export (*.ndjson, npm run export;
// a *.json path is read as an export too, so that a version-1 export, one JSON document, is named with
// the command that converts it). Needs no running server (a running one shows the import at once: it
// polls the page refreshes the import records); exit code 1 when anything failed: a legacy file, an
// export that is not one, or any record of an export refused (each printed as file:line: reason; the
// rest imports).
// docs/legacy-format.md has the rules.
import path from 'node:path';
import cliProgress from 'cli-progress';
import { z } from 'zod';
import { slugPattern } from '@/lib/forms/slug-pattern';

process.env.NEXT_TELEMETRY_DISABLED = '1';

const argsSchema = z.object({
  paths: z.array(z.string().min(1)).min(1, 'name at least one file or folder'),
  mediaRoot: z.string().min(1).optional(),
  section: z.string().regex(slugPattern, 'must be a slug like "archive"').optional(),
  sectionName: z.string().trim().min(1).max(80).optional(),
});

function readArgs(argv: string[]): z.infer<typeof argsSchema> {
  const raw: { paths: string[]; mediaRoot?: string; section?: string; sectionName?: string } = { paths: [] };
  for (let index = 0; index < argv.length; index += 1) {
    const arg = argv[index]!;
    const option = /^--(media-root|section|section-name)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? argv[(index += 1)] ?? '';
      if (option[1] === 'media-root') raw.mediaRoot = value;
      else if (option[1] === 'section') raw.section = value;
      else raw.sectionName = value;
    } else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}`);
    else raw.paths.push(arg);
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `${issue.path.join('.') || 'arguments'}: ${issue.message}`).join('\n'));
  return parsed.data;
}

let args: z.infer<typeof argsSchema>;
try {
  args = readArgs(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\nusage: npm run import -- PATH... [--media-root DIR] [--section SLUG] [--section-name NAME]`);
  process.exit(2);
}

const { applyMigrations } = await import('@/lib/db/migrate');
const { db } = await import('@/lib/db/client');
await applyMigrations();
await (await import('@/lib/articles/body/convert-stored')).convertStoredBodies({ log: console.log });
await (await import('@/lib/contributors/convert-bylines')).convertStoredBylines({ log: console.log });

let failed = 0;
const isExport = (file: string) => /\.(nd)?json$/i.test(file);
const exports = args.paths.filter(isExport);
const legacy = args.paths.filter((file) => !isExport(file));

if (exports.length) {
  const { importTransferFile } = await import('@/lib/transfer/import');
  for (const file of exports) {
    try {
      const { counts, refused } = await importTransferFile(file);
      for (const record of refused) console.error(record.message);
      console.log(
        `${file}: ${Object.entries(counts).map(([name, count]) => `${count} ${name}`).join(', ')} imported` +
          (refused.length ? `; ${refused.length} record${refused.length === 1 ? '' : 's'} refused (listed above; exit code 1)` : ''),
      );
      if (refused.length) failed += 1;
    } catch (error) {
      failed += 1;
      console.error(`${file}: ${(error as Error).message}`);
    }
  }
}

if (legacy.length) {
  const { countLegacyFiles } = await import('@/lib/legacy/files');
  const { importLegacyPaths } = await import('@/lib/legacy/importer');
  const total = await countLegacyFiles(legacy);
  const counts = { imported: 0, updated: 0, unchanged: 0, failed: 0 };
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      format: 'Import {bar} {value}/{total} | {rate}/s | imported {imported} updated {updated} unchanged {unchanged} failed {failed} | ETA {eta_formatted}',
      hideCursor: true,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { ...counts, rate: '0' });
  let done = 0;
  const summary = await importLegacyPaths(legacy, {
    mediaRoot: args.mediaRoot ? path.resolve(args.mediaRoot) : undefined,
    section: args.section ? { slug: args.section, name: args.sectionName ?? args.section.replace(/(^|-)(\w)/g, (_, dash: string, c: string) => `${dash ? ' ' : ''}${c.toUpperCase()}`) } : undefined,
    onFile: (result) => {
      done += 1;
      counts[result.outcome] += 1;
      bar.update(done, { ...counts, rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
    },
  }).catch(async (error: unknown) => {
    bar.stop();
    const { isDiskFull } = await import('@/lib/faults/disk');
    if (!isDiskFull(error)) throw error;
    // Groups commit whole (lib/legacy/importer.ts): what is in is complete, the rest is not started.
    console.error(`Import stopped after ${done} of ${total} files: the disk that holds the database (or MEDIA_ROOT) is full. Everything imported so far is whole. Free some space and run the same command again: it skips what is already in and imports the rest.`);
    await db.$disconnect();
    process.exit(1);
  });
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  for (const failure of summary.failures) console.error(`${failure.source}:${failure.line}: ${failure.reason}`);
  console.log(
    `Imported ${summary.imported}, updated ${summary.updated}, unchanged ${summary.unchanged}, failed ${summary.failed}` +
      ` (${done} files in ${seconds.toFixed(1)} s, ${Math.round(done / Math.max(seconds, 0.001))}/s; ${summary.connected} waiting links connected).`,
  );
  failed += summary.failed;
}

// No call to the app: the import's page refreshes are in the outbox, which every running app polls.
const { runningAppsNotice } = await import('./support/running-apps');
console.log(runningAppsNotice());
await db.$disconnect();
process.exit(failed ? 1 : 0);
