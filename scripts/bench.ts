// npm run bench: builds and starts Lede on its own port against a bench database, then measures in one
// run, on loopback: (a) an article page, (b) a section front, (c) the home page, (d) /status/bare, a
// trivial static page the request proxy never sees: the ceiling Next itself sets on this machine, and
// /status/static, the same page through the proxy (req/s, p50, p99 under load), and (e) the render
// time of articles never requested before, one at a time. With --scenario coherence it measures
// instead how long a change takes to reach each kind of page under readers (scripts/bench/coherence.ts);
// with --scenario soak (npm run soak -- --minutes N) mixed traffic for N minutes (scripts/bench/soak.ts);
// with --scenario sanitize, how long saving big bodies holds the event loop (scripts/bench/sanitize.ts);
// with --scenario upload, the peak memory of one large upload, streamed and buffered (scripts/bench/upload.ts);
// with --scenario csp, home and article req/s with and without the Content-Security-Policy (scripts/bench/csp.ts);
// with --scenario blocks, the uncached render of block bodies and their page bytes (scripts/bench/blocks.ts);
// with --scenario beacons, article req/s alone and under 5,000 view beacons a second, views written,
// memory under a flood of unknown ids (scripts/bench/beacons.ts).
// with --scenario newsday, a news site's day, direct or behind nginx (scripts/bench/newsday.ts);
// with --scenario search, search pages one at a time and 8 at once over fixed queries (scripts/bench/search.ts).
// A benchmark, not a test: it reports, it does not assert. docs/benchmarks.md explains the figures.
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { measureLoad, type LoadFigures } from './bench/load';
import { cpuMsPerRender, measureMisses } from './bench/miss';
import { forgetRenderedPages, recordBuildFiles } from './bench/isr-cache';
import { parseBenchOptions } from './bench/options';
import { treeRssMegabytes } from './bench/rss';
import { treeCpuMilliseconds } from './bench/cpu';
import type { BenchPinning } from './bench/beacons';
import { buildStamp, portIsTaken, projectRoot, runNextBuild, staleBuildReason, startNextServer, waitUntilServing } from './support/next-build';

const options = parseBenchOptions(process.argv.slice(2));
const say = (line: string) => console.log(`[bench] ${line}`);
const distDir = '.next-bench';
const distPath = path.join(projectRoot, distDir);
const benchDir = path.join(projectRoot, 'data', 'bench');
const baseUrl = `http://127.0.0.1:${options.port}`;
fs.mkdirSync(benchDir, { recursive: true });

// In process, on a throwaway database: no build, no server (scripts/bench/sanitize.ts).
if (options.scenario === 'sanitize') {
  const file = path.join(benchDir, `sanitize-${process.pid}.db`);
  try {
    await runChild(path.join('scripts', 'bench', 'sanitize.ts'), [], { ...process.env, NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: `file:${file}`, MEDIA_ROOT: path.join(benchDir, 'media-sanitize') });
  } finally {
    for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
  }
  process.exit(0);
}

