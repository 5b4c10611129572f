// Runs once when a server process starts: the outbox poller that carries out page refreshes recorded
// by other instances and by CLIs (lib/cache/outbox.ts), the purge of ended sessions, the "most read" ranking, and the recovery
// of interrupted media writes. Not during `next build`: nothing is served.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // The server's way past the proxy for pages whose answers are known (lib/routing/known-page.ts).
  const { offerPastTheProxy } = await import('@/lib/routing/known-page');
  offerPastTheProxy();
  const { startPageRefreshPoller } = await import('@/lib/cache/outbox');
  startPageRefreshPoller();
  // Ended sessions and stale sign-in throttle rows, deleted every few minutes (lib/auth/housekeeping.ts).
  const { startSignInHousekeeping } = await import('@/lib/auth/housekeeping');
  startSignInHousekeeping();
  // "Most read" ranked on a timer, never per view; old hourly view counts pruned (lib/audience/timer.ts).
  const { startAudienceTimers } = await import('@/lib/audience/timer');
  startAudienceTimers();
  // Media files a killed process placed without committing their rows (docs/decisions/0011); in the
  // background: serving must not wait for it, nor for a database that is not there yet.
  const { recoverInterruptedMediaWrites } = await import('@/lib/media/staging');
  void recoverInterruptedMediaWrites().catch((error: unknown) => console.error('Media recovery failed:', error));
}
