// @ts-check
// Next's incremental cache (ISR pages, route handlers, unstable_cache data) in Redis, so that
// several `next start` instances share one cache and a revalidateTag on any of them expires the
// page on all of them. next.config.js installs it when REDIS_URL is set (docs/deploy.md).
//
// Plain JavaScript on purpose: Next loads this file itself at start, outside the app's bundles, so
// it cannot import lib/config.ts; it reads its two settings (REDIS_URL, REDIS_KEY_PREFIX) from the
// environment, which lib/config.ts validates for the app at the same start.
//
// Layout in Redis (every key under REDIS_KEY_PREFIX):
//   {prefix}{buildId}:entry:{cache key}  one cache entry (JSON), with a TTL; a new build never reads
//                                        an older build's pages (their HTML names other chunks)
//   {prefix}tags                         hash: tag → {"stale":ms,"expired":ms}, the revalidations
// Entries carry their tags (Next puts them in the x-next-cache-tags header of pages and in ctx.tags
// of data); a read compares them with the hash, so an expiry is seen by every instance on its very
// next read. Pages that answer 404 are never stored: random URLs cannot fill the cache, and a page
// that was a 404 before publication is rendered afresh once the article exists.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createClient } from '@redis/client';

const TAGS_HEADER = 'x-next-cache-tags';
/** Entries with no lifetime of their own (revalidate: false) are dropped after this many seconds. */
const DEFAULT_TTL_SECONDS = 30 * 24 * 3600;
/** A read slower than this counts as a miss: the page renders instead of waiting on Redis. */
const READ_TIMEOUT_MS = 1_000;
const WRITE_TIMEOUT_MS = 3_000;

/** @typedef {{ stale?: number, expired?: number }} TagState */

// One connection per process, shared by every handler instance Next makes (one per request).
/** @type {Promise<import('@redis/client').RedisClientType> | undefined} */
let connection;
/** @type {import('@redis/client').RedisClientType | undefined} */
let current;
let lastWarning = 0;

/** @param {unknown} error */
function warn(error) {
  // Redis down must not flood the log at every request: once every 10 s is enough to be seen.
  if (Date.now() - lastWarning < 10_000) return;
  lastWarning = Date.now();
  console.warn(`[cache] Redis: ${error instanceof Error ? error.message : String(error)} (serving without the shared cache)`);
}

function redis() {
  if (!connection) {
    const client = /** @type {import('@redis/client').RedisClientType} */ (
      createClient({
        url: process.env.REDIS_URL,
        // Fail fast while disconnected (a miss renders the page) and keep trying to reconnect.
        disableOfflineQueue: true,
        socket: { connectTimeout: 2_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) },
      })
    );
    client.on('error', warn);
    current = client;
    connection = client.connect().then(() => client);
    connection.catch(() => (connection = undefined));
  }
  return connection;
}

/**
 * @template T
 * @param {Promise<T>} work
 * @param {number} ms
 * @returns {Promise<T>}
 */