// In process, on a throwaway database: the media-use check before and after the MediaUse index
// (scripts/bench/media-uses.ts, decision 0024).
if (options.scenario === 'media-uses') {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', MEDIA_ROOT: path.join(benchDir, 'media-uses') };
  if (options.database === 'postgres') {
    const { createDatabase, dropDatabase, withDatabase } = await import('@/lib/db/postgres');
    const url = withDatabase(process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', `lede_bench_media_${process.pid}`);
    await createDatabase(url);
    try {
      await runChild(path.join('scripts', 'bench', 'media-uses.ts'), [String(options.articles)], { ...env, DATABASE_URL: url });
    } finally {
      await dropDatabase(url);
    }
  } else {
    const file = path.join(benchDir, `media-uses-${process.pid}.db`);
    try {
      await runChild(path.join('scripts', 'bench', 'media-uses.ts'), [String(options.articles)], { ...env, DATABASE_URL: `file:${file}` });
    } finally {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(`${file}${suffix}`, { force: true });
    }
  }
  process.exit(0);
}

async function ensurePostgresDatabase(): Promise<string> {
  const server = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  // Its own name lets two engineers' benches on one PostgreSQL server not seed into each other.
  const name = process.env.BENCH_POSTGRES_DATABASE ?? 'lede_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_POSTGRES_DATABASE must be a plain lower-case name, not ${JSON.stringify(name)}.`);
  const adapter = fs.readFileSync(path.join(projectRoot, 'lib', 'db', 'postgres.ts'), 'utf8');
  if (/not supported yet/.test(adapter)) throw new Error('lib/db does not support PostgreSQL yet (lib/db/postgres.ts): run the bench with --database sqlite.');
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

function runChild(script: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, script, ...args], { cwd: projectRoot, env, stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} failed (exit code ${code})`))));
  });
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** The figures as JSON in bench-results/ (not committed), with the commit, the options and the machine. */
function saveResults(scenario: string, figures: Record<string, number | string>, targetsUsed: Record<string, unknown> = {}): void {
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: projectRoot, encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: the JSON simply has no commit.
  }
  const resultsDir = path.join(projectRoot, 'bench-results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(resultsDir, `bench-${scenario === 'pages' ? '' : `${scenario}-`}${options.database}-${figures.articles_in_database}-${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), commit, machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: round(os.totalmem() / 1024 ** 3), node: process.version }, options, targets: targetsUsed, figures }, null, 2)}\n`);
  console.log(`\n[bench] Saved ${path.relative(projectRoot, file)}.`);
}

// ---- database, build, server ------------------------------------------------------------------

const databaseUrl = options.database === 'postgres' ? await ensurePostgresDatabase() : `file:${path.join(benchDir, `bench-${options.articles}.db`)}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  DATABASE_URL: databaseUrl,
  MEDIA_ROOT: path.join(benchDir, options.database === 'postgres' ? 'media-postgres' : `media-${options.articles}`),
  SITE_URL: baseUrl,
  PORT: String(options.port),
  INTERNAL_SECRET: process.env.INTERNAL_SECRET || crypto.randomBytes(32).toString('base64url'),
};

if (options.scenario === 'upload') {
  // Needs no server and no bench database: each path runs in a child process of its own.
  const { measureUploads } = await import('./bench/upload');
  const figures = await measureUploads(projectRoot, benchDir, env, say);
  console.log('');
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
  process.exit(0);
}

say(`Database: ${options.database === 'postgres' ? databaseUrl : path.relative(projectRoot, databaseUrl.slice(5))} (at least ${options.articles} articles).`);
const targetsFile = path.join(benchDir, `targets-${process.pid}.json`);
await runChild(path.join('scripts', 'bench', 'prepare.ts'), [String(options.articles), targetsFile, String(options.misses)], env);
const targets = JSON.parse(fs.readFileSync(targetsFile, 'utf8')) as { articles: number; articlePath: string; sectionPath: string; missPaths: string[] };
fs.rmSync(targetsFile, { force: true });

let blockTargets: { blockPaths: string[]; plainPaths: string[] } | null = null;
// side-by-side: 20 warm-up and --misses measured pairs per server per round (scripts/bench/side-by-side.ts).
const sideBySide = { warm: 20, measured: options.misses, rounds: options.rounds };
if (options.scenario === 'blocks' || options.scenario === 'side-by-side') {
  const file = path.join(benchDir, `blocks-${process.pid}.json`);
  const pairs = options.scenario === 'blocks' ? options.misses : (await import('./bench/side-by-side')).sideBySidePairs(sideBySide);
  say(`Writing ${pairs} articles of 20 blocks and ${pairs} plain twins…`);
  await runChild(path.join('scripts', 'bench', 'blocks-prepare.ts'), [String(pairs), file], env);
  blockTargets = JSON.parse(fs.readFileSync(file, 'utf8')) as { blockPaths: string[]; plainPaths: string[] };
  fs.rmSync(file, { force: true });
}

const reason = staleBuildReason(distDir, buildStamp(env));
if (reason) {
  say(`Building into ${distDir} (${reason})…`);
  await runNextBuild(distDir, env);
  recordBuildFiles(distPath);
} else {
  const removed = forgetRenderedPages(distPath);
  say(`Reusing the build in ${distDir}; forgot ${removed} cached file(s) from earlier runs.`);
}

