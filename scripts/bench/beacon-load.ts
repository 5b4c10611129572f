// The beacon scenario's load generator, in a process of its own so that its CPU is measured apart
// from the server's and autocannon's (scripts/bench/beacons.ts). Sends POST /api/views at a fixed
// rate for a time, over keep-alive connections, and prints one JSON line: beacons sent, answered 204,
// failed, skipped (more than MAX_IN_FLIGHT waiting: the server fell behind), and its own CPU seconds.
// Modes: `article <path>` (every beacon for one article; then waits for the flush and reads how many
// views the database gained) or `flood` (random ids no article has).
import http from 'node:http';

const [mode, articlePath, rateArg, secondsArg, portArg] = process.argv.slice(2);
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

const cpuStart = process.cpuUsage();
const started = performance.now();
await new Promise<void>((resolve) => {
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
const elapsedS = (performance.now() - started) / 1000;
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
const cpu = process.cpuUsage(cpuStart);
// Two flush intervals and a margin: every counted view is in the database.
let gained = 0;
if (mode === 'article') {
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  gained = (await viewsOf(articleId)) - before;
}
agent.destroy();
console.log(JSON.stringify({ sent, answered, failed, skipped, seconds: elapsedS, generatorCpuSeconds: (cpu.user + cpu.system) / 1e6, viewsWritten: gained }));
await db.$disconnect();
