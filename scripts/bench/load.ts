// A time-bounded load on one URL with autocannon, with a progress line while it runs.
import autocannon from 'autocannon';

export type LoadFigures = { rps: number; p50: number; p99: number; requests: number; errors: number; non2xx: number };

export async function measureLoad(label: string, url: string, options: { connections: number; duration: number; quiet?: boolean }): Promise<LoadFigures> {
  const started = Date.now();
  let responses = 0;
  const instance = autocannon({ url, connections: options.connections, duration: options.duration, timeout: 30 });
  instance.on('response', () => responses++);
  const ticker = options.quiet
    ? undefined
    : setInterval(() => {
        const seconds = (Date.now() - started) / 1000;
        process.stderr.write(`\r  ${label}: ${seconds.toFixed(0)}/${options.duration} s, ${responses} responses (${Math.round(responses / seconds)} req/s)   `);
      }, 500);
  try {
    const result = await instance;
    const requests = result.requests.total;
    return {
      rps: requests / result.duration,
      p50: result.latency.p50,
      p99: result.latency.p99,
      requests,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
    };
  } finally {
    if (ticker) {
      clearInterval(ticker);
      process.stderr.write('\n');
    }
  }
}