if (await portIsTaken(options.port)) throw new Error(`Port ${options.port} is already in use: stop that server or pass --port.`);
if (options.scenario === 'side-by-side') {
  const second = options.port + 1;
  if (await portIsTaken(second)) throw new Error(`Port ${second} is already in use: side-by-side needs --port and the port after it.`);
  const { runSideBySideScenario } = await import('./bench/side-by-side');
  say(`Side by side: A with NODE_OPTIONS "${options.aNodeOptions}", B as npm start runs it, ${options.rounds} round(s), ports ${options.port} and ${second}…`);
  const figures = await runSideBySideScenario({ ports: [options.port, second], distDir, env, aNodeOptions: options.aNodeOptions, pairs: blockTargets!, ...sideBySide });
  console.log('');
  for (const [name, value] of Object.entries({ articles_in_database: targets.articles, database: options.database, ...figures })) console.log(`${name}: ${value}`);
  saveResults('side-by-side', { articles_in_database: targets.articles, ...figures });
  process.exit(0);
}
if (options.scenario === 'csp') {
  const { runCspScenario } = await import('./bench/csp');
  say(`CSP: home and ${targets.articlePath}, ${options.duration} s each, with and without the policy, ${options.rounds} round(s) each…`);
  const figures = await runCspScenario({ port: options.port, distDir, env, connections: options.connections, duration: options.duration, rounds: options.rounds, targets: { home: '/', article: targets.articlePath } });
  console.log('');
  for (const [name, value] of Object.entries({ articles_in_database: targets.articles, database: options.database, connections: options.connections, duration_s: options.duration, ...figures })) console.log(`${name}: ${value}`);
  process.exit(0);
}
// Beacons behind nginx: nginx answers them and writes the views to this log, which the server reads
// (VIEW_LOG_FILE, lib/audience/view-log.mjs); a fresh file each run.
const beaconViewLog = options.scenario === 'beacons' && options.behind === 'nginx' ? path.join(benchDir, `nginx-views-${process.pid}.log`) : null;
if (beaconViewLog) env.VIEW_LOG_FILE = beaconViewLog;
say(`Starting the server on ${baseUrl}…`);
const server = startNextServer(distDir, options.port, env, 'pipe');
// LEDE_BENCH_PIN=1: the server (every thread) on CPU 0, this process and what it starts (autocannon,
// the beacon generator, nginx) on CPU 1: the load generators kept off the measured server's core, as
// if they ran on another machine. LEDE_BENCH_PIN=load: only the load is pinned (this process with
// autocannon and the beacon generator, on CPU 1); the server and nginx, what a deployment runs on the
// machine, stay free on both cores (scripts/bench/beacons.ts unpins the nginx it starts).
// Linux's taskset (util-linux).
const pinning: BenchPinning = process.env.LEDE_BENCH_PIN === '1' ? 'server' : process.env.LEDE_BENCH_PIN === 'load' ? 'load' : 'none';
if (pinning !== 'none') {
  execFileSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, 300));
  execFileSync('taskset', ['-a', '-p', '-c', pinning === 'server' ? '0' : '0,1', String(server.pid)], { stdio: 'ignore' });
  say(
    pinning === 'server'
      ? 'Pinned: the server on CPU 0, the load (autocannon, generators, nginx) on CPU 1.'
      : 'Pinned: the load (autocannon, the beacon generator) on CPU 1; the server and nginx on either core.',
  );
}
const serverLog = fs.createWriteStream(path.join(benchDir, 'server.log'));
server.stdout?.pipe(serverLog);
server.stderr?.pipe(serverLog);
const stopServer = () => {
  if (server.exitCode !== null || server.signalCode !== null) return;
  server.kill('SIGTERM');
  // A server whose event loop is held (a search of minutes at a million articles on SQLite) never
  // runs its SIGTERM handler: killed after 15 s rather than left running after the bench.
  const kill = setTimeout(() => server.kill('SIGKILL'), 15_000);
  server.once('exit', () => clearTimeout(kill));
};
process.on('SIGINT', () => (stopServer(), process.exit(130)));
process.on('SIGTERM', () => (stopServer(), process.exit(143)));

