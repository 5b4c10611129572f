// @ts-check
// The response headers that belong to a rendered page: its Content-Security-Policy (with the nonce
// Next stamped on its own scripts) and what a CDN may do with it (Cache-Control). Decision:
// docs/decisions/0007-content-security-policy.md; overview: docs/security.md "Response headers".
//
// Plain JavaScript on purpose: the page cache handler (lib/cache/page-cache-handler.mjs), which Next
// loads outside the app's bundles, stores these headers with each render; the proxy uses the same
// policies for pages that are never cached. Settings come from the environment, which lib/config.ts
// validates for the app (PUBLIC_CACHE_SECONDS, PUBLIC_STALE_SECONDS).

import { embedFrameOrigins } from '../articles/body/embed-origins.mjs';

/** @typedef {'public' | 'newsroom' | 'preview'} PolicyKind */

/**
 * The only origins a public page may frame: where article embeds load from once a reader asks
 * (components/article/blocks/EmbedFrame.tsx), listed once in lib/articles/body/embed-origins.mjs.
 */
export const frameSources = embedFrameOrigins;

const common = ["style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:"];

/**
 * The policy of a page. Scripts run only when they carry the nonce (Next's own, stamped at render) or
 * were loaded by one that does ('strict-dynamic'); a <script> or an on* handler that reaches a page
 * through stored HTML has neither. 'self' only serves browsers without CSP 3, which ignore
 * 'strict-dynamic'. Styles stay 'unsafe-inline': React and next/image write style attributes.
 * @param {PolicyKind} kind
 * @param {string | null} nonce
 */
export function contentSecurityPolicy(kind, nonce) {
  const scripts = nonce ? `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'` : "script-src 'self'";
  if (kind === 'public') {
    return [
      "default-src 'self'",
      scripts,
      ...common,
      "media-src 'self'",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      `frame-src ${frameSources.join(' ')}`,
    ].join('; ');
  }
  // The newsroom: blob: media for upload previews; nothing framed, no workers, no manifest, no <base>.
  // Its article preview ('preview') shows the page as readers get it, embeds included: the same
  // policy, with the public page's frame-src (the embed origins, loaded only on a click).
  return [
    "default-src 'self'",
    scripts,
    ...common,
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    kind === 'preview' ? `frame-src ${frameSources.join(' ')}` : "frame-src 'none'",
    "worker-src 'none'",
    "manifest-src 'none'",
  ].join('; ');
}

/** A fresh nonce: 16 random bytes in base64 (the form Next reads from the request's policy). */
export function newNonce() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Whole seconds from the environment, or the default when absent or not a whole number. */
function seconds(/** @type {string | undefined} */ raw, /** @type {number} */ fallback) {
  return raw !== undefined && /^\d{1,7}$/.test(raw.trim()) ? Number(raw.trim()) : fallback;
}

/**
 * What shared caches may do with a public response. Next's own cache keeps every page until a change
 * expires it (on demand, docs/caching.md); a CDN cannot be told of that expiry, so it gets a short
 * lifetime instead: a change reaches every reader within s-maxage + stale-while-revalidate seconds.
 * Browsers revalidate every time (max-age=0; pages carry an ETag, so that is a 304).
 * @param {Record<string, string | undefined>} [env]
 */
export function publicCacheControl(env = process.env) {
  const shared = seconds(env.PUBLIC_CACHE_SECONDS, 30);
  const stale = seconds(env.PUBLIC_STALE_SECONDS, 30);
  return `public, max-age=0, s-maxage=${shared}${stale > 0 ? `, stale-while-revalidate=${stale}` : ''}`;
}

/**
 * The nonce of Next's scripts in a rendered page: the first `nonce` attribute of the document's head
 * (Next's script tags and preloads come there, before any article text, which lives in the body).
 * @param {string} html
 */
export function nonceOfPage(html) {
  const bodyAt = html.indexOf('<body');
  const head = bodyAt === -1 ? html : html.slice(0, bodyAt);
  return head.match(/<(?:script|link)\b[^>]*\snonce="([A-Za-z0-9+/_=-]+)"/)?.[1] ?? null;
}

/**
 * Called by the page cache handler for every page render it is given, before anything else: adds the
 * headers that belong to this render to the entry's headers, which Next sends with the render itself
 * (the entry's headers object is the one the response is built from) and with every hit after it.
 * Only what Next caches passes here; dynamic pages (search, the newsroom) and errors keep the
 * proxy's and Next's own headers.
 * @param {string} key the cache key Next stores the render under
 * @param {any} value
 * @param {Record<string, string | undefined>} [env]
 */
export function addRenderHeaders(key, value, env = process.env) {
  if (value?.kind !== 'APP_PAGE' || typeof value.html !== 'string') return;
  value.headers ??= {};
  // The benchmark's server without a policy (lib/security/request-policy.ts); never set in production.
  if (env.LEDE_BENCH_NO_CSP !== '1') value.headers['content-security-policy'] = contentSecurityPolicy('public', nonceOfPage(value.html));
  // Not for a 404: Next answers its not-found page (the key ends in /_not-found; its entry has no
  // status) with its own private, no-store, set before these headers are added, so a public one here
  // would contradict it. A CDN keeps no 404 for a page that may be published the next second.
  const notFound = key.endsWith('/_not-found') || (value.status ?? 200) !== 200;
  if (!notFound) value.headers['cache-control'] = publicCacheControl(env);
}
