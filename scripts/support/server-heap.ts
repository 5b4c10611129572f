// The V8 heap limit `next start` runs with. Without one, V8 sizes its old generation from the
// machine's memory (4 GB on a 24 GB host) and lets garbage pile up long before it collects: a soak
// showed resident memory climbing past 1 GB while the live heap (a heap snapshot forces a full GC)
// was under 300 MB, nearly all of it the page cache (docs/benchmarks.md, "Soak"). A limit sized from
// what the process really keeps makes V8 collect instead of grow.

/** Room for Next, React renders under way, Prisma and the code itself, beside the page cache. */
export const HEAP_BESIDE_CACHE_MB = 384;

/** Node flags for the server: a heap limit of the page cache's bound plus room for the rest, unless
 *  the operator chose one in NODE_OPTIONS. */
export function serverHeapFlags(env: Partial<Record<string, string>>): string[] {
  if (/--max-old-space-size/.test(env.NODE_OPTIONS ?? '')) return [];
  const cacheMb = env.REDIS_URL ? 0 : Number(env.LEDE_CACHE_MEMORY_MB || 256);
  const heapMb = Math.max(512, Math.ceil((Number.isFinite(cacheMb) ? cacheMb : 256) + HEAP_BESIDE_CACHE_MB));
  return [`--max-old-space-size=${heapMb}`];
}
