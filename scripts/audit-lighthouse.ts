// npm run audit:lighthouse [-- --url http://host:port] [--runs 3] [--preset desktop]
// Runs Lighthouse (the version package.json pins; Debian's Chromium) on home, a section and an article, RUNS times each, and
// prints the median of the four category scores per page. Without --url it starts `next start` on the
// existing build (NEXT_DIST_DIR, default .next; run `npm run build` first) against DATABASE_URL.
// Exits 1 when any page's SEO score is below 100.
import { spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { auditTargets } from '@/lib/seo/audit-targets';
import { startNextServer } from './support/next-build';

const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
// From the field notes: without the networking flags Chromium keeps trying to reach Google.
const chromeFlags = '--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    runs: { type: 'string', default: '3' },
    port: { type: 'string', default: '3455' },
    preset: { type: 'string' },
  },
});
const runs = Math.max(1, Number(values.runs));
// The pinned 12.2.3 scores pages with Debian's Chromium 156, but cannot read its traces' frames: its
// LCP-element and root-cause audits fail ("reading 'frame_sequence'"). 12.8.2 reads them, but depends
// on packages at their "latest" tag, which makes `npm ci` fail whenever one of them is released;
// for those audits, `npm install --no-save lighthouse@12.8.2` first (docs/seo.md).
const lighthouseVersion = (JSON.parse(fs.readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string }).version;
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} did not answer within ${ms / 1000} s`);
}

// Lede's own server (scripts/serve.mjs, as `npm start` runs it), not bare `next start`: the view beacon
// (POST /api/views) is answered there, and without it every article page logged a 404 in the console
// and lost Best Practices points for it.
function startServer(port: string): ChildProcess {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
    throw new Error(`No build in ${distDir}: run \`npm run build\` (with the same NEXT_DIST_DIR) or pass --url.`);
  }
  const server = startNextServer(distDir, Number(port), { ...process.env, NEXT_TELEMETRY_DISABLED: '1' }, 'pipe');
  // Drained, not shown: a full pipe would stall the server.
  server.stdout?.resume();
  server.stderr?.resume();
  return server;
}

type LighthouseReport = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, { score: number | null }>;
};

/** The weighted audits below full marks outside Performance (whose figures are printed apart): what
 * a score under 100 in the other three categories is made of. */
function failedAudits(report: LighthouseReport): string[] {
  return categories
    .filter((name) => name !== 'performance')
    .flatMap((name) => (report.categories[name]?.auditRefs ?? []).filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1).map((ref) => `${name}/${ref.id}`));
}

function lighthouse(url: string, out: string): Record<(typeof categories)[number], number> & { failed: string[] } {
  const args = [
    'node_modules/lighthouse/cli/index.js',
    url,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    `--only-categories=${categories.join(',')}`,
    `--chrome-flags=${chromeFlags}`,
    ...(values.preset ? [`--preset=${values.preset}`] : []),
  ];
  const run = spawnSync(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromePath }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`Lighthouse failed on ${url}:\n${run.stderr}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as LighthouseReport;
  const scores = Object.fromEntries(categories.map((name) => [name, Math.round((report.categories[name]?.score ?? 0) * 100)])) as Record<(typeof categories)[number], number>;
  return { ...scores, failed: failedAudits(report) };
}

const median = (numbers: number[]): number => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
};

async function main(): Promise<number> {
  if (!fs.existsSync(chromePath)) throw new Error(`No Chromium at ${chromePath} (apt-get install chromium, or set CHROME_PATH).`);
  const server = values.url ? null : startServer(values.port!);
  const base = (values.url ?? `http://127.0.0.1:${values.port}`).replace(/\/+$/, '');
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-lighthouse-'));
  try {
    await waitFor(`${base}/`, 30_000);
    const targets = await auditTargets();
    let seoOk = true;
    console.log(`Lighthouse ${lighthouseVersion}, ${runs} run(s) per page, median scores${values.preset ? ` (preset ${values.preset})` : ' (mobile)'}: ${base}`);
    console.log(['page'.padEnd(10), ...categories.map((name) => name.padStart(15)), '  path'].join(''));
    for (const target of targets) {
      // Warm the page into Next's cache first: the audit measures what readers get, not a first render.
      await fetch(`${base}${target.path}`);
      const scores = Array.from({ length: runs }, (_, run) => lighthouse(`${base}${target.path}`, path.join(workDir, `${target.name}-${run}.json`)));
      const medians = categories.map((name) => median(scores.map((score) => score[name])));
      if (medians[3]! < 100) seoOk = false;
      console.log([target.name.padEnd(10), ...medians.map((score) => String(score).padStart(15)), `  ${target.path}`].join(''));
      console.log(`${''.padEnd(10)}${categories.map((name) => `[${scores.map((score) => score[name]).join(' ')}]`.padStart(15)).join('')}  (each run)`);
      const failed = [...new Set(scores.flatMap((score) => score.failed))];
      if (failed.length) console.log(`${''.padEnd(10)}below full marks in some run: ${failed.join(', ')}`);
    }
    if (!seoOk) console.error('SEO is below 100 on at least one page: see the reports in', workDir);
    return seoOk ? 0 : 1;
  } finally {
    server?.kill();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
