// `npm run bench -- --scenario sanitize`: how long one article save holds the event loop, in process.
// Since the story model (docs/decisions/0017) no HTML is stored: "the sanitiser" measured here is the
// edge's reading of HTML into blocks (lib/articles/body/from-html.ts), and a save stores the document.
// A tiny HTTP server answers "ok" in this process while a worker thread (its own event loop) asks it
// for a page every 2 ms; the latency the worker sees during a save is what any other request on the
// same server would have waited. For each body kind and size it prints: the sanitiser's own time, in
// CPU ms (what it costs on an idle core, whatever else the machine runs) and wall ms, called directly
// so sizes over the body cap are measured too; then the whole save through createArticle (schema,
// sanitiser, plain text, one transaction with its revision), in CPU ms (the pinger paused) and, in
// a second save with the pinger running, wall ms, the event loop's longest stall (the
// largest gap between ticks of a 1 ms timer) and the concurrent request's worst latency; last the
// ratio of 1 MB to 100 KB of the sanitiser's time (10 means linear).
// Runs on a throwaway SQLite file (DATABASE_URL is set by scripts/bench.ts).
import http from 'node:http';
import { Worker } from 'node:worker_threads';

const { applyMigrations } = await import('@/lib/db/migrate');
await applyMigrations();
const { db } = await import('@/lib/db/client');
const { createArticle } = await import('@/lib/articles/commands/save');
const { ArticleCommandError } = await import('@/lib/articles/commands/result');
const { maxBodyLength } = await import('@/lib/articles/schema');
const { BodyNestingError, htmlToBlocks } = await import('@/lib/articles/body/from-html');

const section = await db.section.upsert({ where: { slug: 'bench' }, create: { slug: 'bench', name: 'Bench' }, update: {} });
const editor = await db.user.upsert({ where: { email: 'bench-sanitize@localhost' }, create: { email: 'bench-sanitize@localhost', passwordHash: 'x', role: 'editor' }, update: {} });

// Realistic body HTML: what the body editor writes (headings, paragraphs with marks and links, lists,
// quotes, figures), about 1.3 KB a unit.
const realisticUnit = [
  '<h2>Ministers meet again</h2>',
  '<p>The finance ministers met on <strong>Tuesday</strong> for the third time in a week, and said the <em>budget vote</em> would be delayed until the spring; <a href="https://example.org/report">the full report</a> runs to 300 pages.</p>',
  '<p>Opposition members called the delay “a failure of nerve”, while the governing coalition insisted that the extra weeks would let committees hear from regional councils, unions and the central bank.</p>',
  '<ul><li>Spending on schools rises by 4%</li><li>Fuel duty is frozen for <b>another year</b></li><li>Pensions follow inflation</li></ul>',
  '<blockquote><p>We would rather be right than quick, said the minister.</p></blockquote>',
  '<figure><img src="https://example.org/picture.jpg" alt="The ministers" width="1200" height="800"><figcaption>The ministers, on Tuesday.</figcaption></figure>',
  '<p>Markets barely moved: the currency ended the day 0.2% higher against the euro, and <code>10-year</code> yields were flat.</p>',
].join('');

const kinds: Record<string, (size: number) => string> = {
  'nested <b> (the issue\'s attack)': (size) => '<b>'.repeat(Math.floor(size / 3)),
  'realistic article HTML': (size) => realisticUnit.repeat(Math.ceil(size / realisticUnit.length)).slice(0, size),
  'flat tags, <b>x</b> repeated': (size) => '<b>x</b>'.repeat(Math.floor(size / 8)),
};
const sizes = [5_000, 100_000, maxBodyLength, 500_000, 1_000_000].filter((size, index, all) => all.indexOf(size) === index).sort((a, b) => a - b);

