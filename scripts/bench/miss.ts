// The cost of a cache miss: articles never requested before, fetched one at a time (no concurrency,
// so the figure is the render itself, not queueing), each timed to its last byte.
export type MissFigures = { samples: number; failures: string[]; p50: number; p90: number; mean: number; cacheHeaders: Record<string, number>; byPath: Record<string, number> };

export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

export async function measureMisses(baseUrl: string, paths: string[]): Promise<MissFigures> {
  const timings: number[] = [];
  const failures: string[] = [];
  const cacheHeaders: Record<string, number> = {};
  const byPath: Record<string, number> = {};
  for (const [index, path] of paths.entries()) {
    const started = process.hrtime.bigint();
    const response = await fetch(`${baseUrl}${path}`, { redirect: 'manual' });
    await response.arrayBuffer();
    const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
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
  };
}
