// `npm run bench -- --scenario search`: search through the server, uncached (every search page is
// rendered per request), over the fixed queries of scripts/bench/search-queries.ts. One pass to warm
// the server and the database's pages (reported apart), then --rounds passes one request at a time
// (p50/p90/p99 per kind and overall: the figure issue 14 holds to 50 ms), then the queries twice over
// from 8 concurrent readers (what a slow search does to the ones queued behind it: on SQLite a search holds
// the event loop). A benchmark: it reports, it does not assert (docs/benchmarks.md, "Search").
import os from 'node:os';
import { treeCpuMilliseconds } from './cpu';
import { percentile } from './newsday-stats';
import { SEARCH_QUERIES, searchPath, type SearchQuery } from './search-queries';

export type SearchOptions = { rounds: number; concurrency: number; serverPid: number };

type Timed = { query: SearchQuery; ms: number; ok: boolean; status: number; cpuMs?: number };

const say = (line: string) => console.log(`[search] ${line}`);
const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' ');

async function timeOne(baseUrl: string, query: SearchQuery): Promise<Timed> {
  const started = performance.now();
  try {
    const response = await fetch(`${baseUrl}${searchPath(query)}`, { signal: AbortSignal.timeout(60_000) });
    const html = await response.text();
    // The search page's own heading: a 200 without it is an error page.
    const ok = response.status === 200 && /<h1[^>]*>Search<\/h1>/.test(html);
    return { query, ms: performance.now() - started, ok, status: response.status };
  } catch {
    return { query, ms: performance.now() - started, ok: false, status: 0 };
  }
}

function summary(prefix: string, timed: Timed[]): Record<string, number> {
  const figures: Record<string, number> = {};
  const kinds = [...new Set(timed.map((one) => one.query.kind))];
  for (const kind of ['all', ...kinds]) {
    const sorted = timed.filter((one) => kind === 'all' || one.query.kind === kind).map((one) => one.ms).sort((a, b) => a - b);
    const name = `${prefix}_${kind.replaceAll('-', '_')}`;
    figures[`${name}_p50_ms`] = round(percentile(sorted, 50));
    figures[`${name}_p90_ms`] = round(percentile(sorted, 90));
    figures[`${name}_p99_ms`] = round(percentile(sorted, 99));
    const cpu = timed.filter((one) => (kind === 'all' || one.query.kind === kind) && one.cpuMs !== undefined).map((one) => one.cpuMs!);
    // The server's CPU per search (10 ms ticks, so a mean): what the search costs whatever the neighbours do.
    if (cpu.length) figures[`${name}_server_cpu_ms_mean`] = round(cpu.reduce((sum, value) => sum + value, 0) / cpu.length);
  }
  return figures;
}

export async function runSearchScenario(baseUrl: string, options: SearchOptions): Promise<Record<string, number | string>> {
  const load_average_at_start = loadAverage();
  say(`Warm-up: ${SEARCH_QUERIES.length} queries once (load average ${load_average_at_start})…`);
  const warm: Timed[] = [];
  for (const query of SEARCH_QUERIES) warm.push(await timeOne(baseUrl, query));

  say(`One at a time: ${options.rounds} round(s) of ${SEARCH_QUERIES.length} queries…`);
  const serial: Timed[] = [];
  for (let pass = 0; pass < options.rounds; pass++) {
    for (const query of SEARCH_QUERIES) {
      const cpuBefore = treeCpuMilliseconds(options.serverPid);
      const timed = await timeOne(baseUrl, query);
      serial.push({ ...timed, cpuMs: treeCpuMilliseconds(options.serverPid) - cpuBefore });
    }
  }
  const load_average_after_serial = loadAverage();

  // Twice through the list in all, shared out among the readers (each from its own starting point), so
  // the phase stays short at a million articles whatever the searches cost.
  say(`${options.concurrency} at once: the ${SEARCH_QUERIES.length} queries twice over, shared among ${options.concurrency} readers…`);
  const concurrent: Timed[] = [];
  const started = performance.now();
  const share = Math.ceil((2 * SEARCH_QUERIES.length) / options.concurrency);
  await Promise.all(
    Array.from({ length: options.concurrency }, async (_, reader) => {
      for (let index = 0; index < share; index++) {
        concurrent.push(await timeOne(baseUrl, SEARCH_QUERIES[(reader + index * options.concurrency) % SEARCH_QUERIES.length]!));
      }
    }),
  );
  const concurrentSeconds = (performance.now() - started) / 1000;

  const slowest = [...serial].sort((a, b) => b.ms - a.ms).slice(0, 8);
  say(`Slowest one at a time: ${slowest.map((one) => `${JSON.stringify(one.query.q)}${one.query.page ? ` p${one.query.page}` : ''} ${round(one.ms)} ms`).join(', ')}`);
  const failed = [...warm, ...serial, ...concurrent].filter((one) => !one.ok);
  if (failed.length) say(`Failed: ${failed.slice(0, 5).map((one) => `${searchPath(one.query)} → ${one.status}`).join('; ')}`);
  return {
    queries: SEARCH_QUERIES.length,
    warm_up_max_ms: round(Math.max(...warm.map((one) => one.ms))),
    serial_samples: serial.length,
    ...summary('serial', serial),
    concurrency: options.concurrency,
    concurrent_samples: concurrent.length,
    concurrent_searches_per_s: round(concurrent.length / concurrentSeconds),
    ...summary('concurrent', concurrent),
    errors: failed.length,
    load_average_at_start,
    load_average_after_serial,
    load_average_at_end: loadAverage(),
  };
}
