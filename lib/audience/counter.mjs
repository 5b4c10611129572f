// @ts-check
// The beacon's counter (docs/decisions/0022-audience-counts.md): views wait here, in memory, per UTC
// hour and article, until the next flush writes them in one batch. Plain JavaScript because
// scripts/serve.mjs answers the beacon before Next, and it is bounded whatever the beacons say:
// - ids the database confirmed (known) always count, up to `maxKnown` of them remembered;
// - ids not yet confirmed take one of `maxPendingUnverified` places until the flush answers;
// - ids the database said do not exist (unknown) are refused for `unknownTtlMs`, up to `maxUnknown`
//   of them remembered (an id may come to exist later: a new article);
// - anything beyond a cap is dropped and counted in `stats().dropped`.
// Nothing about the reader reaches it: the beacon passes an article id and nothing else.

export const HOUR_MS = 3_600_000;

/** Hours since 1970-01-01T00:00Z: the bucket a view at `ms` falls in. */
export const hourOf = (/** @type {number} */ ms) => Math.floor(ms / HOUR_MS);

/** The largest article id there can be (PostgreSQL's and Prisma's Int). */
export const MAX_ARTICLE_ID = 2_147_483_647;

/** An article id as the beacon sends it ("123"), or null: digits only, no sign, no leading zero. */
export function parseArticleId(/** @type {string | null | undefined} */ text) {
  if (!text || text.length > 10 || !/^[1-9][0-9]*$/.test(text)) return null;
  const id = Number(text);
  return id <= MAX_ARTICLE_ID ? id : null;
}

/**
 * @typedef {[articleId: number, hour: number, views: number]} ViewCount
 * @typedef {{ maxKnown?: number, maxPendingUnverified?: number, maxUnknown?: number, unknownTtlMs?: number, now?: () => number }} CounterOptions
 */

/** @param {CounterOptions} [options] */
export function createViewCounter(options = {}) {
  const maxKnown = options.maxKnown ?? 200_000;
  const maxPendingUnverified = options.maxPendingUnverified ?? 10_000;
  const maxUnknown = options.maxUnknown ?? 100_000;
  const unknownTtlMs = options.unknownTtlMs ?? 10 * 60_000;
  const now = options.now ?? Date.now;

  /** @type {Set<number>} */
  const known = new Set();
  /** id -> when it may be tried again. Map keeps insertion order: the oldest go first when full. */
  /** @type {Map<number, number>} */
  const unknown = new Map();
  /** "hour:id" -> views waiting for the flush. */
  /** @type {Map<string, number>} */
  let pending = new Map();
  /** Distinct ids in `pending` the database has not confirmed yet. */
  /** @type {Set<number>} */
  let unverified = new Set();
  let counted = 0;
  let dropped = 0;

  function isRefused(/** @type {number} */ id) {
    const until = unknown.get(id);
    if (until === undefined) return false;
    if (until > now()) return true;
    unknown.delete(id);
    return false;
  }

  function add(/** @type {number} */ id, /** @type {number} */ hour, /** @type {number} */ views) {
    const key = `${hour}:${id}`;
    const waiting = pending.get(key);
    if (waiting !== undefined) {
      pending.set(key, waiting + views);
      return true;
    }
    if (!known.has(id) && !unverified.has(id)) {
      if (unverified.size >= maxPendingUnverified) return false;
      unverified.add(id);
    }
    pending.set(key, views);
    return true;
  }

  /**
   * One view of article `id` at `ms` (a view nginx logged a moment ago goes to its own hour, even when
   * the log is read just after the hour turned). A time ahead of this clock counts as now.
   */
  function countAt(/** @type {number} */ id, /** @type {number} */ ms) {
    if (isRefused(id) || !add(id, hourOf(Math.min(ms, now())), 1)) {
      dropped += 1;
      return false;
    }
    counted += 1;
    return true;
  }

  return {
    /** One view of article `id` now. False when it was not counted (an unknown id, or a cap). */
    count: (/** @type {number} */ id) => countAt(id, now()),
    countAt,

    /** Everything waiting, for one flush; the counter starts again empty. */
    take() {
      /** @type {ViewCount[]} */
      const batch = [];
      for (const [key, views] of pending) {
        const colon = key.indexOf(':');
        batch.push([Number(key.slice(colon + 1)), Number(key.slice(0, colon)), views]);
      }
      pending = new Map();
      unverified = new Set();
      return batch;
    },

    /** A flush that failed: its views wait again (within the same caps) for the next one. */
    restore(/** @type {ViewCount[]} */ batch) {
      for (const [id, hour, views] of batch) if (!add(id, hour, views)) dropped += views;
    },

    /** The flush's answer: which ids of `batch` do not exist; the others do. */
    learn(/** @type {ViewCount[]} */ batch, /** @type {readonly number[]} */ unknownIds) {
      const missing = new Set(unknownIds);
      const until = now() + unknownTtlMs;
      for (const id of missing) {
        known.delete(id);
        unknown.delete(id);
        if (unknown.size >= maxUnknown) {
          const oldest = unknown.keys().next();
          if (!oldest.done) unknown.delete(oldest.value);
        }
        unknown.set(id, until);
      }
      for (const [id] of batch) {
        if (missing.has(id) || known.has(id)) continue;
        // Full: start again rather than grow; ids simply wait for confirmation once more.
        if (known.size >= maxKnown) known.clear();
        known.add(id);
      }
    },

    stats() {
      return { pending: pending.size, unverified: unverified.size, known: known.size, unknown: unknown.size, counted, dropped };
    },
  };
}
