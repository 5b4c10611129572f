// @ts-check
// The view beacon, answered by scripts/serve.mjs before Next (docs/decisions/0022-audience-counts.md):
// `POST /api/views?article=<id>` adds one view to the in-memory counter and answers 204 at once;
// every `intervalMs` ONE request carries everything counted to the app's internal route, which writes
// it in one transaction. Next's pipeline (and the request proxy) would cost far more per beacon than
// the count itself. Nothing of the request is kept: not its address, not its user agent (read here
// only to leave known bots uncounted), no cookie is read or set.
import crypto from 'node:crypto';
import http from 'node:http';
import { isbot } from 'isbot';
import { parseArticleId } from './counter.mjs';

export const BEACON_PATH = '/api/views';
export const FLUSH_PATH = '/api/internal/audience';
/** The header carrying the per-process secret of the flush (lib/audience/flush-secret.ts reads it). */
export const FLUSH_SECRET_HEADER = 'x-lede-audience';
/** Where serve.mjs leaves the per-process secret for the route (same process; never written to disk). */
export const FLUSH_SECRET_ENV = 'LEDE_AUDIENCE_SECRET';
/** Most views one flush carries; the rest waits for the next one. */
export const MAX_FLUSH_ENTRIES = 20_000;

const answerHeaders = { 'Cache-Control': 'no-store', 'Content-Length': '0' };

/** A refusal that says what is wrong (a script that calls the beacon wrongly is told how to call it). */
function refuse(/** @type {http.ServerResponse} */ response, /** @type {number} */ status, /** @type {string} */ message, /** @type {Record<string, string>} */ extra = {}) {
  const body = Buffer.from(`${message}\n`);
  response.writeHead(status, { 'Cache-Control': 'no-store', 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length), ...extra });
  response.end(body);
}

// isbot's one large expression costs tens of microseconds a call, as much as the rest of a beacon;
// readers' user agents are few thousand strings, so each one's verdict is remembered (in memory only,
// never with an article or an address; the whole memory is dropped when it fills).
const MAX_AGENT_VERDICTS = 5_000;
/** @type {Map<string, boolean>} */
const agentVerdicts = new Map();

/** A known bot, or no user agent at all (browsers always send one). */
export function isBotAgent(/** @type {string | undefined} */ agent) {
  if (!agent) return true;
  let verdict = agentVerdicts.get(agent);
  if (verdict === undefined) {
    verdict = isbot(agent);
    if (agentVerdicts.size >= MAX_AGENT_VERDICTS) agentVerdicts.clear();
    agentVerdicts.set(agent, verdict);
  }
  return verdict;
}

/** True when the request was the beacon's (answered here), false when it is for Next. */
export function answerBeacon(
  /** @type {http.IncomingMessage} */ request,
  /** @type {http.ServerResponse} */ response,
  /** @type {{ count(id: number): boolean }} */ counter,
) {
  const url = request.url ?? '';
  if (url !== BEACON_PATH && !url.startsWith(`${BEACON_PATH}?`)) return false;
  // A beacon has no body worth reading; drain whatever came so the connection stays usable.
  request.resume();
  if (request.method !== 'POST') {
    refuse(response, 405, 'The view beacon takes POST only: POST /api/views?article=<id>.', { Allow: 'POST' });
    return true;
  }
  const query = url.indexOf('?');
  const id = query < 0 ? null : parseArticleId(new URLSearchParams(url.slice(query + 1)).get('article'));
  if (id === null) {
    refuse(response, 400, 'The view beacon needs an article id, a whole number from 1: POST /api/views?article=<id>.');
    return true;
  }
  if (!isBotAgent(request.headers['user-agent'])) counter.count(id);
  response.writeHead(204, answerHeaders);
  response.end();
  return true;
}

/** A fresh secret for this process's flushes. */
export const newFlushSecret = () => crypto.randomBytes(32).toString('hex');

/**
 * Flushes the counter every `intervalMs` to this same server; one flush at a time. A failed flush
 * puts its views back (within the counter's caps), so a database that is briefly away loses nothing.
 * @param {{ counter: ReturnType<typeof import('./counter.mjs').createViewCounter>, port: number, secret: string, intervalMs?: number, onError?: (error: unknown) => void }} options
 */
export function startFlusher({ counter, port, secret, intervalMs = 1000, onError = () => {} }) {
  let running = false;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  async function flush() {
    if (running) return;
    running = true;
    const taken = counter.take();
    // Anything beyond one flush's size goes back at once for the next tick.
    const batch = taken.slice(0, MAX_FLUSH_ENTRIES);
    if (taken.length > MAX_FLUSH_ENTRIES) counter.restore(taken.slice(MAX_FLUSH_ENTRIES));
    try {
      if (batch.length) counter.learn(batch, await send(batch));
    } catch (error) {
      counter.restore(batch);
      onError(error);
    } finally {
      running = false;
    }
  }

  function send(/** @type {import('./counter.mjs').ViewCount[]} */ batch) {
    const body = JSON.stringify({ views: batch });
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          host: '127.0.0.1', port, path: FLUSH_PATH, method: 'POST', agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [FLUSH_SECRET_HEADER]: secret },
        },
        (response) => {
          /** @type {Buffer[]} */
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => {
            if (response.statusCode !== 200) return reject(new Error(`flush answered ${response.statusCode}`));
            try {
              const answer = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              resolve(Array.isArray(answer.unknown) ? answer.unknown.filter((/** @type {unknown} */ id) => Number.isInteger(id)) : []);
            } catch (error) {
              reject(error);
            }
          });
          response.on('error', reject);
        },
      );
      request.setTimeout(30_000, () => request.destroy(new Error('flush timed out')));
      request.on('error', reject);
      request.end(body);
    });
  }

  const timer = setInterval(() => void flush(), intervalMs);
  timer.unref();
  return {
    flush,
    /** Stops the timer and writes what is waiting (a graceful stop loses nothing). */
    async stop() {
      clearInterval(timer);
      while (running) await new Promise((resolve) => setTimeout(resolve, 20));
      await flush();
      agent.destroy();
    },
  };
}
