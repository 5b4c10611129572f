// The app's HTTP server and how long it keeps an idle connection. Plain JavaScript: scripts/serve.mjs
// loads it before anything is compiled.
//
// Node closes an idle keep-alive connection after 5 s by default. Whoever reuses connections to the
// app keeps them longer (nginx's upstream `keepalive` 60 s, a cloud load balancer 60 s, Playwright's
// and undici's clients): a request it sends on a connection at the moment Node closes it is reset.
// nginx retries only idempotent requests elsewhere, so the lost one is a newsroom POST, a save or a
// publish, answered 502 (an e2e run saw `read ECONNRESET` on one). The rule the field follows: the
// server waits longer than any client, so the client always closes first.
import http from 'node:http';

/** Longer than nginx's upstream keepalive_timeout (60 s, deploy/nginx.conf) and a load balancer's. */
export const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** Must exceed keepAliveTimeout, or Node may time out a request's headers on a reused connection. */
export const HEADERS_TIMEOUT_MS = 66_000;

/** @returns {http.Server} */
export function createAppServer() {
  const server = http.createServer();
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  return server;
}
