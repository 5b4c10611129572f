// npm run db:seed [-- --articles N] [--batch N]
// Migrates DATABASE_URL, seeds the demo site when it has no articles, and with --articles N adds N
// generated articles in batched transactions with a progress bar (1,000,000 take minutes, in flat memory).
import cliProgress from 'cli-progress';
import { z } from 'zod';

process.env.NEXT_TELEMETRY_DISABLED = '1';

const argsSchema = z.object({
  articles: z.coerce.number().int().min(0).max(100_000_000).default(0),
  batch: z.coerce.number().int().min(1).max(100_000).default(2_000),
});

function readArgs(argv: string[]) {
  const raw: Record<string, string> = {};
  for (let index = 0; index < argv.length; index += 1) {
    const match = /^--(articles|batch)(?:=(.*))?$/.exec(argv[index]!);
    if (!match) throw new Error(`unknown argument "${argv[index]}" (use --articles N [--batch N])`);
    raw[match[1]!] = match[2] ?? argv[(index += 1)] ?? '';
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
  return parsed.data;
}

let args: z.infer<typeof argsSchema>;
try {
  args = readArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

const { applyMigrations } = await import('@/lib/db/migrate');
const { db } = await import('@/lib/db/client');
const { seedDemoContent } = await import('@/lib/seed/demo');
const { seedGeneratedArticles } = await import('@/lib/seed/generated');

const { applied } = await applyMigrations();
if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
await (await import('@/lib/articles/body/convert-stored')).convertStoredBodies({ log: console.log });
await (await import('@/lib/contributors/convert-bylines')).convertStoredBylines({ log: console.log });
const demo = await seedDemoContent({ log: console.log });
if (!demo.seeded) console.log('The database already has articles: demo content left as it is.');

if (args.articles > 0) {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    { format: 'Articles {bar} {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}', hideCursor: true, etaBuffer: 20 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(args.articles, 0, { rate: '0' });
  await seedGeneratedArticles(args.articles, {
    batchSize: args.batch,
    onProgress: (done) => bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)).toLocaleString('en') }),
  });
  bar.stop();
  const seconds = (Date.now() - started) / 1000;
  console.log(`Added ${args.articles.toLocaleString('en')} articles in ${seconds.toFixed(1)} s (${Math.round(args.articles / seconds).toLocaleString('en')}/s).`);
  const { runningAppsNotice } = await import('./support/running-apps');
  console.log(runningAppsNotice());
}
await db.$disconnect();
