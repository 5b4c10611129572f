// What the proxy's 404 gate remembers: public paths known to exist, each until a time. Kept apart from
// the gate itself (which imports Next's server module) so that the outbox of page refreshes, CLIs and
// tests can forget paths without loading Next. On globalThis: the proxy's bundle remembers, the
// outbox's bundle forgets.
export type RememberedPaths = { known: Map<string, number>; generation: number };
const globalForGate = globalThis as unknown as { ledeNotFoundGate?: RememberedPaths };
export const rememberedPaths: RememberedPaths = (globalForGate.ledeNotFoundGate ??= { known: new Map(), generation: 0 });

/** Every page refresh (lib/cache/outbox.ts, on every instance) calls this for the paths it touches. */
export function forgetPublicPaths(paths: readonly string[]): void {
  rememberedPaths.generation += 1;
  for (const path of paths) rememberedPaths.known.delete(path);
}
