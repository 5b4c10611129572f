// npm run audit:lighthouse [-- --url http://host:port] [--runs 3] [--preset desktop]
// Runs Lighthouse 12.2.3 (Debian's Chromium) on home, a section and an article, RUNS times each, and
// prints the median of the four category scores per page. Without --url it starts `next start` on the
// existing build (NEXT_DIST_DIR, default .next; run `npm run build` first) against DATABASE_URL.
// Exits 1 when any page's SEO score is below 100.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { auditTargets } from '@/lib/seo/audit-targets';

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

function startServer(port: string): ChildProcess {
  const distDir = process.env.NEXT_DIST_DIR || '.next';
  if (!fs.existsSync(path.join(distDir, 'BUILD_ID'))) {
    throw new Error(`No build in ${distDir}: run \`npm run build\` (with the same NEXT_DIST_DIR) or pass --url.`);
  }
  return spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', port], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
}

function lighthouse(url: string, out: string): Record<(typeof categories)[number], number> {
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
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as { categories: Record<string, { score: number | null }> };
  return Object.fromEntries(categories.map((name) => [name, Math.round((report.categories[name]?.score ?? 0) * 100)])) as Record<(typeof categories)[number], number>;
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
    console.log(`Lighthouse 12.2.3, ${runs} run(s) per page, median scores${values.preset ? ` (preset ${values.preset})` : ' (mobile)'}: ${base}`);
    console.log(['page'.padEnd(10), ...categories.map((name) => name.padStart(15)), '  path'].join(''));
    for (const target of targets) {
      // Warm the page into Next's cache first: the audit measures what readers get, not a first render.
      await fetch(`${base}${target.path}`);
      const scores = Array.from({ length: runs }, (_, run) => lighthouse(`${base}${target.path}`, path.join(workDir, `${target.name}-${run}.json`)));
      const medians = categories.map((name) => median(scores.map((score) => score[name])));
      if (medians[3]! < 100) seoOk = false;
      console.log([target.name.padEnd(10), ...medians.map((score) => String(score).padStart(15)), `  ${target.path}`].join(''));
      console.log(`${''.padEnd(10)}${categories.map((name) => `[${scores.map((score) => score[name]).join(' ')}]`.padStart(15)).join('')}  (each run)`);
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
