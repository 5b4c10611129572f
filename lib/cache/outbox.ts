// The outbox of page refreshes (the PageRefresh table): the data module for it, and the loop that
// carries refreshes out. A write that changes public pages records, in its own transaction, the cache
// tags it expires (`recordPageRefresh`); then the instance that wrote carries it out at once
// (`carryOutPageRefreshes`), and every instance's poller carries out, every POLL_MS, each row it has
// not carried out yet. So the refresh cannot be lost to a crash after the commit, to a failed Redis
// write, or to a CLI that wrote behind the app's back. docs/decisions/0006-cache-coherence.md.
import { pathToFileURL } from 'node:url';
import nodePath from 'node:path';
import { db } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { forgetAnswers } from '@/lib/routing/known-answers';
import { recheckDueSoon } from '@/lib/articles/scheduling/due-trigger';

type Tx = Prisma.TransactionClient;

/** How often each instance looks for refreshes written elsewhere (another instance, a CLI). */
export const POLL_MS = 100;
/** Rows older than this are deleted (by whichever instance prunes first). */
const KEEP_MS = 24 * 3600_000;
/** With a shared cache that outlives the process: at start (and after Redis came back), the refreshes
 * of this last stretch are carried out again; ones already carried out keep their time (no-ops). */
const RESYNC_MS = 3600_000;
const BATCH = 500;
/** LEDE_LOG_REFRESHES=1: one line per refresh carried out, with its delay (diagnostics). */
const logRefreshes = process.env.LEDE_LOG_REFRESHES === '1';

type PageCache = {
  pageCacheStatus(): Record<string, unknown>;
  expireLocal(tags: readonly string[], at: number): void;
  expireShared(id: string, tags: readonly string[]): Promise<number>;
  setOutboxState(update: { synced?: boolean; behind?: boolean }): void;
  takeResyncNeeded(): boolean;
  pageCacheMode(): 'memory' | 'redis';
};

type Outbox = { cursor: number | null; running: Promise<void> | null; timer: NodeJS.Timeout | null; lastPrune: number; cache: PageCache | null };
const globalForOutbox = globalThis as unknown as { ledeOutbox?: Outbox };
const outbox: Outbox = (globalForOutbox.ledeOutbox ??= { cursor: null, running: null, timer: null, lastPrune: 0, cache: null });

/** Records, inside the write's own transaction, the tags its refresh must expire. */
export async function recordPageRefresh(tx: Tx, tags: readonly string[]): Promise<void> {
  if (!tags.length) return;
  await tx.pageRefresh.create({ data: { tags: JSON.stringify([...new Set(tags)]) } });
}

// The cache handler is loaded by Next from the file itself (not from the app's bundles); its state is
// on globalThis, so importing the same file here reaches the same state.
export async function pageCache(): Promise<PageCache> {
  if (!outbox.cache) {
    const file = pathToFileURL(nodePath.join(process.cwd(), 'lib', 'cache', 'page-cache-handler.mjs')).href;
    outbox.cache = (await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ file)) as PageCache;
  }
  return outbox.cache;
}

async function startingCursor(cache: PageCache): Promise<number> {
  if (cache.pageCacheMode() === 'memory') {
    // This process's cache started empty: nothing written before now can be in it.
    const last = await db.pageRefresh.findFirst({ orderBy: { id: 'desc' }, select: { id: true } });
    return last?.id ?? 0;
  }
  const first = await db.pageRefresh.findFirst({ where: { createdAt: { gte: new Date(Date.now() - RESYNC_MS) } }, orderBy: { id: 'asc' }, select: { id: true } });
  return first ? first.id - 1 : ((await db.pageRefresh.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0);
}

async function carryOutPending(): Promise<void> {
  const cache = await pageCache();
  if (outbox.cursor === null || cache.takeResyncNeeded()) {
    outbox.cursor = await startingCursor(cache);
  }
  for (;;) {
    const cursor: number = outbox.cursor ?? 0;
    const rows: { id: number; tags: string; createdAt: Date }[] = await db.pageRefresh.findMany({ where: { id: { gt: cursor } }, orderBy: { id: 'asc' }, take: BATCH, select: { id: true, tags: true, createdAt: true } });
    for (const row of rows) {
      const tags = JSON.parse(row.tags) as string[];
      let at = Date.now();
      let notShared: unknown = null;
      if (cache.pageCacheMode() === 'redis') at = await cache.expireShared(String(row.id), tags).catch((error: unknown) => ((notShared = error ?? new Error('Redis failed')), at));
      cache.expireLocal(tags, at);
      // The same refresh expires the resolver's answers about these pages (lib/routing/known-answers.ts).
      forgetAnswers(tags);
      if (notShared) {
        // Not carried out for the other instances: this one keeps it pending and serves every page
        // from the database until Redis takes it (the next poll tries again).
        cache.setOutboxState({ behind: true });
        throw notShared;
      }
      outbox.cursor = row.id;
      if (logRefreshes) console.log(`[cache] page refresh #${row.id} carried out ${Date.now() - row.createdAt.getTime()} ms after it was recorded (${tags.length} tags)`);
    }
    // A schedule or breaking flag may have changed on another instance: look again at the next request.
    if (rows.length) recheckDueSoon();
    if (rows.length < BATCH) break;
  }
  cache.setOutboxState({ behind: false, synced: true });
  if (Date.now() - outbox.lastPrune > 10 * 60_000) {
    outbox.lastPrune = Date.now();
    await db.pageRefresh.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - KEEP_MS) } } });
  }
}

/**
 * Carries out every refresh recorded so far that this instance has not (the write just committed
 * among them). One run at a time per process; a call during a run waits for it and runs again, so
 * what was committed before the call is carried out when it returns.
 */
export async function carryOutPageRefreshes(): Promise<void> {
  const previous = outbox.running;
  const run = (async () => {
    await previous?.catch(() => undefined);
    await carryOutPending();
  })();
  outbox.running = run;
  try {
    await run;
  } finally {
    if (outbox.running === run) outbox.running = null;
  }
}

let lastError = 0;

/** Started once per server process (instrumentation.ts). */
export function startPageRefreshPoller(): void {
  if (outbox.timer) return;
  const tick = () => {
    if (outbox.running) return;
    carryOutPageRefreshes().catch((error: unknown) => {
      if (Date.now() - lastError < 10_000) return;
      lastError = Date.now();
      console.warn(`[cache] page refreshes pending: ${error instanceof Error ? error.message : String(error)} (pages render from the database meanwhile)`);
    });
  };
  outbox.timer = setInterval(tick, POLL_MS);
  outbox.timer.unref();
  tick();
}