function within(work, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return /** @type {Promise<T>} */ (Promise.race([work, timeout]).finally(() => clearTimeout(timer)));
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
const serialise = (/** @type {unknown} */ value) => JSON.stringify(encode(value));

/** @param {any} value @param {any} ctx @returns {string[]} */
function tagsOf(value, ctx) {
  if (value?.kind === 'FETCH') return [...(ctx?.tags ?? value.tags ?? []), ...(ctx?.softTags ?? [])];
  const header = value?.headers?.[TAGS_HEADER];
  return typeof header === 'string' && header ? header.split(',') : [];
}

// Next's own tag bookkeeping for this process: mirroring Redis's states into it lets Next serve a
// page "stale while revalidating" after a revalidateTag(tag, 'max') made on another instance.
/** @type {Map<string, TagState> | undefined} */
let localTags;
try {
  const require = createRequire(path.join(process.cwd(), 'package.json'));
  localTags = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js').tagsManifest;
} catch {
  localTags = undefined;
}

function buildIdOf(/** @type {string | undefined} */ serverDistDir) {
  try {
    return fs.readFileSync(path.join(serverDistDir ?? '', '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'dev';
  }
}

export default class RedisCacheHandler {
  /** @param {{ serverDistDir?: string, revalidatedTags?: string[] }} context */
  constructor(context) {
    this.prefix = process.env.REDIS_KEY_PREFIX ?? 'lede:';
    this.entryPrefix = `${this.prefix}${buildIdOf(context.serverDistDir)}:entry:`;
    this.tagsKey = `${this.prefix}tags`;
    this.revalidatedTags = context.revalidatedTags ?? [];
  }

  /**
   * @param {string} key
   * @param {any} ctx
   */
  async get(key, ctx) {
    try {
      const client = await within(redis(), READ_TIMEOUT_MS);
      const stored = await within(client.get(this.entryPrefix + key), READ_TIMEOUT_MS);
      if (!stored) return null;
      const entry = JSON.parse(stored, reviver);
      const tags = tagsOf(entry.value, ctx);
      if (tags.some((tag) => this.revalidatedTags.includes(tag))) return null;
      if (tags.length) {
        const states = await within(client.hmGet(this.tagsKey, tags), READ_TIMEOUT_MS);
        const now = Date.now();
        for (const [index, raw] of states.entries()) {
          if (!raw) continue;
          /** @type {TagState} */
          const state = JSON.parse(raw);
          if (typeof state.expired === 'number' && state.expired <= now && state.expired > entry.lastModified) return null;
          localTags?.set(/** @type {string} */ (tags[index]), state);
        }
      }
      return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
    } catch (error) {
      warn(error);
      return null;
    }
  }

  /**
   * @param {string} key
   * @param {any} value
   * @param {any} ctx
   */
  async set(key, value, ctx) {
    try {
      const client = await within(redis(), WRITE_TIMEOUT_MS);
      // A 404 is never kept (and drops what the key held: the page is gone).
      if (value == null || value.status === 404) {
        await within(client.del(this.entryPrefix + key), WRITE_TIMEOUT_MS);
        return;
      }
      const cacheControl = ctx?.cacheControl;
      const lifetime = typeof cacheControl?.expire === 'number' ? cacheControl.expire : typeof value.revalidate === 'number' ? value.revalidate * 2 : DEFAULT_TTL_SECONDS;
      const ttl = Math.max(60, Math.min(Math.ceil(lifetime), DEFAULT_TTL_SECONDS));
      const entry = { lastModified: Date.now(), value: value.kind === 'FETCH' ? { ...value, tags: ctx?.tags ?? value.tags } : value, cacheControl };
      await within(client.set(this.entryPrefix + key, serialise(entry), { EX: ttl }), WRITE_TIMEOUT_MS);
    } catch (error) {
      warn(error);
    }
  }

  /**
   * Same rules as Next's own file-system cache: a tag becomes stale now, and expires now (no
   * durations: an immediate expiry) or after durations.expire seconds.
   * @param {string | string[]} tags
   * @param {{ expire?: number }} [durations]
   */
  async revalidateTag(tags, durations) {
    const list = typeof tags === 'string' ? [tags] : tags;
    if (!list.length) return;
    const now = Date.now();
    try {
      const client = await within(redis(), WRITE_TIMEOUT_MS);
      const current = await within(client.hmGet(this.tagsKey, list), WRITE_TIMEOUT_MS);
      /** @type {Record<string, string>} */
      const updates = {};
      list.forEach((tag, index) => {
        /** @type {TagState} */
        const state = current[index] ? JSON.parse(/** @type {string} */ (current[index])) : {};
        const next = durations ? { ...state, stale: now, ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}) } : { ...state, expired: now };
        updates[tag] = JSON.stringify(next);
        localTags?.set(tag, next);
      });
      await within(client.hSet(this.tagsKey, updates), WRITE_TIMEOUT_MS);
    } catch (error) {
      // A lost expiry would leave stale pages on the other instances: say so loudly.
      console.error(`[cache] Redis: could not expire ${list.join(', ')}: ${error instanceof Error ? error.message : String(error)}`);
      throw error;
    }
  }

  resetRequestCache() {}
}

/** For tests and scripts that end: closes the shared connection. */
export async function closeRedisCache() {
  const client = current;
  connection = undefined;
  current = undefined;
  if (!client) return;
  if (client.isReady) await client.close().catch(() => client.destroy());
  else client.destroy();
}