// ---- the concurrent request -------------------------------------------------------------------------
const server = http.createServer((_request, response) => response.end('ok'));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as { port: number }).port;
const pinger = new Worker(
  `
  const { parentPort, workerData } = require('node:worker_threads');
  const http = require('node:http');
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const samples = [];
  let running = true;
  let paused = false;
  parentPort.on('message', (message) => {
    if (message === 'stop') { running = false; parentPort.postMessage(samples); }
    if (message === 'pause') paused = true;
    if (message === 'resume') paused = false;
  });
  (async function loop() {
    while (running) {
      if (paused) { await new Promise((resolve) => setTimeout(resolve, 5)); continue; }
      const started = Date.now();
      await new Promise((resolve) => http.get({ host: '127.0.0.1', port: workerData.port, path: '/robots.txt', agent }, (response) => { response.resume(); response.on('end', resolve); }).on('error', resolve));
      samples.push([started, Date.now() - started]);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  })();
  `,
  { eval: true, workerData: { port } },
);

const windows: { label: string; from: number; to: number }[] = [];
// The event loop's longest stall: the largest gap between ticks of a 1 ms timer.
let lastTick = performance.now();
let longestGap = 0;
const ticker = setInterval(() => {
  const now = performance.now();
  longestGap = Math.max(longestGap, now - lastTick);
  lastTick = now;
}, 1);

async function measured<T>(label: string, work: () => Promise<T> | T): Promise<{ value: T; ms: number; stallMs: number }> {
  // Let the pinger settle before each measurement.
  await new Promise((resolve) => setTimeout(resolve, 60));
  lastTick = performance.now();
  longestGap = 0;
  const from = Date.now();
  const started = performance.now();
  const value = await work();
  const ms = performance.now() - started;
  // One more turn of the loop so a stall at the very end is recorded.
  await new Promise((resolve) => setTimeout(resolve, 5));
  windows.push({ label, from, to: Date.now() });
  return { value, ms, stallMs: longestGap };
}

/** The sanitiser alone, best of three: CPU ms and wall ms (it is synchronous: all of it is a stall). */
function sanitiseOnce(body: string): { cpuMs: number; wallMs: number; refused: boolean } {
  let best = { cpuMs: Infinity, wallMs: Infinity, refused: false };
  for (let run = 0; run < 3; run += 1) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    let refused = false;
    try {
      htmlToBlocks(body);
    } catch (error) {
      if (!(error instanceof BodyNestingError)) throw error;
      refused = true;
    }
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000;
    if (cpuMs < best.cpuMs) best = { cpuMs, wallMs, refused };
  }
  return best;
}

type Row = { kind: string; size: number; outcome: string; sanitiseCpuMs: number; sanitiseMs: number; saveCpuMs: number; saveMs: number; stallMs: number; pingMaxMs: number };

let saves = 0;
async function save(html: string): Promise<string> {
  saves += 1;
  try {
    // HTML arrives at the edge (a paste, an import) and is read into blocks; the save stores the document.
    const body = JSON.stringify({ version: 1, blocks: htmlToBlocks(html) });
    await createArticle({ id: editor.id, role: 'editor' }, { headline: `Bench save ${saves}`, body, sectionId: section.id });
    return 'saved';
  } catch (error) {
    if (error instanceof BodyNestingError) return 'refused: nested too deep';
    if (error instanceof ArticleCommandError) return `refused: ${Object.values(error.fields)[0] ?? error.message}`.replace(/;.*$/, '');
    throw error;
  }
}

/** The CPU time of one save with the pinger paused (so it is this thread's work, whatever the load). */
async function saveCpuMs(body: string): Promise<number> {
  pinger.postMessage('pause');
  await new Promise((resolve) => setTimeout(resolve, 30));
  const cpu = process.cpuUsage();
  await save(body);
  const used = process.cpuUsage(cpu);
  pinger.postMessage('resume');
  return (used.user + used.system) / 1000;
}
const rows: Row[] = [];
const say = (line: string) => console.log(`[bench] ${line}`);
say(`Sanitise and save: ${Object.keys(kinds).length} body kinds × ${sizes.map((size) => `${size / 1000} KB`).join(', ')} (the body cap is ${maxBodyLength.toLocaleString('en')} characters).`);

// Warm the JIT on a small body of each kind first, and the save path (Prisma's first queries).
for (const make of Object.values(kinds)) for (let index = 0; index < 3; index += 1) sanitiseOnce(make(20_000));
for (let index = 0; index < 5; index += 1) await save(kinds['realistic article HTML']!(5_000));

