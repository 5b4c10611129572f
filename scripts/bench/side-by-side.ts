// npm run bench -- --scenario side-by-side --a-node-options=--max-semi-space-size=16: two servers of
// the same build on the same database at once, server A with NODE_OPTIONS set to --a-node-options and
// server B as `npm start` runs it, and fresh block articles and their plain twins (blocks-prepare.ts)
// rendered alternately on one and the other, request by request (A B B A …). On a machine whose speed
// drifts by more than the effect between runs minutes apart (this one: 25 → 35 ms in 20 minutes for
// one build), only such interleaving compares two settings; each round swaps the ports, because the
// server started first answered about 1.3 ms faster with identical settings (decision 0035).
import type { ChildProcess } from 'node:child_process';
import { treeCpuMilliseconds } from './cpu';
import { treeRssMegabytes } from './rss';
import { startNextServer, stopNextServer, waitUntilServing } from '../support/next-build';

type Server = 'a' | 'b';
type Options = {
  ports: readonly [number, number];
  distDir: string;
  env: NodeJS.ProcessEnv;
  aNodeOptions: string;
  /** Fresh pairs, at least rounds × 2 × (warm + measured). */
  pairs: { blockPaths: string[]; plainPaths: string[] };
  warm: number;
  measured: number;
  rounds: number;
};
type Samples = { block: number[]; plain: number[]; cpuMs: number; renders: number };

const say = (line: string) => console.log(`[bench] ${line}`);

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? NaN;
const round1 = (value: number) => Number(value.toFixed(1));

/** The number of pairs a run needs. */
export function sideBySidePairs(options: Pick<Options, 'warm' | 'measured' | 'rounds'>): number {
  return options.rounds * 2 * (options.warm + options.measured);
}

async function render(base: string, path: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip' } });
  await response.arrayBuffer();
  const cache = response.headers.get('x-nextjs-cache');
  if (response.status !== 200 || cache !== 'MISS') throw new Error(`${path} answered ${response.status} (x-nextjs-cache ${cache}): not an uncached render`);
  return performance.now() - started;
}

export async function runSideBySideScenario(options: Options): Promise<Record<string, number | string>> {
  const rounds: { a: Samples; b: Samples; rssMb: Record<Server, number> }[] = [];
  let next = 0;
  for (let round = 1; round <= options.rounds; round++) {
    // Odd rounds: A on the first port and started first; even rounds: B.
    const order: Server[] = round % 2 ? ['a', 'b'] : ['b', 'a'];
    const port = { [order[0]!]: options.ports[0], [order[1]!]: options.ports[1] } as Record<Server, number>;
    const servers = {} as Record<Server, ChildProcess>;
    try {
      for (const name of order) {
        const env = { ...options.env, NODE_OPTIONS: name === 'a' ? options.aNodeOptions : (options.env.NODE_OPTIONS ?? '') };
        servers[name] = startNextServer(options.distDir, port[name], env, 'pipe');
        servers[name].stdout?.resume();
        servers[name].stderr?.resume();
        await waitUntilServing(`http://127.0.0.1:${port[name]}/status`, servers[name]);
      }
      say(`Round ${round}/${options.rounds}: A on ${port.a}, B on ${port.b}; ${options.warm} warm-up and ${options.measured} measured pairs each…`);
      const samples: Record<Server, Samples> = { a: { block: [], plain: [], cpuMs: 0, renders: 0 }, b: { block: [], plain: [], cpuMs: 0, renders: 0 } };
      for (let step = 0; step < options.warm + options.measured; step++) {
        const turn: Server[] = step % 2 ? ['b', 'a'] : ['a', 'b'];
        for (const name of turn) {
          const base = `http://127.0.0.1:${port[name]}`;
          const index = next++;
          const cpuBefore = treeCpuMilliseconds(servers[name].pid!);
          const block = await render(base, options.pairs.blockPaths[index]!);
          const plain = await render(base, options.pairs.plainPaths[index]!);
          if (step < options.warm) continue;
          samples[name].cpuMs += treeCpuMilliseconds(servers[name].pid!) - cpuBefore;
          samples[name].renders += 2;
          samples[name].block.push(block);
          samples[name].plain.push(plain);
        }
      }
      rounds.push({ a: samples.a, b: samples.b, rssMb: { a: treeRssMegabytes(servers.a.pid!), b: treeRssMegabytes(servers.b.pid!) } });
    } finally {
      await Promise.all(Object.values(servers).map(stopNextServer));
    }
  }

  const figures: Record<string, number | string> = { a_node_options: options.aNodeOptions, b_node_options: options.env.NODE_OPTIONS || '(none: npm start’s flags)' };
  const differences = { block: [] as number[], plain: [] as number[], cpu: [] as number[] };
  rounds.forEach(({ a, b, rssMb }, index) => {
    const n = index + 1;
    const of = (samples: Samples) => ({ block: median(samples.block), plain: median(samples.plain), cpu: samples.cpuMs / samples.renders });
    const [fa, fb] = [of(a), of(b)];
    figures[`round${n}_a_block_p50_ms`] = round1(fa.block);
    figures[`round${n}_b_block_p50_ms`] = round1(fb.block);
    figures[`round${n}_a_plain_p50_ms`] = round1(fa.plain);
    figures[`round${n}_b_plain_p50_ms`] = round1(fb.plain);
    figures[`round${n}_a_cpu_ms_per_render`] = round1(fa.cpu);
    figures[`round${n}_b_cpu_ms_per_render`] = round1(fb.cpu);
    figures[`round${n}_a_rss_mb`] = Math.round(rssMb.a);
    figures[`round${n}_b_rss_mb`] = Math.round(rssMb.b);
    differences.block.push(fb.block - fa.block);
    differences.plain.push(fb.plain - fa.plain);
    differences.cpu.push(fb.cpu - fa.cpu);
  });
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  figures.b_minus_a_block_p50_ms_mean = round1(mean(differences.block));
  figures.b_minus_a_plain_p50_ms_mean = round1(mean(differences.plain));
  figures.b_minus_a_cpu_ms_per_render_mean = round1(mean(differences.cpu));
  figures.rounds_b_faster_block = differences.block.filter((difference) => difference < 0).length;
  figures.rounds = rounds.length;
  return figures;
}
