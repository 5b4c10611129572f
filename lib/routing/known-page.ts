// The way past the request proxy (issue 14, docs/decisions/0026-proxy-off-the-cached-path.md). Next
// runs a proxy at a fixed cost per request (half a trivial page's throughput on the bench machine),
// which a cached page would pay only to be told "page". So Lede's server (scripts/serve.mjs) asks
// this, in memory and without I/O, for every request: when everything the proxy would decide is
// already known, the server marks the request with RESOLVED_HEADER, which the proxy's matcher skips
// (proxy.ts), and adds the headers the proxy would have added. Otherwise (null) the proxy runs as ever:
// - a method other than GET or HEAD (a form's post, the foreign-origin check);
// - an address Next would read otherwise than as sent (malformed percent-escapes -> 400, dot
//   segments, backslashes, characters the URL parser escapes);
// - the newsroom and search (rendered per request: their response policy comes from the proxy);
// - the database not answering at the last probe (the outage answer, lib/outage/answer.ts);
// - scheduled work pending, or its time not checked for 5 s (lib/articles/scheduling/due-trigger.ts):
//   the request that finds it runs it first, so an article that just fell due is served at once;
// - a path whose answer is not a remembered "page" (a first request, a move, a 404: the resolver).
import { dueWorkPending } from '@/lib/articles/scheduling/due-trigger';
import { config } from '@/lib/config';
import { databaseLastAnswered } from '@/lib/db/availability';
import { hasMalformedEscapes } from '@/lib/routing/malformed';
import { countPassedBy } from '@/lib/routing/known-answers';
import { isKnownPage } from '@/lib/routing/resolve-path';
import { renderedPerRequest, renderPolicy, strictTransportSecurity } from '@/lib/security/request-policy';

/** The request header that makes the proxy's matcher skip a request: proxy.ts names it literally
 * (Next reads the matcher without running code), a test checks the two agree. The server removes any
 * a client sends, so only the server sets it. */
export const RESOLVED_HEADER = 'x-lede-resolved';

export type PastTheProxy = {
  /** Set on the request before Next sees it: the mark, and the policy with this render's nonce. */
  requestHeaders: Record<string, string>;
  /** Set on the response first: Strict-Transport-Security on an https site. */
  responseHeaders: Record<string, string>;
};

/** What the server must add to hand the request for `url` (as on the request line) straight to Next,
 * or null when the proxy has something to decide. */
export function pastTheProxy(method: string, url: string, now: number = Date.now(), siteUrl: string = config.SITE_URL): PastTheProxy | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  if (!url.startsWith('/')) return null;
  const queryAt = url.indexOf('?');
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  if (hasMalformedEscapes(pathname)) return null;
  // The path Next routes is the URL parser's reading of it: any other spelling goes to the proxy.
  if (new URL(pathname, 'http://localhost').pathname !== pathname) return null;
  if (renderedPerRequest(pathname)) return null;
  if (!isKnownPage(pathname)) return null;
  if (dueWorkPending(now)) return null;
  // Last: it probes the database in the background once a second, as the proxy does.
  if (!databaseLastAnswered(now)) return null;
  const requestHeaders: Record<string, string> = { [RESOLVED_HEADER]: '1' };
  const policy = renderPolicy(pathname);
  if (policy) requestHeaders['content-security-policy'] = policy;
  const hsts = strictTransportSecurity(siteUrl);
  countPassedBy();
  return { requestHeaders, responseHeaders: hsts ? { 'strict-transport-security': hsts } : {} };
}

/** Called once at start (instrumentation.ts): the server, plain JavaScript outside the app's bundles,
 * finds the check on globalThis; until then (or without it) every request goes through the proxy. */
export function offerPastTheProxy(): void {
  (globalThis as unknown as { ledePastTheProxy?: typeof pastTheProxy }).ledePastTheProxy = (method, url) => pastTheProxy(method, url);
}