const quiet = await measured('quiet', () => new Promise((resolve) => setTimeout(resolve, 500)));
for (const [kind, make] of Object.entries(kinds)) {
  for (const size of sizes) {
    const body = make(size);
    const alone = sanitiseOnce(body);
    const label = `${kind} ${size}`;
    const cpuMs = await saveCpuMs(body);
    const timed = await measured(label, () => save(body));
    rows.push({ kind, size: body.length, outcome: timed.value, sanitiseCpuMs: alone.cpuMs, sanitiseMs: alone.wallMs, saveCpuMs: cpuMs, saveMs: timed.ms, stallMs: timed.stallMs, pingMaxMs: 0 });
    say(`${kind}, ${body.length.toLocaleString('en')} characters: ${timed.value}; sanitiser ${alone.cpuMs.toFixed(1)} CPU ms${alone.refused ? ' (refused as too deep)' : ''}, save ${cpuMs.toFixed(1)} CPU ms, ${timed.ms.toFixed(1)} ms, loop stall ${timed.stallMs.toFixed(1)} ms`);
  }
}

clearInterval(ticker);
pinger.postMessage('stop');
const samples = await new Promise<[number, number][]>((resolve) => pinger.once('message', resolve));
await pinger.terminate();
server.close();
await db.$disconnect();

// A request overlaps a window when it started before the window ended and ended after it began.
const worstPing = (window: { from: number; to: number }) =>
  Math.max(0, ...samples.filter(([started, latency]) => started <= window.to && started + latency >= window.from).map(([, latency]) => latency));
for (const [index, row] of rows.entries()) row.pingMaxMs = worstPing(windows[index + 1]!);
const quietPing = worstPing(windows[0]!);

const round = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
console.log('');
console.log(`quiet: concurrent request worst ${quietPing} ms, loop stall ${quiet.stallMs.toFixed(1)} ms (no save)`);
console.log('| body | characters | save | sanitiser alone, CPU ms (wall) | whole save, CPU ms (wall) | loop stall ms | concurrent request worst ms |');
console.log('|---|---:|---|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(`| ${row.kind} | ${row.size.toLocaleString('en')} | ${row.outcome} | ${round(row.sanitiseCpuMs)} (${round(row.sanitiseMs)}) | ${round(row.saveCpuMs)} (${round(row.saveMs)}) | ${round(row.stallMs)} | ${row.pingMaxMs} |`);
}
console.log('');
for (const kind of Object.keys(kinds)) {
  const small = rows.find((row) => row.kind === kind && row.size >= 99_000 && row.size <= 100_000);
  const large = rows.find((row) => row.kind === kind && row.size >= 999_000 && row.size <= 1_000_000);
  if (small && large) console.log(`${kind}: 1 MB / 100 KB sanitiser CPU time ${(large.sanitiseCpuMs / small.sanitiseCpuMs).toFixed(1)}× for ${(large.size / small.size).toFixed(1)}× the characters`);
}
const accepted = rows.filter((row) => row.outcome === 'saved');
console.log(`saves accepted (bodies up to ${maxBodyLength.toLocaleString('en')} characters): sanitiser at most ${round(Math.max(...accepted.map((row) => row.sanitiseCpuMs)))} CPU ms, whole save at most ${round(Math.max(...accepted.map((row) => row.saveCpuMs)))} CPU ms; loop stall at most ${round(Math.max(...accepted.map((row) => row.stallMs)))} ms; concurrent request worst ${Math.max(...accepted.map((row) => row.pingMaxMs))} ms`);
console.log(`saves refused (too long or too deep): loop stall at most ${round(Math.max(0, ...rows.filter((row) => row.outcome !== 'saved').map((row) => row.stallMs)))} ms; concurrent request worst ${Math.max(0, ...rows.filter((row) => row.outcome !== 'saved').map((row) => row.pingMaxMs))} ms (quiet, no save: loop stall ${round(quiet.stallMs)} ms, request ${quietPing} ms)`);
process.exit(0);
