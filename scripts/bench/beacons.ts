// npm run bench -- --scenario beacons (docs/decisions/0022-audience-counts.md, docs/benchmarks.md):
// (1) a cached article page alone under autocannon; (2) the same while a generator process sends
// --beacon-rate beacons a second (fixed rate) for one article: page req/s with and without, the
// beacons achieved, and views written == beacons answered; (3) a flood of random unknown ids at the
// same rate: the server's resident memory before, at its peak during, and after. The generator runs in
// its own process: its CPU seconds are reported, as are the bench process's (autocannon), so the
// share of the 2 cores the load itself took is on the record.
//
// With --behind nginx the beacons go to deploy/nginx.conf run for real, which answers them itself and
// writes the views to a log the server reads (VIEW_LOG_FILE); the page load still goes to the server
// directly, since what is measured is what counting takes from the app's page throughput. nginx's own
// CPU per beacon is reported beside the server's.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureLoad, type LoadFigures } from './load';
import { startNginx, type RunningNginx } from '../support/nginx';
import { treeCpuMilliseconds } from './cpu';
import { childrenOf, treeRssMegabytes } from './rss';
import { projectRoot } from '../support/next-build';

type Options = { port: number; connections: number; duration: number; rate: number; articlePath: string; serverPid: number; env: NodeJS.ProcessEnv; viewLog: string | null; pinning: BenchPinning };
/** How scripts/bench.ts pinned the processes to cores (LEDE_BENCH_PIN). */
export type BenchPinning = 'server' | 'load' | 'none';
const pinningDescription: Record<BenchPinning, string> = {
  server: 'server on CPU 0, load and nginx on CPU 1',
  load: 'load on CPU 1, server and nginx free',
  none: 'none',
};
type Generated = { sent: number; answered: number; failed: number; skipped: number; seconds: number; generatorCpuSeconds: number; viewsWritten: number; viewsLogged: number | null; generator: string };

const say = (line: string) => console.log(`[bench] ${line}`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** Starts the generator; `ready` resolves when it starts sending, `done` with its figures. */
function generate(mode: 'article' | 'flood', options: Options, seconds: number, port: number): { ready: Promise<void>; done: Promise<Generated> } {
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  // Behind nginx the views reach the database through its log: its buffer, the read and the flush, a second each.
  const settleMs = options.viewLog ? 6_000 : 3_000;
  const child = spawn(process.execPath, [tsx, path.join('scripts', 'bench', 'beacon-load.ts'), mode, options.articlePath, String(options.rate), String(seconds), String(port), String(settleMs), options.viewLog ?? ''], {
    cwd: projectRoot, env: options.env, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    if (out.includes('READY\n')) markReady();
  });
  const done = new Promise<Generated>((resolve, reject) => {
    child.on('exit', (code) => {
      markReady();
      if (code === 0) resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as Generated);
      else reject(new Error(`beacon-load ${mode} exited ${code}`));
    });
  });
  return { ready, done };
}

export async function runBeaconsScenario(options: Options): Promise<Record<string, number | string>> {
  const url = `http://127.0.0.1:${options.port}${options.articlePath}`;
  let nginx: RunningNginx | null = null;
  if (options.viewLog) {
    nginx = await startNginx({ projectRoot, upstream: `127.0.0.1:${options.port}`, workerConnections: 4096, viewLog: options.viewLog });
    say(`Beacons go through deploy/nginx.conf on ${nginx.url}, which writes the views to ${path.relative(projectRoot, options.viewLog)}; pages go to the server directly.`);
    // LEDE_BENCH_PIN=load (scripts/bench.ts): nginx is the deployment's, not the load's: it inherited
    // this process's CPU 1 and is given both cores back, master and workers.
    if (options.pinning === 'load') for (const pid of [nginx.pid, ...childrenOf(nginx.pid)]) execFileSync('taskset', ['-a', '-p', '-c', '0,1', String(pid)], { stdio: 'ignore' });
  }
  const beaconPort = nginx ? Number(new URL(nginx.url).port) : options.port;
  try {
    return await measure(options, url, beaconPort, nginx);
  } finally {
    await nginx?.stop();
    if (options.viewLog) fs.rmSync(options.viewLog, { force: true });
  }
}

