// The V8 heap flags the server runs with. Without an old-generation limit, V8 sizes it from the
// machine's memory (4 GB on a 24 GB host) and lets garbage pile up long before it collects: a soak
// showed resident memory climbing past 1 GB while the live heap (a heap snapshot forces a full GC)
// was under 300 MB, nearly all of it the page cache (docs/benchmarks.md, "Soak"). A limit sized from
// what the process really keeps makes V8 collect instead of grow.
//
// The young generation goes the other way: a render allocates a few MB that die with it (React's
// elements, the RSC rows, Prisma's rows), and V8's default 16 MB semi-space fills every few renders,
// so scavenges and the objects they promote cost about a tenth of an uncached render. With 64 MB the
// block article rendered faster in every side-by-side run (3.8 ms at p50 on average); 128 MB was
// slower again (docs/decisions/0035-young-generation.md).

/** Room for Next, React renders under way, Prisma and the code itself, beside the page cache. */
export const HEAP_BESIDE_CACHE_MB = 384;

/** The young generation's semi-space, in MB (V8's default on 64-bit hosts is 16). */
export const SEMI_SPACE_MB = 64;

/** Node flags for the server: a heap limit of the page cache's bound plus room for the rest, and a
 *  larger young generation, each unless the operator chose it in NODE_OPTIONS. */
export function serverHeapFlags(env: Partial<Record<string, string>>): string[] {
  const operator = env.NODE_OPTIONS ?? '';
  const flags: string[] = [];
  if (!/--max-old-space-size/.test(operator)) {
    const cacheMb = env.REDIS_URL ? 0 : Number(env.LEDE_CACHE_MEMORY_MB || 256);
    const heapMb = Math.max(512, Math.ceil((Number.isFinite(cacheMb) ? cacheMb : 256) + HEAP_BESIDE_CACHE_MB));
    flags.push(`--max-old-space-size=${heapMb}`);
  }
  if (!/--max-semi-space-size/.test(operator)) flags.push(`--max-semi-space-size=${SEMI_SPACE_MB}`);
  return flags;
}
