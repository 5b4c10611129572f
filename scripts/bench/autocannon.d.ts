// The part of autocannon's programmatic API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  type Percentiles = { average: number; mean: number; stddev: number; min: number; max: number; p50: number; p90: number; p99: number; total: number; sent?: number };
  export type Result = {
    url: string;
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Percentiles;
    requests: Percentiles;
    throughput: Percentiles;
  };
  export type Options = { url: string; connections?: number; duration?: number; amount?: number; pipelining?: number; timeout?: number; headers?: Record<string, string> };
  type Instance = Promise<Result> & { stop(): void; on(event: 'response', listener: () => void): void };
  function autocannon(options: Options): Instance;
  export default autocannon;
}
