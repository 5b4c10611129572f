// npm run bench -- --scenario beacons (docs/decisions/0022-audience-counts.md, docs/benchmarks.md):
// (1) a cached article page alone under autocannon; (2) the same while a generator process sends
// --beacon-rate beacons a second (fixed rate) for one article: page req/s with and without, the
// beacons achieved, and views written == beacons answered; (3) a flood of random unknown ids at the
// same rate: the server's resident memory before, at its peak during, and after. The generator runs in
// its own process: its CPU seconds are reported, as are the bench process's (autocannon), so the
// share of the 2 cores the load itself took is on the record.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { measureLoad, type LoadFigures } from './load';
import { treeRssMegabytes } from './rss';
import { projectRoot } from '../support/next-build';

type Options = { port: number; connections: number; duration: number; rate: number; articlePath: string; serverPid: number; env: NodeJS.ProcessEnv };
type Generated = { sent: number; answered: number; failed: number; skipped: number; seconds: number; generatorCpuSeconds: number; viewsWritten: number };

const say = (line: string) => console.log(`[bench] ${line}`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function generate(mode: 'article' | 'flood', options: Options, seconds: number): Promise<Generated> {
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, path.join('scripts', 'bench', 'beacon-load.ts'), mode, options.articlePath, String(options.rate), String(seconds), String(options.port)], {
    cwd: projectRoot, env: options.env, stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop() ?? '{}') as Generated) : reject(new Error(`beacon-load ${mode} exited ${code}`))));
  });
}

export async function runBeaconsScenario(options: Options): Promise<Record<string, number>> {
  const url = `http://127.0.0.1:${options.port}${options.articlePath}`;
  for (let attempt = 0; attempt < 3; attempt++) await (await fetch(url)).arrayBuffer();
  await measureLoad('warm-up', url, { connections: options.connections, duration: 3, quiet: true });

  say(`Article page alone, ${options.duration} s…`);
  const aloneCpu = process.cpuUsage();
  const aloneServer = serverCpuSeconds(options.serverPid);
  const alone: LoadFigures = await measureLoad('article alone', url, options);
  const aloneServerS = serverCpuSeconds(options.serverPid) - aloneServer;
  const aloneCpuS = cpuSeconds(aloneCpu);

  say(`Article page with ${options.rate} beacons/s for one article, ${options.duration} s…`);
  // The generator starts first and runs a second longer than autocannon: the whole measurement is under beacons.
  const generating = generate('article', options, options.duration + 2);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const withCpu = process.cpuUsage();
  const withBeacons: LoadFigures = await measureLoad('article with beacons', url, options);
  const withCpuS = cpuSeconds(withCpu);
  const generated = await generating;

  say(`A flood of ${options.rate} beacons/s for random unknown ids, ${options.duration} s…`);
  const rssBefore = treeRssMegabytes(options.serverPid);
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, treeRssMegabytes(options.serverPid))), 250);
  const floodServer = serverCpuSeconds(options.serverPid);
  const flood = await generate('flood', options, options.duration);
  clearInterval(sampler);
  // The flood's flushes included (each second's one request to the internal route).
  const floodServerS = serverCpuSeconds(options.serverPid) - floodServer;
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const rssAfter = treeRssMegabytes(options.serverPid);

  return {
    beacon_rate_target: options.rate,
    article_alone_rps: round(alone.rps),
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
    views_written_equals_answered: generated.viewsWritten === generated.answered ? 1 : 0,
    generator_cpu_s: round(generated.generatorCpuSeconds, 2),
    generator_cpu_share_of_2_cores: round(generated.generatorCpuSeconds / generated.seconds / 2, 3),
    autocannon_cpu_share_of_2_cores_alone: round(aloneCpuS / options.duration / 2, 3),
    autocannon_cpu_share_of_2_cores_with: round(withCpuS / options.duration / 2, 3),
    server_cpu_ms_per_page: round((aloneServerS * 1000) / Math.max(1, alone.requests), 3),
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

function cpuSeconds(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}
