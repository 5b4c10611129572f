// Every server process ranks "most read" every MOST_READ_SECONDS and prunes old hourly counts once an
// hour (docs/decisions/0022-audience-counts.md). Several instances rank the same rows to the same
// list; only a changed order writes, and the outbox carries its refresh to every instance.
import { config } from '@/lib/config';
import { refreshPublicPages } from '@/lib/cache/refresh';
import { updateMostRead } from '@/lib/audience/most-read';
import { pruneViewHours } from '@/lib/audience/views';

const PRUNE_EVERY_MS = 3_600_000;

export function startAudienceTimers(): () => void {
  let lastPrune = 0;
  const run = async () => {
    if (await updateMostRead()) await refreshPublicPages();
    if (Date.now() - lastPrune >= PRUNE_EVERY_MS) {
      lastPrune = Date.now();
      await pruneViewHours(config.AUDIENCE_KEEP_DAYS);
    }
  };
  const tick = () => void run().catch((error: unknown) => console.error('[lede] Ranking "most read" failed:', error));
  const timer = setInterval(tick, config.MOST_READ_SECONDS * 1000);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
