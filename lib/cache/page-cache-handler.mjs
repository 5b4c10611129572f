// @ts-check
// Next's incremental cache (ISR pages, route handlers, unstable_cache data), always through this
// handler: in this process's memory by default, in Redis when REDIS_URL is set (shared by every
// instance). next.config.js installs it. The design is docs/decisions/0006-cache-coherence.md; the
// short version:
//
// - Every entry is stamped with the time its render STARTED (the time of the cache read that missed),
//   not the time it was stored. A tag expiry at time T refuses every entry stamped at or before T.
//   A render that read the database before a commit and is stored after the expiry that followed
//   the commit therefore never counts as fresh (with Next's own handlers it did, for good).
// - Expiries come from the outbox of page refreshes (lib/cache/outbox.ts), which every instance
//   carries out; with Redis, the first instance to carry out a refresh fixes its time for all.
// - The cache is trusted only when it can be: with Redis, not while Redis is unreachable or slow,
//   not before this instance has carried out every refresh it knows of, and not after a reconnect
//   until the recent refreshes were checked again. Untrusted means a miss: the page renders from the
//   database. A request never waits on a Redis connection.
//
// Plain JavaScript on purpose: Next loads this file itself at start, outside the app's bundles, so
// it cannot import lib/config.ts; it reads its settings (REDIS_URL, REDIS_KEY_PREFIX,
// LEDE_CACHE_MEMORY_MB) from the environment, which lib/config.ts validates for the app. Its state
// lives on globalThis so that the app's bundles (the outbox) reach the very same state.
//
// Redis layout (every key under REDIS_KEY_PREFIX):
//   {prefix}{buildId}:entry:{key}  one entry (JSON) with a TTL; a new build never reads an older one's
//   {prefix}tag-expiry             hash: tag → time (ms) of its latest expiry
//   {prefix}refresh:{outbox id}    the time an outbox row was first carried out (kept two days)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createClient } from '@redis/client';
import { addRenderHeaders } from '../security/page-headers.mjs';

const TAGS_HEADER = 'x-next-cache-tags';
/** Entries with no lifetime of their own (revalidate: false) are dropped after this many seconds. */
const DEFAULT_TTL_SECONDS = 30 * 24 * 3600;
/** A Redis call slower than this counts as a failure: the page renders instead of waiting. */
const REDIS_TIMEOUT_MS = 250;
/** After a failed Redis call, the cache is left alone for this long (the page renders meanwhile). */
const REDIS_BACKOFF_MS = 1_000;
/** A render start older than this is from a render that never stored anything: forget it. */
const START_MAX_AGE_MS = 60_000;
const MAX_PENDING_STARTS = 50_000;
const REFRESH_RECORD_SECONDS = 2 * 24 * 3600;
/** The home page's key in Next's incremental cache: `/route-cache/APP_PAGE/{hash}/$/index` from Next 16. */
const isHomeKey = (/** @type {string} */ key) => key === '/index' || key.endsWith('/$/index');

// Sets every tag's expiry to the later of its own and the refresh's; the refresh's time is fixed by
// whoever carries it out first. KEYS: tag-expiry hash, refresh record. ARGV: now, tags...
const EXPIRE_SCRIPT = `
redis.call('SET', KEYS[2], ARGV[1], 'NX', 'EX', ${REFRESH_RECORD_SECONDS})
local at = redis.call('GET', KEYS[2])
local atNumber = tonumber(at)
for i = 2, #ARGV do
  local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
  if atNumber > current then redis.call('HSET', KEYS[1], ARGV[i], at) end
end
return at`;

/**
 * @typedef {{ value: any, lastModified: number, cacheControl?: any, tags: string[], size: number }} Entry
 * @typedef {{
 *   mode: 'memory' | 'redis',
 *   expiries: Map<string, number>,
 *   memory: Map<string, Entry>,
 *   memoryBytes: number,
 *   starts: Map<string, number>,
 *   startsLostAt: number,
 *   renderStarts: WeakMap<object, { first: number, keys: Map<string, number> }>,
 *   givenOut: WeakMap<object, number>,
 *   outboxBehind: boolean,
 *   outboxSynced: boolean,
 *   resyncNeeded: boolean,
 *   redisFailedAt: number,
 *   client?: import('@redis/client').RedisClientType,
 *   lastWarning: number,
 *   stats: { hits: number, misses: number, refused: number, untrusted: number, stored: number, unknownStarts: number, pageRenders: number, homeRenders: number },
 * }} State
 */

