// `npm run soak -- --minutes N`: mixed traffic for N minutes against one server, to find out whether
// it fails or grows. Reader loops request cached pages (home, the busiest section, an article, a tag
// page, the RSS feed), pages never requested before (articles one after another, then older-page
// cursors) and searches; an editor publishes or unpublishes an article every --publish-every seconds
// through the newsroom's JSON API; every --import-every minutes a legacy archive of new articles is
// imported with `npm run import` in a process of its own. Every minute it prints the server's
// resident memory; at the end errors per kind (must be 0), p50/p99 per kind, and the memory slope.
// A benchmark: it reports, it does not assert.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeSyntheticArchive } from '@/lib/legacy/synthetic';
import { treeRssMegabytes } from './rss';
import { projectRoot } from '../support/next-build';

type Kind = 'cached' | 'uncached' | 'search' | 'publish' | 'import';
type SoakData = { drafts: { id: number; path: string }[]; section: string; tag: string; session: string };
export type SoakOptions = { minutes: number; publishEverySeconds: number; importEveryMinutes: number };
export type SoakTargets = { articlePath: string; sectionPath: string; missPaths: string[] };
export type MemorySample = { minute: number; rssMb: number; cacheMb: number | null; heapMb?: number; externalMb?: number };

export type CacheReport = { cacheMb: number | null; heapMb?: number; externalMb?: number; entries?: number; homeRenders?: number; pageRenders?: number };

/** The page cache's own count of what it holds (memory mode), to tell its fill from a leak, and the
 *  server's V8 heap and off-heap (Buffer) memory, to tell which of the two grows, and the renders it
 *  stored (all pages, and home alone: the news-day bench's renders of home per publish). */
export async function pageCacheReport(baseUrl: string, env: NodeJS.ProcessEnv): Promise<CacheReport> {
  try {
    const response = await fetch(`${baseUrl}/api/internal/cache`, { headers: { 'x-lede-internal': env.INTERNAL_SECRET ?? '' }, signal: AbortSignal.timeout(10_000) });
    const status = (await response.json()) as { bytes?: number | null; entries?: number | null; homeRenders?: number; pageRenders?: number; memory?: { heapUsed: number; external: number } };
    const mb = (bytes: number) => bytes / 1024 / 1024;
    return {
      cacheMb: typeof status.bytes === 'number' ? mb(status.bytes) : null,
      heapMb: status.memory ? mb(status.memory.heapUsed) : undefined,
      externalMb: status.memory ? mb(status.memory.external) : undefined,
      entries: status.entries ?? undefined,
      homeRenders: status.homeRenders,
      pageRenders: status.pageRenders,
    };
  } catch {
    return { cacheMb: null };
  }
}

const searchWords = ['election', 'storm', 'budget', 'court', 'video', 'market', 'health', 'school', 'water', 'energy', 'police', 'football'];

function tsxChild(script: string, args: string[], env: NodeJS.ProcessEnv, capture: boolean): Promise<{ code: number | null; out: string }> {
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const child = spawn(process.execPath, [tsx, script, ...args], { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (chunk) => (out += capture ? chunk : ''));
  child.stderr!.on('data', (chunk) => (out += capture ? '' : String(chunk).slice(-2000)));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out })));
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Least-squares slope of resident memory over time, in MB per hour. */
export function memorySlopeMbPerHour(samples: readonly MemorySample[]): number {
  if (samples.length < 2) return NaN;
  const n = samples.length;
  const meanX = samples.reduce((sum, s) => sum + s.minute, 0) / n;
  const meanY = samples.reduce((sum, s) => sum + s.rssMb, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.minute - meanX) * (s.rssMb - meanY);
    den += (s.minute - meanX) ** 2;
  }
  return den === 0 ? 0 : (num / den) * 60;
}

