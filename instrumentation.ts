// Runs once when a server process starts: the outbox poller that carries out page refreshes recorded
// by other instances and by CLIs (lib/cache/outbox.ts), and the purge of ended sessions. Not during
// `next build`: nothing is served.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startPageRefreshPoller } = await import('@/lib/cache/outbox');
  startPageRefreshPoller();
  // Ended sessions and stale sign-in throttle rows, deleted every few minutes (lib/auth/housekeeping.ts).
  const { startSignInHousekeeping } = await import('@/lib/auth/housekeeping');
  startSignInHousekeeping();
}