const STATE = Symbol.for('lede.pageCache');
const globalState = /** @type {Record<symbol, State | undefined>} */ (/** @type {unknown} */ (globalThis));
/** @type {State} */
const state = (globalState[STATE] ??= {
  // `next build` renders its prerendered pages without the database (lib/build-phase.ts): they must
  // never reach the cache the instances share.
  mode: process.env.REDIS_URL && process.env.NEXT_PHASE !== 'phase-production-build' ? 'redis' : 'memory',
  expiries: new Map(),
  memory: new Map(),
  memoryBytes: 0,
  starts: new Map(),
  startsLostAt: 0,
  renderStarts: new WeakMap(),
  givenOut: new WeakMap(),
  outboxBehind: false,
  outboxSynced: false,
  resyncNeeded: false,
  redisFailedAt: 0,
  client: undefined,
  lastWarning: 0,
  stats: { hits: 0, misses: 0, refused: 0, untrusted: 0, stored: 0, unknownStarts: 0, pageRenders: 0, homeRenders: 0 },
});
// A state made by an older copy of this file in the same process (a dev reload) lacks the newer counters.
state.stats.pageRenders ??= 0;
state.stats.homeRenders ??= 0;

const maxMemoryBytes = Number(process.env.LEDE_CACHE_MEMORY_MB || 256) * 1024 * 1024;
const prefix = process.env.REDIS_KEY_PREFIX ?? 'lede:';
const expiryKey = `${prefix}tag-expiry`;

// Next's store of the render under way: unstable_cache reads and writes happen inside it, so it tells
// which read started the render that is now storing its result.
/** @type {{ getStore(): object | undefined } | undefined} */
let workAsyncStorage;
try {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  workAsyncStorage = require('next/dist/server/app-render/work-async-storage.external.js').workAsyncStorage;
} catch {
  workAsyncStorage = undefined;
}

/** @param {unknown} error */
function warn(error) {
  // Redis down must not flood the log at every request: once every 10 s is enough to be seen.
  if (Date.now() - state.lastWarning < 10_000) return;
  state.lastWarning = Date.now();
  console.warn(`[cache] Redis: ${error instanceof Error ? error.message : String(error)} (pages render from the database meanwhile)`);
}

// ---- Redis ------------------------------------------------------------------------------------------

function redisClient() {
  if (state.mode !== 'redis') return null;
  if (!state.client) {
    const client = /** @type {import('@redis/client').RedisClientType} */ (
      createClient({
        url: process.env.REDIS_URL,
        // Fail fast while disconnected and keep reconnecting in the background.
        disableOfflineQueue: true,
        socket: { connectTimeout: 1_000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 1_000) },
      })
    );
    let wasReady = false;
    client.on('error', warn);
    client.on('ready', () => {
      // Back after a loss (or a Redis restarted from an older snapshot): the recent refreshes are
      // checked again before anything is read (lib/cache/outbox.ts does it).
      if (wasReady) state.resyncNeeded = true;
      wasReady = true;
    });
    client.on('end', () => (state.resyncNeeded = true));
    state.client = client;
    client.connect().catch(warn);
  }
  return state.client.isReady ? state.client : null;
}

/** The client once it is ready (a process just started, or Redis came back), within the time limit. */
async function connected() {
  redisClient();
  const client = state.client;
  if (!client) return null;
  if (client.isReady) return client;
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, REDIS_TIMEOUT_MS * 2);
    client.once('ready', () => (clearTimeout(timer), resolve(null)));
  });
  return client.isReady ? client : null;
}

/**
 * @template T
 * @param {Promise<T>} work
 * @returns {Promise<T>}
 */