async function measure(options: Options, url: string, beaconPort: number, nginx: RunningNginx | null): Promise<Record<string, number | string>> {
  for (let attempt = 0; attempt < 3; attempt++) await (await fetch(url)).arrayBuffer();
  // A fresh server's JIT is still warming after 3 s (a first "alone" run measured 468 req/s and the
  // same load 779 after it): warm as long as one measurement.
  await measureLoad('warm-up', url, { connections: options.connections, duration: Math.max(5, options.duration), quiet: true });

  // Alone, with beacons, alone again: the ratio is against the mean of the two alone runs, so that
  // a drift of the machine (or a JIT still warming) during the run falls on both sides.
  say(`Article page alone, ${options.duration} s…`);
  const aloneCpu = process.cpuUsage();
  const aloneServer = serverCpuSeconds(options.serverPid);
  const aloneFirst: LoadFigures = await measureLoad('article alone', url, options);
  const aloneServerS = serverCpuSeconds(options.serverPid) - aloneServer;
  const aloneCpuS = cpuSeconds(aloneCpu);

  say(`Article page with ${options.rate} beacons/s for one article, ${options.duration} s…`);
  // The generator starts first and runs a second longer than autocannon: the whole measurement is under beacons.
  const generating = generate('article', options, options.duration + 2, beaconPort);
  await generating.ready;
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const withCpu = process.cpuUsage();
  const withServer = serverCpuSeconds(options.serverPid);
  const withNginx = nginx ? treeCpuSeconds(nginx.pid) : 0;
  const withBeacons: LoadFigures = await measureLoad('article with beacons', url, options);
  const withCpuS = cpuSeconds(withCpu);
  const withServerS = serverCpuSeconds(options.serverPid) - withServer;
  const withNginxS = nginx ? treeCpuSeconds(nginx.pid) - withNginx : 0;
  const generated = await generating.done;

  say(`Article page alone again, ${options.duration} s…`);
  const aloneAgain: LoadFigures = await measureLoad('article alone again', url, options);
  const alone = { rps: (aloneFirst.rps + aloneAgain.rps) / 2, p99: Math.max(aloneFirst.p99, aloneAgain.p99), requests: aloneFirst.requests, errors: aloneFirst.errors + aloneAgain.errors, non2xx: aloneFirst.non2xx + aloneAgain.non2xx };

  say(`A flood of ${options.rate} beacons/s for random unknown ids, ${options.duration} s…`);
  const rssBefore = treeRssMegabytes(options.serverPid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, treeRssMegabytes(options.serverPid))), 250);
  // What the server spends with nothing to answer (timers, the most-read ranking), taken off the
  // flood's CPU below so that the figure per beacon is the beacons' own.
  const idleFrom = serverCpuSeconds(options.serverPid);
  const idleStarted = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  const idleCpuPerS = (serverCpuSeconds(options.serverPid) - idleFrom) / ((performance.now() - idleStarted) / 1000);
  const flooding = generate('flood', options, options.duration, beaconPort);
  await flooding.ready;
  const floodStarted = performance.now();
  const floodServer = serverCpuSeconds(options.serverPid);
  const floodNginx = nginx ? treeCpuSeconds(nginx.pid) : 0;
  const flood = await flooding.done;
  clearInterval(sampler);
  // Behind nginx the last views still wait in its buffer and for the next read: let them be read.
  if (nginx) await new Promise((resolve) => setTimeout(resolve, 3_000));
  // The flood's flushes included (each second's one request to the internal route), and behind
  // nginx the reading of its log (the generator waited for the last views to be flushed).
  const floodServerS = serverCpuSeconds(options.serverPid) - floodServer - idleCpuPerS * ((performance.now() - floodStarted) / 1000);
  const floodNginxS = nginx ? treeCpuSeconds(nginx.pid) - floodNginx : 0;
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const rssAfter = treeRssMegabytes(options.serverPid);

  return {
    beacons_behind: nginx ? 'nginx' : 'direct',
    pinning: pinningDescription[options.pinning],
    beacon_rate_target: options.rate,
    beacon_generator: generated.generator,
    article_alone_rps: round(alone.rps),
    article_alone_first_rps: round(aloneFirst.rps),
    article_alone_again_rps: round(aloneAgain.rps),
    article_alone_p99_ms: round(alone.p99),
    article_with_beacons_rps: round(withBeacons.rps),
    article_with_beacons_p99_ms: round(withBeacons.p99),
    article_rps_ratio_with_vs_alone: round(withBeacons.rps / alone.rps, 3),
    article_errors: alone.errors + alone.non2xx + withBeacons.errors + withBeacons.non2xx,
    beacons_sent: generated.sent,
    beacons_answered_204: generated.answered,
    beacons_failed: generated.failed,
    beacons_skipped_behind: generated.skipped,
    beacons_per_s_achieved: round(generated.answered / generated.seconds),
    views_written: generated.viewsWritten,
    // wrk stops at its duration with beacons in flight: answered by the server (and counted) but not
    // by wrk. Behind nginx its log says exactly which beacons were views: that is the count to match.
    views_written_equals_answered: generated.viewsWritten === generated.answered ? 1 : 0,
    ...(generated.viewsLogged === null ? {} : { views_logged_by_nginx: generated.viewsLogged, views_written_equals_logged: generated.viewsWritten === generated.viewsLogged ? 1 : 0 }),
    generator_cpu_s: round(generated.generatorCpuSeconds, 2),
    generator_cpu_share_of_2_cores: round(generated.generatorCpuSeconds / generated.seconds / 2, 3),
    autocannon_cpu_share_of_2_cores_alone: round(aloneCpuS / options.duration / 2, 3),
    autocannon_cpu_share_of_2_cores_with: round(withCpuS / options.duration / 2, 3),
    server_cpu_ms_per_page: round((aloneServerS * 1000) / Math.max(1, alone.requests), 3),
    server_cpu_ms_per_page_with_beacons: round((withServerS * 1000) / Math.max(1, withBeacons.requests), 3),
    ...(nginx
      ? {
          nginx_cpu_ms_per_beacon: round((floodNginxS * 1000) / Math.max(1, flood.answered), 4),
          nginx_cpu_share_of_2_cores_with: round(withNginxS / options.duration / 2, 3),
        }
      : {}),
    server_idle_cpu_share_of_one_core: round(idleCpuPerS, 3),
    server_cpu_ms_per_beacon: round((floodServerS * 1000) / Math.max(1, flood.answered), 4),
    server_cpu_share_of_one_core_at_5000_beacons_per_s: round((floodServerS / Math.max(1, flood.answered)) * 5000, 3),
    load_average_1min: round(os.loadavg()[0]!, 2),
    flood_sent: flood.sent,
    flood_answered_204: flood.answered,
    flood_per_s_achieved: round(flood.answered / flood.seconds),
    server_rss_mb_before_flood: round(rssBefore),
    server_rss_mb_peak_flood: round(rssPeak),
    server_rss_mb_after_flood: round(rssAfter),
  };
}

/** CPU seconds (user + system) the server process has used so far, from /proc: what one beacon or one
 * page costs the server, whatever else the machine is doing (throughput is only as good as a quiet machine). */
function serverCpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds of a process and its children (nginx's master and workers). */
const treeCpuSeconds = (pid: number): number => treeCpuMilliseconds(pid) / 1000;

function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
