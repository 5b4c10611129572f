// What the newsroom reads from the request itself: the client's address (for throttling and the
// audit log) and whether a state-changing request came from our own pages.
import { headers } from 'next/headers';
import { clientAddressHeader, clientAddressStamped } from '@/lib/auth/forwarded.mjs';
import { config } from '@/lib/config';

type HeaderBag = { get(name: string): string | null };

/**
 * The client's address, as the server entry (scripts/serve.mjs) stamped it from the socket, or from
 * X-Forwarded-For when the socket's peer is one of TRUSTED_PROXIES (lib/auth/forwarded.mjs). Served
 * any other way (a bare `next start`), no header can be believed: the address is unknown ('') and every
 * such client shares one address throttle, which the per-account rules still make safe.
 */
export function clientAddressFrom(bag: HeaderBag, stamped: boolean = clientAddressStamped()): string {
  if (!stamped) return '';
  return (bag.get(clientAddressHeader) ?? '').slice(0, 100);
}

/**
 * True only for a request made by a page of this site. Next refuses a server action whose Origin names
 * another host, but runs one with no Origin at all; a state change without proof of origin is refused
 * here. Browsers send Origin on every POST, and Sec-Fetch-Site on every request they make.
 */
export function isSameOriginRequest(bag: HeaderBag, stamped: boolean = clientAddressStamped()): boolean {
  const origin = bag.get('origin');
  const fetchSite = bag.get('sec-fetch-site');
  if (fetchSite && fetchSite !== 'same-origin') return false;
  if (!origin || origin === 'null') return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const hosts = new Set<string>([new URL(config.SITE_URL).host]);
  const host = bag.get('host');
  if (host) hosts.add(host);
  // Under the server entry a remaining X-Forwarded-Host came from a trusted proxy; otherwise anyone wrote it.
  const forwardedHost = stamped ? bag.get('x-forwarded-host') : null;
  if (forwardedHost) hosts.add(forwardedHost.split(',')[0]!.trim());
  return hosts.has(originHost);
}

export async function requestContext(): Promise<{ ip: string; userAgent: string; sameOrigin: boolean }> {
  const bag = await headers();
  return { ip: clientAddressFrom(bag), userAgent: bag.get('user-agent') ?? '', sameOrigin: isSameOriginRequest(bag) };
}
