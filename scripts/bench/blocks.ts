// --scenario blocks: what the story model costs a reader's first visit. Renders, one at a time and
// never cached, articles whose body is 20 blocks (3 pictures, an embed) and their twins with the same
// text as plain paragraphs (scripts/bench/blocks-prepare.ts), and weighs one page of each. Targets
// (issue 12): block render p50 ≤ 15 ms, and the block page no heavier than its plain twin.
import zlib from 'node:zlib';
import { measureMisses, quantile } from './miss';

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

async function weigh(url: string): Promise<{ bytes: number; gzip: number; cache: string }> {
  const response = await fetch(url);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
  return { bytes: body.length, gzip: zlib.gzipSync(body).length, cache: response.headers.get('x-nextjs-cache') ?? 'none' };
}

export async function runBlocksScenario(
  baseUrl: string,
  targets: { blockPaths: string[]; plainPaths: string[] },
  warmPaths: string[],
  say: (line: string) => void,
): Promise<Record<string, number | string>> {
  // Warm the JIT and the route on other articles first, so neither kind pays for the first render.
  say(`Warming up on ${Math.min(20, warmPaths.length)} other articles…`);
  await measureMisses(baseUrl, warmPaths.slice(0, 20));
  // Interleaved, block then its twin, so drift on a shared machine falls on both kinds alike.
  say(`Rendering ${targets.blockPaths.length} block articles and ${targets.plainPaths.length} plain twins, uncached, one at a time…`);
  const interleaved = targets.blockPaths.flatMap((path, index) => [path, targets.plainPaths[index]!]);
  const run = await measureMisses(baseUrl, interleaved);
  const figures = (paths: string[]) => {
    const sorted = paths.flatMap((path) => (path in run.byPath ? [run.byPath[path]!] : [])).sort((a, b) => a - b);
    return { samples: sorted.length, failures: paths.length - sorted.length, p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9) };
  };
  const blocks = figures(targets.blockPaths);
  const plain = figures(targets.plainPaths);
  const cache = Object.entries(run.cacheHeaders).map(([header, count]) => `${header}=${count}`).join(',');
  const blockPage = await weigh(`${baseUrl}${targets.blockPaths[0]}`);
  const plainPage = await weigh(`${baseUrl}${targets.plainPaths[0]}`);
  return {
    block_render_p50_ms: round(blocks.p50),
    block_render_p90_ms: round(blocks.p90),
    block_samples: blocks.samples,
    block_failures: blocks.failures,
    plain_render_p50_ms: round(plain.p50),
    plain_render_p90_ms: round(plain.p90),
    plain_samples: plain.samples,
    plain_failures: plain.failures,
    block_page_bytes: blockPage.bytes,
    plain_page_bytes: plainPage.bytes,
    block_page_gzip_bytes: blockPage.gzip,
    plain_page_gzip_bytes: plainPage.gzip,
    block_vs_plain_bytes_ratio: round(blockPage.bytes / plainPage.bytes, 3),
    render_cache: cache,
    block_page_example: targets.blockPaths[0]!,
  };
}
