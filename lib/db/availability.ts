// Whether the database answers: one `SELECT 1` at most every second per process, bounded by a
// timeout, shared by every bundle (proxy, routes, actions) on globalThis. The proxy reads the last
// answer without waiting (a cached page must not wait on a probe); /status and the newsroom's error
// paths wait for a fresh one. docs/decisions/0013-database-outage.md.

/** What the newsroom shows when a save failed for want of the database. */
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not answering; your edit was not saved — try again.';

/** A probe's answer is reused this long. */
const FRESH_MS = 1_000;
/** A probe that has not answered by then counts as "down" (a request never waits longer on it). */
const PROBE_TIMEOUT_MS = 2_000;

// Prisma's codes for a database that cannot be reached: P1001 unreachable (also what
// lib/db/sqlite-file.ts reports for a missing file), P1002 connecting timed out, P1017 connection closed.
const UNREACHABLE_CODES = new Set(['P1001', 'P1002', 'P1017']);
// And for one that did not answer in time: P1008 operation timed out (SQLite's busy timeout behind
// another writer, or a query over the server's limit), P2024 no pool connection in time. Those are as
// often a busy database as a gone one: the request failed for want of it, but only a probe decides
// whether the whole site is in an outage (a soak under load saw busy timeouts with the database up).
const TIMED_OUT_CODES = new Set(['P1008', 'P2024']);

type Availability = { up: boolean; checkedAt: number; probing: Promise<boolean> | null; answeredOnce: boolean };
const globalForAvailability = globalThis as unknown as { ledeDatabaseAvailability?: Availability };
const state: Availability = (globalForAvailability.ledeDatabaseAvailability ??= { up: true, checkedAt: 0, probing: null, answeredOnce: false });

async function selectOne(): Promise<boolean> {
  // Loaded on demand: the proxy's common path does not load the client for this.
  const { db } = await import('@/lib/db/client');
  const answer = db.$queryRawUnsafe('SELECT 1').then(
    () => true,
    () => false,
  );
  // The first query of a process loads the query compiler and opens the first connection, which may
  // take longer than a probe is given on a busy machine: it is left to the driver's own limits (a
  // PostgreSQL connection times out after 3 s), or a server would start by reporting an outage.
  if (!state.answeredOnce) return answer;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PROBE_TIMEOUT_MS);
  });
  return Promise.race([answer, timeout]).finally(() => clearTimeout(timer));
}

/** A probe now (joining one under way). */
export function probeDatabase(): Promise<boolean> {
  state.probing ??= selectOne()
    .then((up) => {
      if (up !== state.up) console.warn(up ? '[lede] the database answers again' : '[lede] the database is not answering: cached pages are served, the rest answers 503');
      state.up = up;
      state.checkedAt = Date.now();
      if (up) state.answeredOnce = true;
      return up;
    })
    .finally(() => (state.probing = null));
  return state.probing;
}

/** Whether the database answered within the last second (waits for a probe when the last is older). */
export async function databaseAnswers(now: number = Date.now()): Promise<boolean> {
  if (now - state.checkedAt < FRESH_MS) return state.up;
  return probeDatabase();
}

/** The last answer, without waiting; an older one than a second is probed again in the background. */
export function databaseLastAnswered(now: number = Date.now()): boolean {
  if (now - state.checkedAt >= FRESH_MS) void probeDatabase();
  return state.up;
}

/** True when `error` came from the database being unreachable (by its code, or else by a probe now). */
export async function failedForWantOfDatabase(error: unknown): Promise<boolean> {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) {
    state.up = false;
    state.checkedAt = Date.now();
    return true;
  }
  if (typeof code === 'string' && TIMED_OUT_CODES.has(code)) {
    void probeDatabase();
    return true;
  }
  return !(await probeDatabase());
}
