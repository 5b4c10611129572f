// What the proxy adds to every page request and its response (docs/security.md "Response headers",
// docs/decisions/0007-content-security-policy.md):
// - a fresh nonce, put in the REQUEST's Content-Security-Policy header: Next reads its nonce from there
//   and stamps it on every script it writes, so whatever renders now carries it;
// - the response's policy where no cached render brings its own: the newsroom and search, which are
//   rendered per request. Cached pages get theirs from the cache entry of the render they belong to
//   (lib/security/page-headers.mjs): a second policy with another nonce here would block their scripts;
// - Strict-Transport-Security when the public address is https.
import { NextResponse, type NextRequest } from 'next/server';
import { config } from '@/lib/config';
import { contentSecurityPolicy, newNonce, type PolicyKind } from '@/lib/security/page-headers.mjs';

/** Pages Next renders for each request (never cached): the response policy comes from here. */
export const renderedPerRequest = (path: string): boolean => path === '/admin' || path.startsWith('/admin/') || path === '/search';

/** The newsroom's article preview: the one newsroom page that may frame (embeds, on a click). */
const articlePreview = /^\/admin\/articles\/[^/]+\/preview\/?$/;

/** Which policy a path's page gets. */
export function policyKindOf(path: string): PolicyKind {
  if (articlePreview.test(path)) return 'preview';
  return path === '/admin' || path.startsWith('/admin/') ? 'newsroom' : 'public';
}

export function strictTransportSecurity(siteUrl: string): string | null {
  // Two years, the preload lists' minimum; no includeSubDomains: other hosts of the domain are not ours to decide.
  return siteUrl.startsWith('https://') ? 'max-age=63072000' : null;
}

export type RequestPolicy = {
  /** The request headers the render must see (the nonce), or null when nothing is to be added. */
  requestHeaders: Headers | null;
  /** Adds the response headers, and the request headers to a response that renders (next or rewrite). */
  apply: (response: NextResponse) => NextResponse;
};

/**
 * Makes the render behind `response` see `headers` as its request's. NextResponse.next() and
 * rewrite() take them as `{ request: { headers } }`, which Next carries as x-middleware-* response
 * headers; copying those lets the proxy's other steps (the resolver's 404 rewrite) stay unaware of the nonce.
 */
function forwardRequestHeaders(response: NextResponse, headers: Headers): void {
  const carrier = NextResponse.next({ request: { headers } });
  for (const [key, value] of carrier.headers) {
    if (key === 'x-middleware-override-headers' || key.startsWith('x-middleware-request-')) response.headers.set(key, value);
  }
}

// A benchmark hook, never for production: `npm run bench -- --scenario csp` starts one server with it
// to measure what the policy costs (docs/benchmarks.md). Read per request so one build serves both.
const policyOff = () => process.env.LEDE_BENCH_NO_CSP === '1';

/** The policy, with a fresh nonce, that whatever renders for `path` now must see as its request's;
 * null on the benchmark's server without one. The proxy and the server's way past it
 * (lib/routing/known-page.ts) both take it from here. */
export function renderPolicy(path: string): string | null {
  return policyOff() ? null : contentSecurityPolicy(policyKindOf(path), newNonce());
}

export function requestPolicy(request: NextRequest, siteUrl: string = config.SITE_URL): RequestPolicy {
  const path = request.nextUrl.pathname;
  const hsts = strictTransportSecurity(siteUrl);
  const policy = renderPolicy(path);
  let requestHeaders: Headers | null = null;
  if (policy) {
    requestHeaders = new Headers(request.headers);
    requestHeaders.set('content-security-policy', policy);
  }
  return {
    requestHeaders,
    apply(response) {
      // A redirect renders nothing; anything else renders with this request's nonce.
      if (requestHeaders && !response.headers.has('location')) forwardRequestHeaders(response, requestHeaders);
      if (policy && renderedPerRequest(path)) response.headers.set('content-security-policy', policy);
      if (hsts) response.headers.set('strict-transport-security', hsts);
      return response;
    },
  };
}
