// @ts-check
// Lede's server: Next's request handler behind a plain Node HTTP server, so that every request is
// looked at on its socket first. Next only hands the app headers, and fills X-Forwarded-For from the
// socket only when the client sent none; here forwarded headers from anyone but a TRUSTED_PROXIES
// peer are dropped and the real client address is stamped (lib/auth/forwarded.mjs,
// docs/decisions/0008-sign-in-throttling.md). `npm start`, the e2e harness and the benchmark run it
// (scripts/support/next-build.ts); run it yourself as `PORT=3000 node scripts/serve.mjs` after a build.
import http from 'node:http';
import path from 'node:path';
import next from 'next';
import { compileTrust, markClientAddressStamped, parseTrustedProxies, stampClientAddress } from '../lib/auth/forwarded.mjs';
import { removeAppRecord, writeAppRecord } from '../lib/instance/app-record.mjs';
import { createAppServer } from '../lib/instance/http-server.mjs';
import { dataFolder, defaultDatabaseUrl } from '../lib/data-folder.mjs';
import { answerBeacon, FLUSH_SECRET_ENV, newFlushSecret, startFlusher } from '../lib/audience/beacon.mjs';
import { createViewCounter } from '../lib/audience/counter.mjs';
import { claimViewLog, createViewLogReader, positionFileFor, VIEW_LOG_ENV } from '../lib/audience/view-log.mjs';

const projectRoot = path.resolve(import.meta.dirname, '..');
// The data folder and default database lib/config.ts uses (this plain-JavaScript entry cannot load config).
const dataDir = dataFolder(projectRoot);
const databaseUrl = process.env.DATABASE_URL || defaultDatabaseUrl(dataDir);
const port = Number(process.env.PORT || 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`Lede's configuration is invalid:\n  PORT: must be a whole number from 1 to 65535`);
  process.exit(1);
}

