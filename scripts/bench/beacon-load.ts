// The beacon scenario's load generator, in a process of its own so that its CPU is measured apart
// from the server's and autocannon's (scripts/bench/beacons.ts). Sends POST /api/views at a fixed
// rate for a time, over keep-alive connections, and prints one JSON line: beacons sent, answered 204,
// failed, skipped (more than MAX_IN_FLIGHT waiting: the server fell behind), and its own CPU seconds.
// Modes: `article <path>` (every beacon for one article; then waits for the flush and reads how many
// views the database gained) or `flood` (random ids no article has).
//
// When wrk is installed (Debian's package; the tool the issue measured with), the beacons are sent by
// wrk instead: a Node HTTP client costs about as much CPU per request as the server it loads, and on
// two cores that is taken from the very server being measured. wrk paces each connection with its
// `delay()` hook: 64 connections, each waiting 64,000 / (1.2 × rate) ms, in whole ms, between its
// answer and its next beacon. The wait does not count the answer's own time (1–3 ms under load), so
// it aims a fifth over the rate; what was achieved is what is reported.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const [mode, articlePath, rateArg, secondsArg, portArg, settleArg, viewLogArg] = process.argv.slice(2);
const rate = Number(rateArg);
const seconds = Number(secondsArg);
const port = Number(portArg);
const TICK_MS = 10;
const MAX_IN_FLIGHT = 2_000;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const userAgent = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';

const { db } = await import('@/lib/db/client');
// The article at the page's path (/{section}/{slug}): the beacon sends its id, as the page's island does.
const slug = decodeURIComponent(articlePath!.split('/').pop() ?? '');
const articleId = (await db.article.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
const viewsOf = async (id: number) => (await db.articleViewHour.aggregate({ where: { articleId: id }, _sum: { views: true } }))._sum.views ?? 0;
const before = mode === 'article' ? await viewsOf(articleId) : 0;

let sent = 0;
let answered = 0;
let failed = 0;
let skipped = 0;
let inFlight = 0;

const wrk = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((candidate) => fs.existsSync(candidate)) ?? null;

/** CPU seconds (user + system) of a running process, from /proc. */
function processCpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** The beacons sent by wrk: its counts and its own CPU seconds (sampled until it exits). */
async function sendWithWrk(binary: string): Promise<{ seconds: number; cpu: number }> {
  const connections = 64;
  const delayMs = Math.max(1, Math.floor((connections * 1000) / (rate * 1.2)));
  const script = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-wrk-')), 'beacons.lua');
  const headers = `["User-Agent"] = ${JSON.stringify(userAgent)}, ["Content-Length"] = "0"`;
  fs.writeFileSync(
    script,
    mode === 'flood'
      ? `math.randomseed(os.time())\nrequest = function()\n  return wrk.format("POST", "/api/views?article=" .. (1000000000 + math.random(0, 999999999)), { ${headers} })\nend\ndelay = function() return ${delayMs} end\n`
      : `wrk.method = "POST"\nwrk.path = "/api/views?article=${articleId}"\nwrk.headers = { ${headers} }\ndelay = function() return ${delayMs} end\n`,
  );
  const started = performance.now();
  const child = spawn(binary, ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '-s', script, `http://127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  let cpu = 0;
  const sampler = setInterval(() => {
    try {
      cpu = processCpuSeconds(child.pid!);
    } catch {
      // Gone: the last sample stands.
    }
  }, 100);
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  fs.rmSync(path.dirname(script), { recursive: true, force: true });
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = socketErrors ? socketErrors.slice(1).reduce((sum, value) => sum + Number(value), 0) : 0;
  sent = requests + errors;
  answered = requests - non2xx;
  failed = non2xx + errors;
  return { seconds: (performance.now() - started) / 1000, cpu };
}

function send(): void {
  const id = mode === 'flood' ? 1_000_000_000 + Math.floor(Math.random() * 1_000_000_000) : articleId;
  inFlight++;
  sent++;
  const request = http.request({ host: '127.0.0.1', port, path: `/api/views?article=${id}`, method: 'POST', agent, headers: { 'user-agent': userAgent, 'content-length': 0 } }, (response) => {
    response.resume();
    response.on('end', () => {
      inFlight--;
      if (response.statusCode === 204) answered++;
      else failed++;
    });
  });
  request.on('error', () => {
    inFlight--;
    failed++;
  });
  request.end();
}

// The bench starts its page load only after this line (loading the database client alone can take
// seconds on a busy machine: beacons must overlap the page load, not follow it).
console.log('READY');
const cpuStart = process.cpuUsage();
const started = performance.now();
const byWrk = wrk && !process.env.LEDE_BENCH_NODE_GENERATOR ? await sendWithWrk(wrk) : null;
if (!byWrk) await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    const elapsed = performance.now() - started;
    if (elapsed >= seconds * 1000) {
      clearInterval(timer);
      resolve();
      return;
    }
    // Catch up to the schedule: as many as the rate says should have gone by now.
    const due = Math.floor((elapsed / 1000) * rate) - sent - skipped;
    for (let n = 0; n < due; n++) {
      if (inFlight >= MAX_IN_FLIGHT) skipped++;
      else send();
    }
  }, TICK_MS);
});
const elapsedS = byWrk ? byWrk.seconds : (performance.now() - started) / 1000;
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
const cpu = process.cpuUsage(cpuStart);
const generatorCpuSeconds = (byWrk?.cpu ?? 0) + (cpu.user + cpu.system) / 1e6;
// Two flush intervals and a margin (behind nginx, its log's buffer and the read too): every counted
// view is in the database.
let gained = 0;
if (mode === 'article') {
  await new Promise((resolve) => setTimeout(resolve, Number(settleArg || 3_000)));
  gained = (await viewsOf(articleId)) - before;
}
// Behind nginx: the views it logged for the article (every one of them answered 204).
let viewsLogged: number | null = null;
if (mode === 'article' && viewLogArg) {
  viewsLogged = 0;
  for (const line of fs.readFileSync(viewLogArg, 'utf8').split('\n')) if (line.endsWith(` ${articleId}`)) viewsLogged++;
}
agent.destroy();
console.log(JSON.stringify({ viewsLogged, sent, answered, failed, skipped, seconds: elapsedS, generatorCpuSeconds, viewsWritten: gained, generator: byWrk ? 'wrk' : 'node' }));
await db.$disconnect();