try {
  await waitUntilServing(`${baseUrl}/status`, server);
  if (options.scenario === 'coherence') {
    const { runCoherenceScenario } = await import('./bench/coherence');
    say(`Coherence: ${options.changes} changes, one every ${options.hold} ms after the previous answer, 8 reader loops…`);
    const figures = { articles_in_database: targets.articles, database: options.database, ...(await runCoherenceScenario(baseUrl, env, { changes: options.changes, holdMs: options.hold, loops: 8 })), server_rss_mb: round(treeRssMegabytes(server.pid!)) };
    console.log('');
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
    stopServer();
    process.exit(0);
  }
  if (options.scenario === 'beacons') {
    const { runBeaconsScenario } = await import('./bench/beacons');
    const figures = {
      articles_in_database: targets.articles, database: options.database, connections: options.connections, duration_s: options.duration,
      ...(await runBeaconsScenario({ port: options.port, connections: options.connections, duration: options.duration, rate: options.beaconRate, articlePath: targets.articlePath, serverPid: server.pid!, env, viewLog: beaconViewLog, pinning })),
    };
    console.log('');
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
    stopServer();
    process.exit(0);
  }
  if (blockTargets) {
    const { runBlocksScenario } = await import('./bench/blocks');
    const figures = { articles_in_database: targets.articles + blockTargets.blockPaths.length * 2, database: options.database, ...(await runBlocksScenario(baseUrl, blockTargets, targets.missPaths, say, server.pid)) };
    console.log('');
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
    stopServer();
    process.exit(0);
  }
  if (options.scenario === 'newsday') {
    const { runNewsdayScenario } = await import('./bench/newsday');
    const figures = {
      articles_in_database: targets.articles,
      database: options.database,
      load_average_at_start: os.loadavg().map((value) => value.toFixed(1)).join(' '),
      ...(await runNewsdayScenario(baseUrl, env, server.pid!, targets.articles, { minutes: options.minutes, rates: options.rates, stepSeconds: options.stepSeconds, publishEverySeconds: options.publishEvery, behind: options.behind, p99LimitMs: 250 })),
      load_average_at_end: os.loadavg().map((value) => value.toFixed(1)).join(' '),
    };
    console.log('');
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
    saveResults('newsday', figures);
    stopServer();
    process.exit(0);
  }
  if (options.scenario === 'search') {
    const { runSearchScenario } = await import('./bench/search');
    const figures = { articles_in_database: targets.articles, database: options.database, ...(await runSearchScenario(baseUrl, { rounds: options.rounds, concurrency: 8, serverPid: server.pid! })) };
    console.log('');
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
    saveResults('search', figures);
    stopServer();
    process.exit(0);
  }
  if (options.scenario === 'soak') {
    const { runSoakScenario } = await import('./bench/soak');
    const figures = { articles_in_database: targets.articles, database: options.database, ...(await runSoakScenario(baseUrl, env, server.pid!, targets, { minutes: options.minutes, publishEverySeconds: options.publishEvery, importEveryMinutes: options.importEvery })) };
    console.log('');
    for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);
    stopServer();
    process.exit(0);
  }

  // ---- warm-up: every measured page rendered and cached, the JIT warm ------------------------------
  const urls = { article: `${baseUrl}${targets.articlePath}`, section: `${baseUrl}${targets.sectionPath}`, home: `${baseUrl}/`, static: `${baseUrl}/status/static`, bare: `${baseUrl}/status/bare` };
  say(`Targets: article ${targets.articlePath}, section ${targets.sectionPath}, home /, static /status/static, bare /status/bare (no proxy); ${targets.missPaths.length} articles for the miss figure.`);
  const cacheState: Record<string, string> = {};
  for (const [name, url] of Object.entries(urls)) {
    for (let attempt = 0; attempt < 3; attempt++) await (await fetch(url)).arrayBuffer();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}: nothing to measure`);
    cacheState[name] = response.headers.get('x-nextjs-cache') ?? 'none';
  }
  say(`Warming up (${Math.min(3, options.duration)} s per target)…`);
  for (const url of Object.values(urls)) await measureLoad('warm-up', url, { connections: options.connections, duration: Math.min(3, options.duration), quiet: true });

  // ---- (a)–(d) under load ---------------------------------------------------------------------------
  // In --rounds rounds, each in another order, so a neighbour's burst on a shared machine does not
  // land on one target alone; each target's figures are over all its rounds, with the server's CPU
  // time per request beside its req/s (scripts/bench/cpu.ts).
  const labels: Record<keyof typeof urls, string> = { bare: 'bare /status/bare', static: 'static /status/static', article: `article ${targets.articlePath}`, section: `section ${targets.sectionPath}`, home: 'home /' };
  const order = Object.keys(labels) as (keyof typeof urls)[];
  say(`Measuring ${options.duration} s per target with ${options.connections} connections, ${options.rounds} round(s)…`);
  const rounds: Record<keyof typeof urls, { figures: LoadFigures; cpuMs: number }[]> = { bare: [], static: [], article: [], section: [], home: [] };
  for (let round = 0; round < options.rounds; round++) {
    for (let index = 0; index < order.length; index++) {
      const name = order[(index + round) % order.length]!;
      const cpuBefore = treeCpuMilliseconds(server.pid!);
      const figures = await measureLoad(labels[name], urls[name], options);
      rounds[name].push({ figures, cpuMs: treeCpuMilliseconds(server.pid!) - cpuBefore });
    }
  }
  const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
  const load = Object.fromEntries(
    order.map((name) => {
      const measured = rounds[name];
      const requests = sum(measured.map(({ figures }) => figures.requests));
      const figures: LoadFigures & { cpuMsPerRequest: number } = {
        rps: sum(measured.map(({ figures }) => figures.rps)) / measured.length,
        // Latency: the mean of the rounds' p50, the worst of their p99.
        p50: sum(measured.map(({ figures }) => figures.p50)) / measured.length,
        p99: Math.max(...measured.map(({ figures }) => figures.p99)),
        requests,
        errors: sum(measured.map(({ figures }) => figures.errors)),
        non2xx: sum(measured.map(({ figures }) => figures.non2xx)),
        cpuMsPerRequest: requests ? sum(measured.map(({ cpuMs }) => cpuMs)) / requests : 0,
      };
      return [name, figures];
    }),
  ) as Record<keyof typeof urls, LoadFigures & { cpuMsPerRequest: number }>;

  // ---- (e) cache misses, one at a time -------------------------------------------------------------
  say(`Rendering ${targets.missPaths.length} articles never requested before, one at a time…`);
  const misses = await measureMisses(baseUrl, targets.missPaths, server.pid);
  const again = await fetch(`${baseUrl}${targets.missPaths[0]}`);
  await again.arrayBuffer();

  const rss = treeRssMegabytes(server.pid!);

  // ---- report ---------------------------------------------------------------------------------------
  const figures: Record<string, number | string> = {
    articles_in_database: targets.articles,
    database: options.database,
    connections: options.connections,
    duration_s: options.duration,
  };
  for (const name of ['article', 'section', 'home', 'static', 'bare'] as const) {
    figures[`${name}_rps`] = round(load[name].rps);
    figures[`${name}_p50_ms`] = round(load[name].p50);
    figures[`${name}_p99_ms`] = round(load[name].p99);
    figures[`${name}_errors`] = load[name].errors + load[name].non2xx;
    figures[`${name}_cache`] = cacheState[name] ?? 'none';
    figures[`${name}_cpu_ms_per_request`] = round(load[name].cpuMsPerRequest, 3);
  }
  figures.article_vs_static_rps_ratio = round(load.article.rps / load.static.rps, 3);
  figures.section_vs_static_rps_ratio = round(load.section.rps / load.static.rps, 3);
  // Against the page the proxy never sees (issue 14: article ≥ 0.8, section ≥ 0.7).
  figures.article_vs_bare_rps_ratio = round(load.article.rps / load.bare.rps, 3);
  figures.section_vs_bare_rps_ratio = round(load.section.rps / load.bare.rps, 3);
  figures.home_vs_bare_rps_ratio = round(load.home.rps / load.bare.rps, 3);
  figures.static_vs_bare_rps_ratio = round(load.static.rps / load.bare.rps, 3);
  // The same comparison by the server's CPU per request (bare's over the page's): what the ratios
  // would be were the server alone on the machine, whatever the neighbours did during the run.
  for (const name of ['article', 'section', 'home', 'static'] as const) {
    figures[`${name}_vs_bare_cpu_ratio`] = load[name].cpuMsPerRequest ? round(load.bare.cpuMsPerRequest / load[name].cpuMsPerRequest, 3) : 0;
  }
  figures.article_miss_render_p50_ms = round(misses.p50);
  figures.article_miss_render_p90_ms = round(misses.p90);
  figures.article_miss_render_mean_ms = round(misses.mean);
  figures.article_miss_cpu_ms_per_render = round(cpuMsPerRender(misses, targets.missPaths), 2);
  figures.article_miss_samples = misses.samples;
  figures.article_miss_failures = misses.failures.length;
  figures.article_miss_cache = Object.entries(misses.cacheHeaders).map(([header, count]) => `${header}=${count}`).join(',');
  figures.article_after_miss_cache = again.headers.get('x-nextjs-cache') ?? 'none';
  figures.server_rss_mb = round(rss);

  if (misses.failures.length) say(`Miss renders that did not answer 200: ${misses.failures.slice(0, 5).join('; ')}${misses.failures.length > 5 ? '; …' : ''}`);
  console.log('');
  for (const [name, value] of Object.entries(figures)) console.log(`${name}: ${value}`);

  saveResults('pages', figures, { article: targets.articlePath, section: targets.sectionPath, misses: targets.missPaths.length });
  console.log('[bench] Targets: both ratios ≥ 0.9, article_miss_render_p50_ms ≤ 12 (issue 14); against bare: article ≥ 0.8, section ≥ 0.7.');
} finally {
  stopServer();
}