/** @type {(address: string, hop: number) => boolean} */
let trust;
try {
  trust = compileTrust(parseTrustedProxies(process.env.TRUSTED_PROXIES ?? ''));
} catch (error) {
  console.error(`Lede's configuration is invalid:\n  TRUSTED_PROXIES: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

// nginx's view log (deploy/nginx.conf answers the beacon itself and writes the views there).
const viewLogFile = process.env[VIEW_LOG_ENV] || '';
if (viewLogFile && !path.isAbsolute(viewLogFile)) {
  console.error(`Lede's configuration is invalid:\n  ${VIEW_LOG_ENV}: must be an absolute path (nginx's lede-views.log), not ${JSON.stringify(viewLogFile)}`);
  process.exit(1);
}

process.env.NODE_ENV = 'production';
// The view beacon's counter and the secret of its flushes, known to this process only
// (lib/audience/beacon.mjs, docs/decisions/0022-audience-counts.md).
const flushSecret = newFlushSecret();
process.env[FLUSH_SECRET_ENV] = flushSecret;
const viewCounter = createViewCounter();
// Idle connections are kept longer than nginx or a load balancer keeps them (lib/instance/http-server.mjs).
const server = createAppServer();
// hostname and port are where Next reaches itself (a server action that redirects streams the next
// page from it); the origin variable is what `next start` sets for the same purpose.
const app = next({ dev: false, dir: projectRoot, hostname: 'localhost', port, httpServer: server });
await app.prepare();
const handle = app.getRequestHandler();
process.env.__NEXT_PRIVATE_ORIGIN = `http://localhost:${port}`;
markClientAddressStamped();

/** The app's check for a request whose every answer is known (lib/routing/known-page.ts), offered on
 * globalThis by instrumentation.ts once the app is prepared.
 * @typedef {(method: string, url: string) => { requestHeaders: Record<string, string>, responseHeaders: Record<string, string> } | null} PastTheProxy */
const globalForServer = /** @type {{ ledePastTheProxy?: PastTheProxy }} */ (globalThis);
// Only this server marks a request as resolved, and only it or the proxy names the nonce a render
// stamps on its scripts (a reader's own would be cached with the page for everyone).
const setHereOnly = ['x-lede-resolved', 'content-security-policy', 'content-security-policy-report-only'];

/** @param {http.IncomingMessage} request @param {http.ServerResponse} response */
function passTheProxyWhenKnown(request, response) {
  for (const name of setHereOnly) delete request.headers[name];
  let past = null;
  try {
    past = request.method && request.url ? (globalForServer.ledePastTheProxy?.(request.method, request.url) ?? null) : null;
  } catch (error) {
    // The proxy decides instead.
    console.error(error);
  }
  if (!past) return;
  Object.assign(request.headers, past.requestHeaders);
  for (const [name, value] of Object.entries(past.responseHeaders)) response.setHeader(name, value);
}

server.on('request', (request, response) => {
  // The view beacon is answered here, before Next: thousands a second cost a Map increment each.
  if (answerBeacon(request, response, viewCounter)) return;
  stampClientAddress(request, trust);
  passTheProxyWhenKnown(request, response);
  handle(request, response).catch((/** @type {unknown} */ error) => {
    console.error(error);
    if (!response.headersSent) response.statusCode = 500;
    response.end();
  });
});
server.on('error', (error) => {
  console.error(`Lede could not listen on port ${port}: ${error.message}`);
  process.exit(1);
});
// Counted views reach the database every second (a kill -9 loses at most the last one).
const flushEveryMs = Number(process.env.LEDE_AUDIENCE_FLUSH_MS || 1000);
/** @type {ReturnType<typeof startFlusher> | null} */
let flusher = null;
/** @type {ReturnType<typeof createViewLogReader> | null} */
let viewLogReader = null;
/** @type {(() => void) | null} */
let releaseViewLog = null;
let lastFlushError = 0;
server.listen(port, () => {
  flusher = startFlusher({
    counter: viewCounter, port, secret: flushSecret, intervalMs: flushEveryMs,
    onError: (error) => {
      // Once a minute at most: a database outage would otherwise log every second.
      if (Date.now() - lastFlushError < 60_000) return;
      lastFlushError = Date.now();
      console.warn(`Lede could not write counted views (kept for the next try): ${error instanceof Error ? error.message : String(error)}`);
    },
  });
  if (viewLogFile) startViewLogReader();
  // Where the CLIs on this machine find this app (lib/instance/address.ts); gone again when it stops
  // (a killed process leaves it behind, naming a pid readers see is gone).
  const address = server.address();
  const host = typeof address === 'object' && address ? address.address : '';
  try {
    writeAppRecord(dataDir, { port, host, databaseUrl });
  } catch (error) {
    console.warn(`Lede could not record where it listens in ${dataDir}: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`Lede is listening on port ${port}.`);
});
process.on('exit', () => {
  removeAppRecord(dataDir, port);
  releaseViewLog?.();
});

/** Counts what nginx logged, into the same counter and flushes as the beacon answered here. */
function startViewLogReader() {
  const positionFile = positionFileFor(dataDir, viewLogFile);
  releaseViewLog = claimViewLog(`${positionFile}.lock`);
  if (!releaseViewLog) {
    console.warn(`Lede is not reading ${viewLogFile}: another Lede process on this machine reads it (${positionFile}.lock), and two would count every view twice.`);
    return;
  }
  let lastError = 0;
  viewLogReader = createViewLogReader({
    file: viewLogFile, positionFile, counter: viewCounter, intervalMs: flushEveryMs,
    onError: (error) => {
      if (Date.now() - lastError < 60_000) return;
      lastError = Date.now();
      console.warn(`Lede could not read the view log ${viewLogFile}: ${error instanceof Error ? error.message : String(error)}`);
    },
  });
  viewLogReader.start();
  console.log(`Lede counts the views nginx writes to ${viewLogFile}.`);
}

// Like `next start`: stop taking connections, finish what is in flight, then leave.
let stopping = false;
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    // What the beacon counted since the last flush (and what nginx logged since the last read),
    // written while the server still takes its own request.
    viewLogReader?.stop();
    await flusher?.stop().catch(() => {});
    server.close(() => {
      app.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
    // Keep-alive connections would hold close() open: idle ones go now, busy ones after their answer.
    server.closeIdleConnections();
    setTimeout(() => process.exit(signal === 'SIGINT' ? 130 : 143), 10_000).unref();
  });
}
