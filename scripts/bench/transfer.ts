// Export and import of a whole site (lib/transfer, docs/benchmarks.md): prepares the demo site with
// N generated articles in a folder of its own, then runs `npm run export` and `npm run import` of that
// file into a new empty database, each in a process of its own, and prints one JSON line: records,
// file size, and for each side the wall time, the CPU time and the process's peak resident memory
// (its own maxRSS, so the seeding does not count). Everything it made is removed at the end. A benchmark,
// not a test: it reports.
//   npx tsx scripts/bench/transfer.ts [--articles N]   (default 20000)
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../support/next-build';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '20000' } } });
const run = crypto.randomBytes(4).toString('hex');
const dir = path.join(projectRoot, 'data', `bench-transfer-${run}`);
const source = `file:${path.join(dir, 'site.db')}`;
const target = `file:${path.join(dir, 'imported.db')}`;
fs.mkdirSync(dir, { recursive: true });
process.env.DATABASE_URL = source;
process.env.MEDIA_ROOT = path.join(dir, 'media');

// The CLI in a child process of its own (tsx as a loader, not its CLI, which would run the script in
// a grandchild), its peak memory read by a preloaded hook as it exits.
const peakHook = path.join(dir, 'peak.cjs');
fs.writeFileSync(peakHook, `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.BENCH_PEAK_FILE, JSON.stringify(u)); });\n`);

function cli(script: string, args: string[], databaseUrl: string): { seconds: number; cpuSeconds: number; peakRssMB: number; output: string } {
  const peakFile = path.join(dir, `${path.basename(script)}.peak`);
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--require', peakHook, '--import', 'tsx', script, ...args], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, BENCH_PEAK_FILE: peakFile, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`${script} failed (${child.status}): ${child.stderr.slice(0, 2000)}`);
  const usage = JSON.parse(fs.readFileSync(peakFile, 'utf8')) as NodeJS.ResourceUsage;
  return {
    seconds: Math.round(seconds * 10) / 10,
    // CPU time moves less than wall time when other work shares the machine.
    cpuSeconds: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1e5) / 10,
    peakRssMB: Math.round(usage.maxRSS / 1024),
    output: child.stdout.trim(),
  };
}

const { prepareSite } = await import('../support/prepare-site');
const { db } = await import('@/lib/db/client');
try {
  const site = await prepareSite({ generatedArticles: Number(values.articles) });
  await db.$disconnect();
  const file = path.join(dir, 'site.ndjson');
  const exported = cli('scripts/export.ts', ['--out', file], source);
  const imported = cli('scripts/import.ts', [file], target);
  console.log(
    JSON.stringify({
      articles: site.articles,
      fileMB: Math.round(fs.statSync(file).size / 1e5) / 10,
      exportSeconds: exported.seconds,
      exportCpuSeconds: exported.cpuSeconds,
      exportPeakRssMB: exported.peakRssMB,
      importSeconds: imported.seconds,
      importCpuSeconds: imported.cpuSeconds,
      importPeakRssMB: imported.peakRssMB,
      export: exported.output,
      import: imported.output.split('\n').at(-1),
    }),
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
