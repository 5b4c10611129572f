// Runs in the request proxy: makes the first request after a scheduled time do the due work (via the
// internal route, which may revalidate), and otherwise stays out of the way. While work is pending the
// server hands no request past the proxy (lib/routing/known-page.ts), so that first request is here. What the proxy knows
// lives on globalThis, shared by every bundle of this process (proxy, routes, server actions).
import { loopbackOrigin } from '@/lib/instance/address';
import { internalSecret } from '@/lib/instance/internal-secret';

type DueState = { nextDueAt: number | null; checkedAt: number; inFlight: Promise<void> | null };

/** How stale this instance's idea of the next due time may get when nothing tells it sooner (the
 * outbox does, for every change: recheckDueSoon). */
const RECHECK_MS = 5_000;

const globalForDue = globalThis as unknown as { ledeDueState?: DueState };
const state: DueState = (globalForDue.ledeDueState ??= { nextDueAt: 0, checkedAt: 0, inFlight: null });

/** Every page refresh carried out from the outbox calls this (lib/cache/outbox.ts): a schedule or a
 * breaking flag set on another instance is then learnt by the next request, not RECHECK_MS later. */
export function recheckDueSoon(): void {
  state.checkedAt = 0;
}

/** Called by write paths on this instance when they schedule something (no wait for the recheck). */
export function noteDueAt(time: Date | number): void {
  const at = typeof time === 'number' ? time : time.getTime();
  state.nextDueAt = state.nextDueAt === null ? at : Math.min(state.nextDueAt, at);
}

function check(): Promise<void> {
  return fetch(`${loopbackOrigin()}/api/internal/due`, { method: 'POST', headers: { 'x-lede-internal': internalSecret() }, cache: 'no-store' })
    .then(async (response) => {
      if (!response.ok) throw new Error(`due work answered ${response.status}`);
      const body = (await response.json()) as { nextDueAt: number | null };
      state.nextDueAt = body.nextDueAt;
    })
    .catch((error: unknown) => {
      console.error('[lede] scheduled publishing check failed:', error);
    })
    .finally(() => {
      state.checkedAt = Date.now();
      state.inFlight = null;
    });
}

/** True when something fell due, or this instance's idea of the next due time is older than
 * RECHECK_MS: the next request must run the check first (the server then sends every request through
 * the proxy, which does: lib/routing/known-page.ts). */
export function dueWorkPending(now: number = Date.now()): boolean {
  const due = state.nextDueAt !== null && now >= state.nextDueAt;
  return due || now - state.checkedAt > RECHECK_MS;
}

export async function runDueWorkIfNeeded(now: number = Date.now()): Promise<void> {
  if (!dueWorkPending(now)) return;
  // The request that runs the check waits for it (a loopback call, a few milliseconds, once per
  // RECHECK_MS), so when something fell due it is served the page as it now stands.
  await (state.inFlight ??= check());
}
