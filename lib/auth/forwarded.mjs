// @ts-check
// Who is really on the other end of a request. Plain JavaScript because the server entry
// (scripts/serve.mjs) runs it on the raw Node request before Next sees it, and lib/auth/request.ts
// reads what it leaves behind.
//
// Forwarded headers (X-Forwarded-For, -Host, -Proto, Forwarded, X-Real-IP) are anyone's to write:
// they count only when the socket's peer is a proxy the operator named in TRUSTED_PROXIES. From any
// other peer they are deleted, so neither Lede nor Next itself (its server-action origin check, the
// URLs it builds) ever reads a value a client chose. The client's address, resolved once here with
// proxy-addr (the library Express uses), travels to the app in one header the server entry always
// overwrites: docs/decisions/0008-sign-in-throttling.md.
import proxyaddr from 'proxy-addr';

/** The header the server entry stamps with the resolved client address (any incoming one is dropped). */
export const clientAddressHeader = 'x-lede-client-address';

/** Headers that describe the hop before us, believed only from a trusted proxy. */
export const forwardedHeaders = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

const stampedMark = Symbol.for('lede.clientAddressStamped');

/**
 * TRUSTED_PROXIES as a list: addresses, CIDR ranges and proxy-addr's names (loopback, linklocal,
 * uniquelocal), separated by commas or spaces. Throws with a message naming the bad entry.
 * @param {string} text
 * @returns {string[]}
 */
export function parseTrustedProxies(text) {
  const entries = text.split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    try {
      proxyaddr.compile(entry);
    } catch {
      throw new Error(`"${entry}" is not an IP address, a CIDR range (10.0.0.0/8) or one of loopback, linklocal, uniquelocal`);
    }
  }
  return entries;
}

/**
 * @param {string[]} entries
 * @returns {(address: string, hop: number) => boolean}
 */
export const compileTrust = (entries) => proxyaddr.compile(entries);

/** "::ffff:203.0.113.9" (an IPv4 peer on a dual-stack socket) is written as 203.0.113.9. */
function plainAddress(/** @type {string} */ address) {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return (mapped ? mapped[1] : address) ?? '';
}

/**
 * Rewrites a raw request's headers in place: forwarded headers kept only from a trusted peer, and the
 * client's address stamped in clientAddressHeader (the peer itself, or the first untrusted hop that
 * the trusted proxies name in X-Forwarded-For, walking from the nearest).
 * @param {{ socket?: { remoteAddress?: string } | null, headers: Record<string, string | string[] | undefined> }} request
 * @param {(address: string, hop: number) => boolean} trust
 * @returns {string} the client address
 */
export function stampClientAddress(request, trust) {
  const peer = request.socket?.remoteAddress ?? '';
  delete request.headers[clientAddressHeader];
  const fromTrustedProxy = peer !== '' && trust(peer, 0);
  if (!fromTrustedProxy) for (const name of forwardedHeaders) delete request.headers[name];
  const client = fromTrustedProxy ? proxyaddr(/** @type {import('node:http').IncomingMessage} */ (/** @type {unknown} */ (request)), trust) : peer;
  const address = plainAddress(client).slice(0, 100);
  request.headers[clientAddressHeader] = address;
  return address;
}

/** Called once by the server entry: from now on clientAddressHeader is the server's word, not a client's. */
export function markClientAddressStamped() {
  /** @type {Record<symbol, unknown>} */ (globalThis)[stampedMark] = true;
}

/** True when this process serves through the server entry (so the stamped header can be believed). */
export function clientAddressStamped() {
  return /** @type {Record<symbol, unknown>} */ (globalThis)[stampedMark] === true;
}