function timed(work) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_TIMEOUT_MS} ms`)), REDIS_TIMEOUT_MS);
  });
  return /** @type {Promise<T>} */ (Promise.race([work, timeout]).finally(() => clearTimeout(timer)));
}

/** The shared cache can be read and written now (see the header). */
function redisTrusted() {
  if (state.outboxBehind || !state.outboxSynced || state.resyncNeeded) return null;
  if (Date.now() - state.redisFailedAt < REDIS_BACKOFF_MS) return null;
  return redisClient();
}

/** @param {unknown} error */
function redisFailed(error) {
  state.redisFailedAt = Date.now();
  warn(error);
}

// JSON cannot hold Buffers and Maps (RSC payloads, segment data, route bodies): tag them. A walk
// before stringify, because Buffer's own toJSON would first turn a payload into an array of numbers.
/** @param {unknown} value @returns {unknown} */
function encode(value) {
  if (Buffer.isBuffer(value)) return { $b64: value.toString('base64') };
  if (value instanceof Uint8Array) return { $b64: Buffer.from(value).toString('base64') };
  if (value instanceof Map) return { $map: [...value.entries()].map(([key, item]) => [key, encode(item)]) };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
  return value;
}
/** @param {string} _key @param {any} value */
function reviver(_key, value) {
  if (value && typeof value === 'object') {
    if (typeof value.$b64 === 'string') return Buffer.from(value.$b64, 'base64');
    if (Array.isArray(value.$map)) return new Map(value.$map);
  }
  return value;
}

// ---- entries ----------------------------------------------------------------------------------------

/** @param {any} value @param {any} ctx @returns {string[]} */
function tagsOf(value, ctx) {
  if (value?.kind === 'FETCH') return [...(ctx?.tags ?? value.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === 'string' && header ? header.split(',') : [];
}

/** Bytes V8 spends on a string's characters: one each while all are Latin-1, two each otherwise (the
 *  breadcrumb's "›" alone makes a whole article page a two-byte string). */
function stringBytes(/** @type {string} */ text) {
  return /[^\u0000-\u00ff]/.test(text) ? text.length * 2 : text.length;
}

/** @param {unknown} part */
function partBytes(part) {
  if (typeof part === 'string') return stringBytes(part);
  // The whole ArrayBuffer behind a view stays alive with it (see ownBuffer).
  if (part instanceof Uint8Array) return part.buffer.byteLength;
  return 0;
}

/**
 * A Buffer that owns its memory. Next builds small RSC segments with Buffer.concat, which slices them
 * out of Node's shared 8 KiB pool: kept in the cache, each would keep a whole pool slab alive (heap
 * snapshots of a soak showed ~1.6 slabs per cached page, uncounted).
 * @param {unknown} part
 */
function ownBuffer(part) {
  if (!(part instanceof Uint8Array) || part.buffer.byteLength === part.byteLength) return part;
  const own = Buffer.allocUnsafeSlow(part.byteLength);
  own.set(part);
  return own;
}

/** The page or data entry with every buffer owning its memory, so that its size can be counted. */
function ownedValue(/** @type {any} */ value) {
  if (!value || typeof value !== 'object') return value;
  if (value.kind === 'APP_PAGE') {
    const segmentData = value.segmentData instanceof Map ? new Map([...value.segmentData].map(([name, part]) => [name, ownBuffer(part)])) : value.segmentData;
    return { ...value, rscData: ownBuffer(value.rscData), segmentData };
  }
  if (value.kind === 'APP_ROUTE') return { ...value, body: ownBuffer(value.body) };
  return value;
}

/**
 * What an entry holds in memory, for the bound LEDE_CACHE_MEMORY_MB. Counts what V8 and Node really
 * keep (two-byte strings, whole ArrayBuffers), plus headers, postponed state and a fixed allowance
 * for the objects around them: an estimate below the truth lets the cache outgrow its bound.
 * @param {string} key
 * @param {any} value
 */
export function entryBytes(key, value) {
  let size = 400 + stringBytes(key);
  for (const part of [value?.html, value?.rscData, value?.body, value?.data?.body, value?.postponed]) size += partBytes(part);
  if (value?.segmentData instanceof Map) for (const [name, part] of value.segmentData) size += 80 + stringBytes(name) + partBytes(part);
  for (const headers of [value?.headers, value?.data?.headers]) {
    if (headers && typeof headers === 'object') for (const [name, item] of Object.entries(headers)) size += 40 + stringBytes(name) + stringBytes(String(item));
  }
  if (value?.kind === 'FETCH' && !value?.data?.body) size += stringBytes(JSON.stringify(value.data ?? null));
  return size;
}

/**
 * The tags an entry is judged by when read: its own, and for data (unstable_cache, fetch) the soft
 * tags of the page reading it. Next passes those (the page's implicit `_N_T_/…` tags, among them the
 * root layout's, which the "everything" refresh expires) only to `get`, never to `set`, so they are not
 * among the stored tags: a restore or an import expired every page, and a section front re-rendered
 * from its cached data, pinned slots and all.
 * @param {Entry} entry @param {any} ctx @returns {string[]}
 */
function judgedTags(entry, ctx) {
  const soft = ctx?.kind === 'FETCH' && Array.isArray(ctx.softTags) ? ctx.softTags : [];
  return soft.length ? [...entry.tags, ...soft] : entry.tags;
}

/** Is an entry stamped `stamp` older than the latest expiry of one of its tags? */
function expiredLocally(/** @type {readonly string[]} */ tags, /** @type {number} */ stamp) {
  for (const tag of tags) {
    const at = state.expiries.get(tag);
    if (at !== undefined && at >= stamp) return true;
  }
  return false;
}

function noteExpiry(/** @type {string} */ tag, /** @type {number} */ at) {
  if ((state.expiries.get(tag) ?? -1) < at) state.expiries.set(tag, at);
}

/** Remembers when the render that this cache read may start began. */
function noteStart(/** @type {string} */ key, /** @type {any} */ ctx, /** @type {number} */ now) {
  const store = ctx?.kind === 'FETCH' ? workAsyncStorage?.getStore() : undefined;
  if (store) {
    let render = state.renderStarts.get(store);
    if (!render) state.renderStarts.set(store, (render = { first: now, keys: new Map() }));
    if (!render.keys.has(key)) render.keys.set(key, now);
    return;
  }
  const mapKey = `${ctx?.kind === 'FETCH' ? 'fetch' : 'page'}:${key}`;
  // Reads whose render never stored anything (it failed) leave their start behind: keep the map small.
  if (state.starts.size > MAX_PENDING_STARTS) {
    for (const [pending, at] of state.starts) if (now - at > START_MAX_AGE_MS) state.starts.delete(pending);
    if (state.starts.size > MAX_PENDING_STARTS) {
      state.starts.clear();
      state.startsLostAt = now;
    }
  }
  const earlier = state.starts.get(mapKey);
  // The earliest read not yet followed by a write: a render that overlaps another keeps the older time.
  if (earlier === undefined || now - earlier > START_MAX_AGE_MS) state.starts.set(mapKey, now);
}

/** When did the render whose result is being stored start? Never later than the truth. */
function takeStart(/** @type {string} */ key, /** @type {any} */ ctx) {
  const store = ctx?.fetchCache ? workAsyncStorage?.getStore() : undefined;
  if (store) {
    const render = state.renderStarts.get(store);
    if (render) {
      const start = render.keys.get(key) ?? render.first;
      render.keys.delete(key);
      return start;
    }
  }
  const mapKey = `${ctx?.fetchCache ? 'fetch' : 'page'}:${key}`;
  const start = state.starts.get(mapKey);
  state.starts.delete(mapKey);
  if (start !== undefined && Date.now() - start <= START_MAX_AGE_MS) return start;
  state.stats.unknownStarts += 1;
  // Starts were dropped a moment ago: this render may have begun before that, never after.
  if (Date.now() - state.startsLostAt <= START_MAX_AGE_MS) return state.startsLostAt;
  return Date.now();
}

function memoryGet(/** @type {string} */ key) {
  const entry = state.memory.get(key);
  if (!entry) return null;
  // Least recently used goes first: a read moves the entry to the end of the Map's order.
  state.memory.delete(key);
  state.memory.set(key, entry);
  return entry;
}

function memoryDelete(/** @type {string} */ key) {
  const entry = state.memory.get(key);
  if (!entry) return;
  state.memory.delete(key);
  state.memoryBytes -= entry.size;
}

function memorySet(/** @type {string} */ key, /** @type {Entry} */ entry) {
  memoryDelete(key);
  if (entry.size > maxMemoryBytes / 4) return;
  state.memory.set(key, entry);
  state.memoryBytes += entry.size;
  for (const oldest of state.memory.keys()) {
    if (state.memoryBytes <= maxMemoryBytes) break;
    memoryDelete(oldest);
  }
}

export default class PageCacheHandler {
  /** @param {{ serverDistDir?: string }} context */
  constructor(context) {
    this.entryPrefix = `${process.env.REDIS_KEY_PREFIX ?? prefix}${buildIdOf(context?.serverDistDir)}:entry:`;
  }

  /**
   * @param {string} key
   * @param {any} ctx
   */
  async get(key, ctx) {
    const now = Date.now();
    noteStart(key, ctx, now);
    /** @type {Entry | null} */
    let entry = null;
    if (state.mode === 'memory') {
      entry = memoryGet(key);
    } else {
      const client = redisTrusted();
      if (!client) {
        state.stats.untrusted += 1;
        return null;
      }
      try {
        const stored = await timed(client.get(this.entryPrefix + key));
        if (stored) {
          entry = JSON.parse(stored, reviver);
          const tags = entry ? judgedTags(entry, ctx) : [];
          if (entry && tags.length) {
            const expiries = await timed(client.hmGet(expiryKey, tags));
            expiries.forEach((raw, index) => raw && noteExpiry(/** @type {string} */ (tags[index]), Number(raw)));
          }
        }
      } catch (error) {
        redisFailed(error);
        return null;
      }
      // Checked again after the awaits: Redis may have failed or an expiry may have come meanwhile.
      if (!redisTrusted()) return null;
    }
    if (!entry) {
      state.stats.misses += 1;
      return null;
    }
    if (expiredLocally(judgedTags(entry, ctx), entry.lastModified)) {
      state.stats.refused += 1;
      if (state.mode === 'memory') memoryDelete(key);
      return null;
    }
    state.stats.hits += 1;
    // No render follows a hit. Next reads a page key again only when no render of it is under way in
    // this process (its response cache joins concurrent requests), so the start noted by this read
    // belongs to no render: dropped, it cannot date the next render (after an expiry) too early.
    if (ctx?.kind !== 'FETCH') state.starts.delete(`page:${key}`);
    if (entry.value && typeof entry.value === 'object') state.givenOut.set(entry.value, entry.lastModified);
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
  }

  /**
   * @param {string} key
   * @param {any} value
   * @param {any} ctx
   */
  async set(key, value, ctx) {
    // A page's CSP (the nonce its scripts carry) and its Cache-Control for CDNs belong to this render:
    // added to its headers first, so the render's own response and every later hit send them
    // (lib/security/page-headers.mjs, docs/decisions/0007-content-security-policy.md).
    addRenderHeaders(key, value);
    // Every page or route handler stored is one render that finished: the herd test and the news-day
    // bench count them (one render of home per publish and instance, however many readers wait).
    if (value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE') {
      state.stats.pageRenders += 1;
      if (isHomeKey(key)) state.stats.homeRenders += 1;
    }
    // Next stores the entry it served again when a render fails: it keeps its own time (and so stays
    // as stale as it was); anything else is stamped with the start of the render that made it.
    const given = value && typeof value === 'object' ? state.givenOut.get(value) : undefined;
    const stamp = given ?? takeStart(key, ctx);
    const storedValue = value?.kind === 'FETCH' ? { ...value, tags: ctx?.tags ?? value.tags } : state.mode === 'memory' ? ownedValue(value) : value;
    const tags = tagsOf(value, ctx);
    // Already older than an expiry of one of its tags: it would never be served.
    if (expiredLocally(tags, stamp)) return;
    /** @type {Entry} */
    const entry = { value: storedValue, lastModified: stamp, cacheControl: ctx?.cacheControl, tags, size: entryBytes(key, storedValue) };
    if (state.mode === 'memory') {
      if (value == null) memoryDelete(key);
      else memorySet(key, entry);
      state.stats.stored += 1;
      return;
    }
    const client = redisTrusted();
    if (!client) return;
    try {
      // A 404 is never kept in the shared cache (and drops what the key held: the page is gone).
      if (value == null || value.status === 404) {
        await timed(client.del(this.entryPrefix + key));
        return;
      }
      const cacheControl = ctx?.cacheControl;
      const lifetime = typeof cacheControl?.expire === 'number' ? cacheControl.expire : typeof value.revalidate === 'number' ? value.revalidate * 2 : DEFAULT_TTL_SECONDS;
      const ttl = Math.max(60, Math.min(Math.ceil(lifetime), DEFAULT_TTL_SECONDS));
      const { size: _size, ...stored } = entry;
      await timed(client.set(this.entryPrefix + key, JSON.stringify(encode(stored)), { EX: ttl }));
      state.stats.stored += 1;
    } catch (error) {
      redisFailed(error);
    }
  }

  /**
   * revalidateTag()/revalidatePath() called by code: an immediate expiry, here and (with Redis) for
   * every instance. Lede's own writes go through the outbox instead (lib/cache/outbox.ts).
   * @param {string | string[]} tags
   */
  async revalidateTag(tags) {
    const list = typeof tags === 'string' ? [tags] : tags;
    if (!list.length) return;
    const at = state.mode === 'redis' ? await expireShared(`direct-${Date.now()}-${Math.random().toString(36).slice(2)}`, list) : Date.now();
    expireLocal(list, at);
  }

  resetRequestCache() {}
}

function buildIdOf(/** @type {string | undefined} */ serverDistDir) {
  try {
    return fs.readFileSync(path.join(serverDistDir ?? '', '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'dev';
  }
}

// ---- the outbox's side (lib/cache/outbox.ts) ---------------------------------------------------------

/** Expires tags in this process at `at` (ms): entries stamped at or before it are never served again. */
export function expireLocal(/** @type {readonly string[]} */ tags, /** @type {number} */ at) {
  for (const tag of tags) noteExpiry(tag, at);
}

/**
 * Expires tags in Redis for every instance, once per refresh: the first instance to carry out refresh
 * `id` fixes its time, later ones (and retries) reuse it. Returns that time. Throws when Redis does
 * not answer: the caller keeps the refresh pending and the cache untrusted.
 * @param {string} id
 * @param {readonly string[]} tags
 * @returns {Promise<number>}
 */
export async function expireShared(id, tags) {
  const client = redisClient() ?? (await connected());
  if (!client) throw new Error('Redis is not connected');
  const at = await timed(client.eval(EXPIRE_SCRIPT, { keys: [expiryKey, `${prefix}refresh:${id}`], arguments: [String(Date.now()), ...tags] }));
  return Number(at);
}

/** What the outbox tells the cache: whether it carried out every refresh it knows of. */
export function setOutboxState(/** @type {{ synced?: boolean, behind?: boolean }} */ update) {
  if (update.synced !== undefined) state.outboxSynced = update.synced;
  if (update.behind !== undefined) state.outboxBehind = update.behind;
}

/** True once after Redis came back: the outbox checks the recent refreshes again. */
export function takeResyncNeeded() {
  const needed = state.resyncNeeded;
  state.resyncNeeded = false;
  return needed && state.mode === 'redis';
}

export function pageCacheMode() {
  return state.mode;
}

/** For /status and benchmarks. */
export function pageCacheStatus() {
  return {
    mode: state.mode,
    trusted: state.mode === 'memory' || Boolean(redisTrusted()),
    redisConnected: state.mode === 'redis' ? Boolean(state.client?.isReady) : null,
    outboxBehind: state.outboxBehind,
    entries: state.mode === 'memory' ? state.memory.size : null,
    bytes: state.mode === 'memory' ? state.memoryBytes : null,
    ...state.stats,
  };
}

/** For tests and scripts that end: closes the shared connection. */
export async function closePageCache() {
  const client = state.client;
  state.client = undefined;
  if (!client) return;
  if (client.isReady) await client.close().catch(() => client.destroy());
  else client.destroy();
}
