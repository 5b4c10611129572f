// What the newsroom reads from the request itself: the client's address (for throttling and the
// audit log) and whether a state-changing request came from our own pages.
import { headers } from 'next/headers';
import { config } from '@/lib/config';

type HeaderBag = { get(name: string): string | null };

/**
 * The client's address. Lede expects one reverse proxy in front that appends the peer to
 * X-Forwarded-For, so the LAST entry is the one a client cannot choose; with no proxy Next fills the
 * header with the socket's address. (Exposed directly, a client can name any address: the per-account
 * throttle still holds.)
 */
export function clientAddressFrom(bag: HeaderBag): string {
  const forwarded = bag.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return (last ?? bag.get('x-real-ip') ?? '').slice(0, 100);
}

/**
 * True only for a request made by a page of this site. Next refuses a server action whose Origin names
 * another host, but runs one with no Origin at all; a state change without proof of origin is refused
 * here. Browsers send Origin on every POST, and Sec-Fetch-Site on every request they make.
 */
export function isSameOriginRequest(bag: HeaderBag): boolean {
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
  const forwardedHost = bag.get('x-forwarded-host');
  if (forwardedHost) hosts.add(forwardedHost.split(',')[0]!.trim());
  return hosts.has(originHost);
}

export async function requestContext(): Promise<{ ip: string; userAgent: string; sameOrigin: boolean }> {
  const bag = await headers();
  return { ip: clientAddressFrom(bag), userAgent: bag.get('user-agent') ?? '', sameOrigin: isSameOriginRequest(bag) };
}