export async function runSoakScenario(baseUrl: string, env: NodeJS.ProcessEnv, serverPid: number, targets: SoakTargets, options: SoakOptions): Promise<Record<string, number | string>> {
  const say = (line: string) => console.log(`[soak] ${line}`);
  const word = `Soak${Date.now().toString(36)}`;
  const made = await tsxChild(path.join('scripts', 'bench', 'coherence-data.ts'), ['20', word], env, true);
  if (made.code !== 0) throw new Error(`coherence-data exited ${made.code}`);
  const data = JSON.parse(made.out.trim().split('\n').pop()!) as SoakData;

  const latencies: Record<Kind, number[]> = { cached: [], uncached: [], search: [], publish: [], import: [] };
  const errors: Record<Kind, string[]> = { cached: [], uncached: [], search: [], publish: [], import: [] };
  const endAt = Date.now() + options.minutes * 60_000;
  const running = () => Date.now() < endAt;

  const cachedPaths = ['/', targets.sectionPath, targets.articlePath, `/tag/${data.tag}`, '/feeds/rss.xml'];
  let missIndex = 0;
  const startedAt = Date.now();
  const nextUncached = (): string => {
    const pathname = targets.missPaths[missIndex % targets.missPaths.length]!;
    const round = Math.floor(missIndex / targets.missPaths.length);
    missIndex += 1;
    // After the first round every article is cached: from then on older-page cursors an hour apart,
    // each a URL nobody asked for yet (the page cache evicts them; that bound is what a soak checks).
    return round === 0 ? pathname : `${targets.sectionPath}/older/${startedAt - missIndex * 3_600_000}-2147483647`;
  };

  const request = async (kind: Kind, pathname: string, accept: (status: number) => boolean) => {
    const start = performance.now();
    try {
      const response = await fetch(`${baseUrl}${pathname}`, { redirect: 'manual', signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      latencies[kind].push(performance.now() - start);
      if (!accept(response.status)) errors[kind].push(`${response.status} ${pathname}`);
    } catch (error) {
      errors[kind].push(`${(error as Error).message} ${pathname}`);
    }
  };

  const readerLoop = async (kind: 'cached' | 'uncached' | 'search', offset: number) => {
    let turn = offset;
    while (running()) {
      turn += 1;
      if (kind === 'cached') await request(kind, cachedPaths[turn % cachedPaths.length]!, (status) => status === 200);
      else if (kind === 'uncached') await request(kind, nextUncached(), (status) => status === 200);
      else await request(kind, `/search?q=${searchWords[turn % searchWords.length]}${turn % 3 ? '' : `+${searchWords[(turn * 7) % searchWords.length]}`}`, (status) => status === 200);
    }
  };

  const editorLoop = async () => {
    let index = 0;
    while (running()) {
      const draft = data.drafts[Math.floor(index / 2) % data.drafts.length]!;
      const verb = index % 2 === 0 ? 'publish' : 'unpublish';
      index += 1;
      const start = performance.now();
      try {
        const response = await fetch(`${baseUrl}/api/admin/articles/${draft.id}/${verb}`, {
          method: 'POST',
          headers: { origin: baseUrl, cookie: `lede_session=${data.session}`, 'content-type': 'application/json' },
          body: '{}',
          signal: AbortSignal.timeout(30_000),
        });
        await response.arrayBuffer();
        latencies.publish.push(performance.now() - start);
        if (response.status !== 200) errors.publish.push(`${response.status} ${verb} ${draft.id}`);
      } catch (error) {
        errors.publish.push(`${(error as Error).message} ${verb} ${draft.id}`);
      }
      await new Promise((resolve) => setTimeout(resolve, options.publishEverySeconds * 1000));
    }
  };

  const archiveRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-soak-'));
  const importLoop = async () => {
    let round = 0;
    // The first import a minute in, then every --import-every minutes.
    let nextAt = Date.now() + Math.min(60_000, options.importEveryMinutes * 60_000);
    while (running()) {
      if (Date.now() < nextAt) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000, nextAt - Date.now())));
        continue;
      }
      const dir = path.join(archiveRoot, `round-${round}`);
      writeSyntheticArchive(dir, 25, 3_000_000 + Date.now() % 1_000_000 * 100 + round * 25);
      round += 1;
      const start = performance.now();
      const result = await tsxChild(path.join('scripts', 'import.ts'), [dir, '--section', 'archive', '--section-name', 'Archive'], env, false);
      latencies.import.push(performance.now() - start);
      if (result.code !== 0) errors.import.push(`exit ${result.code}: ${result.out.trim().split('\n').slice(-3).join(' | ')}`);
      nextAt = Date.now() + options.importEveryMinutes * 60_000;
    }
  };

  const first = await pageCacheReport(baseUrl, env);
  const memory: MemorySample[] = [{ minute: 0, rssMb: treeRssMegabytes(serverPid), cacheMb: first.cacheMb, heapMb: first.heapMb, externalMb: first.externalMb }];
  const started = Date.now();
  say(`${options.minutes} min: 4 cached-page loops, 1 uncached, 1 search, a publish every ${options.publishEverySeconds} s, an import of 25 legacy articles every ${options.importEveryMinutes} min. Server RSS at start: ${memory[0]!.rssMb.toFixed(0)} MB.`);
  const ticker = setInterval(async () => {
    const minute = Math.round((Date.now() - started) / 60_000);
    const rssMb = treeRssMegabytes(serverPid);
    const { cacheMb, heapMb, externalMb, entries } = await pageCacheReport(baseUrl, env);
    memory.push({ minute, rssMb, cacheMb, heapMb, externalMb });
    const total = Object.values(latencies).reduce((sum, list) => sum + list.length, 0);
    const failed = Object.values(errors).reduce((sum, list) => sum + list.length, 0);
    say(`minute ${minute}/${options.minutes}: server RSS ${rssMb.toFixed(0)} MB (page cache ${cacheMb === null ? '?' : cacheMb.toFixed(0)} MB in ${entries ?? '?'} entries; V8 heap ${heapMb?.toFixed(0) ?? '?'} MB, external ${externalMb?.toFixed(0) ?? '?'} MB), ${total} requests, ${failed} errors`);
  }, 60_000);
  try {
    await Promise.all([
      ...[0, 1, 2, 3].map((offset) => readerLoop('cached', offset)),
      readerLoop('uncached', 0),
      readerLoop('search', 0),
      editorLoop(),
      importLoop(),
    ]);
  } finally {
    clearInterval(ticker);
    fs.rmSync(archiveRoot, { recursive: true, force: true });
  }

  const figures: Record<string, number | string> = { soak_minutes: options.minutes };
  for (const kind of Object.keys(latencies) as Kind[]) {
    const sorted = [...latencies[kind]].sort((a, b) => a - b);
    figures[`${kind}_requests`] = sorted.length;
    figures[`${kind}_errors`] = errors[kind].length;
    figures[`${kind}_p50_ms`] = Number(percentile(sorted, 50).toFixed(1));
    figures[`${kind}_p99_ms`] = Number(percentile(sorted, 99).toFixed(1));
    if (errors[kind].length) say(`${kind} errors (first 5): ${errors[kind].slice(0, 5).join('; ')}`);
  }
  // The first two minutes fill caches and warm the JIT: the slope is taken from minute 2 on.
  const settled = memory.filter((sample) => sample.minute >= 2);
  figures.rss_start_mb = Number(memory[0]!.rssMb.toFixed(0));
  figures.rss_peak_mb = Number(Math.max(...memory.map((sample) => sample.rssMb)).toFixed(0));
  figures.rss_end_mb = Number(memory.at(-1)!.rssMb.toFixed(0));
  figures.rss_slope_mb_per_hour = Number(memorySlopeMbPerHour(settled).toFixed(1));
  figures.rss_per_minute_mb = memory.map((sample) => sample.rssMb.toFixed(0)).join(',');
  figures.heap_used_per_minute_mb = memory.map((sample) => sample.heapMb?.toFixed(0) ?? '?').join(',');
  figures.external_per_minute_mb = memory.map((sample) => sample.externalMb?.toFixed(0) ?? '?').join(',');
  figures.page_cache_per_minute_mb = memory.map((sample) => (sample.cacheMb === null ? '?' : sample.cacheMb.toFixed(0))).join(',');
  // Resident memory minus what the page cache says it holds: what grows besides the bounded cache.
  const beyondCache = settled.filter((sample) => sample.cacheMb !== null).map((sample) => ({ ...sample, rssMb: sample.rssMb - sample.cacheMb! }));
  figures.rss_beyond_cache_slope_mb_per_hour = Number(memorySlopeMbPerHour(beyondCache).toFixed(1));
  return figures;
}
