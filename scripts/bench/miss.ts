// The cost of a cache miss: articles never requested before, fetched one at a time (no concurrency,
// so the figure is the render itself, not queueing), each timed to its last byte. With the server's
// pid, each request's CPU time is read too (its process tree, /proc: 10 ms ticks, so one request's
// reading is coarse, but the sum over many is what they cost whatever the neighbours did).
import { treeCpuMilliseconds } from './cpu';

export type MissFigures = { samples: number; failures: string[]; p50: number; p90: number; mean: number; cacheHeaders: Record<string, number>; byPath: Record<string, number>; cpuByPath: Record<string, number> };

export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

export async function measureMisses(baseUrl: string, paths: string[], serverPid?: number): Promise<MissFigures> {
  const timings: number[] = [];
  const failures: string[] = [];
  const cacheHeaders: Record<string, number> = {};
  const byPath: Record<string, number> = {};
  const cpuByPath: Record<string, number> = {};
  for (const [index, path] of paths.entries()) {
    const cpuBefore = serverPid ? treeCpuMilliseconds(serverPid) : 0;
    const started = process.hrtime.bigint();
    const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
    await response.arrayBuffer();
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
    if (serverPid) cpuByPath[path] = treeCpuMilliseconds(serverPid) - cpuBefore;
    const cache = response.headers.get('x-nextjs-cache') ?? 'none';
    cacheHeaders[cache] = (cacheHeaders[cache] ?? 0) + 1;
    if (response.status === 200) {
      timings.push(milliseconds);
      byPath[path] = milliseconds;
    }
    else failures.push(`${path}: ${response.status}`);
    if (index % 10 === 9 || index === paths.length - 1) process.stderr.write(`\r  miss renders: ${index + 1}/${paths.length}   `);
  }
  process.stderr.write('\n');
  const sorted = [...timings].sort((a, b) => a - b);
  return {
    samples: timings.length,
    failures,
    p50: quantile(sorted, 0.5),
    p90: quantile(sorted, 0.9),
    mean: timings.reduce((sum, value) => sum + value, 0) / (timings.length || 1),
    cacheHeaders,
    byPath,
    cpuByPath,
  };
}

/** The server's mean CPU time per render over `paths` (those measured with a pid), or NaN. */
export function cpuMsPerRender(figures: MissFigures, paths: readonly string[]): number {
  const readings = paths.flatMap((path) => (path in figures.cpuByPath ? [figures.cpuByPath[path]!] : []));
  return readings.length ? readings.reduce((sum, value) => sum + value, 0) / readings.length : Number.NaN;
}
