// npm run bench -- --scenario csp: what the Content-Security-Policy costs cached pages. The same build
// is started alternately with the policy (a nonce per request in the proxy, the policy stored with each
// render) and without it (LEDE_BENCH_NO_CSP=1, a benchmark hook), rounds × 2 times, and the home page
// and an article are loaded under each. Reported: req/s and p99 per target and mode, and the ratio
// with/without per target (1.0 = free). Rounds alternate so that the machine's drift hits both modes.
import { measureLoad, type LoadFigures } from './load';
import { startNextServer, stopNextServer, waitUntilServing } from '../support/next-build';

type Mode = 'with_csp' | 'without_csp';
type Options = { port: number; distDir: string; env: NodeJS.ProcessEnv; connections: number; duration: number; rounds: number; targets: Record<string, string> };

const say = (line: string) => console.log(`[bench] ${line}`);

async function measureMode(mode: Mode, options: Options): Promise<Record<string, LoadFigures>> {
  const env = { ...options.env, LEDE_BENCH_NO_CSP: mode === 'without_csp' ? '1' : '' };
  const server = startNextServer(options.distDir, options.port, env, 'pipe');
  server.stdout?.resume();
  server.stderr?.resume();
  try {
    const base = `http://127.0.0.1:${options.port}`;
    await waitUntilServing(`${base}/status`, server);
    const figures: Record<string, LoadFigures> = {};
    for (const [name, path] of Object.entries(options.targets)) {
      const url = `${base}${path}`;
      // Render once and check the mode really is what it says, then warm the JIT.
      for (let attempt = 0; attempt < 3; attempt++) await (await fetch(url)).arrayBuffer();
      const check = await fetch(url);
      await check.arrayBuffer();
      const policy = check.headers.get('content-security-policy');
      if (check.status !== 200 || (mode === 'with_csp') !== Boolean(policy)) throw new Error(`${url} (${mode}) answered ${check.status} with CSP ${policy ?? 'none'}`);
      await measureLoad('warm-up', url, { connections: options.connections, duration: Math.min(3, options.duration), quiet: true });
      figures[name] = await measureLoad(`${mode} ${name}`, url, options);
    }
    return figures;
  } finally {
    await stopNextServer(server);
  }
}

export async function runCspScenario(options: Options): Promise<Record<string, number>> {
  const totals: Record<string, { requests: number; seconds: number; p99: number[] }> = {};
  for (let round = 1; round <= options.rounds; round++) {
    for (const mode of (round % 2 ? ['with_csp', 'without_csp'] : ['without_csp', 'with_csp']) as Mode[]) {
      say(`Round ${round}/${options.rounds}: ${mode.replace('_', ' ')}…`);
      const figures = await measureMode(mode, options);
      for (const [name, load] of Object.entries(figures)) {
        const total = (totals[`${name}_${mode}`] ??= { requests: 0, seconds: 0, p99: [] });
        total.requests += load.requests;
        total.seconds += load.requests / load.rps;
        total.p99.push(load.p99);
      }
    }
  }
  const result: Record<string, number> = {};
  for (const name of Object.keys(options.targets)) {
    const rps = (mode: Mode) => totals[`${name}_${mode}`]!.requests / totals[`${name}_${mode}`]!.seconds;
    const p99 = (mode: Mode) => Math.max(...totals[`${name}_${mode}`]!.p99);
    result[`${name}_rps_with_csp`] = Math.round(rps('with_csp'));
    result[`${name}_rps_without_csp`] = Math.round(rps('without_csp'));
    result[`${name}_with_vs_without_rps_ratio`] = Number((rps('with_csp') / rps('without_csp')).toFixed(3));
    result[`${name}_p99_ms_with_csp`] = p99('with_csp');
    result[`${name}_p99_ms_without_csp`] = p99('without_csp');
  }
  return result;
}
