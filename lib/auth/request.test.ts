import { describe, expect, it } from 'vitest';
import { clientAddressHeader, compileTrust, parseTrustedProxies, stampClientAddress } from '@/lib/auth/forwarded.mjs';
import { clientAddressFrom, isSameOriginRequest } from '@/lib/auth/request';
import { can, canEditArticle } from '@/lib/auth/roles';

const bag = (headers: Record<string, string>) => ({ get: (name: string) => headers[name] ?? null });

describe('isSameOriginRequest', () => {
  it('accepts a POST from our own pages', () => {
    expect(isSameOriginRequest(bag({ origin: 'http://localhost:3300', host: 'localhost:3300', 'sec-fetch-site': 'same-origin' }))).toBe(true);
  });
  it('refuses another origin, a missing Origin, "null" and cross-site fetch metadata', () => {
    expect(isSameOriginRequest(bag({ origin: 'https://evil.example', host: 'localhost:3300' }))).toBe(false);
    expect(isSameOriginRequest(bag({ host: 'localhost:3300' }))).toBe(false);
    expect(isSameOriginRequest(bag({ origin: 'null', host: 'localhost:3300' }))).toBe(false);
    expect(isSameOriginRequest(bag({ origin: 'http://localhost:3300', host: 'localhost:3300', 'sec-fetch-site': 'cross-site' }))).toBe(false);
    expect(isSameOriginRequest(bag({ origin: 'not a url', host: 'localhost:3300' }))).toBe(false);
  });
});

describe('clientAddressFrom and forwarded headers', () => {
  const noProxies = compileTrust(parseTrustedProxies(''));

  it('does not let a client choose its address with X-Forwarded-For when no proxy is trusted', () => {
    // A client talking to Lede directly writes the header itself: it must not name the throttled address.
    expect(clientAddressFrom(bag({ 'x-forwarded-for': '6.6.6.6' }))).not.toBe('6.6.6.6');
    const request = {
      socket: { remoteAddress: '203.0.113.9' },
      headers: { host: 'localhost:3300', 'x-forwarded-for': '6.6.6.6', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', forwarded: 'for=6.6.6.6', 'x-real-ip': '6.6.6.6', [clientAddressHeader]: '7.7.7.7' } as Record<string, string>,
    };
    expect(stampClientAddress(request, noProxies)).toBe('203.0.113.9');
    expect(request.headers).toEqual({ host: 'localhost:3300', [clientAddressHeader]: '203.0.113.9' });
    expect(clientAddressFrom(bag(request.headers), true)).toBe('203.0.113.9');
    // An IPv4 peer on a dual-stack socket reads as plain IPv4.
    expect(stampClientAddress({ socket: { remoteAddress: '::ffff:198.51.100.4' }, headers: {} }, noProxies)).toBe('198.51.100.4');
  });

  it('takes the client that trusted proxies name, and nothing a client wrote before them', () => {
    const trust = compileTrust(parseTrustedProxies('10.0.0.0/8, loopback'));
    const behindTwo = { socket: { remoteAddress: '127.0.0.1' }, headers: { 'x-forwarded-for': '6.6.6.6, 198.51.100.20, 10.1.2.3', 'x-forwarded-host': 'news.example.org' } as Record<string, string> };
    expect(stampClientAddress(behindTwo, trust)).toBe('198.51.100.20');
    expect(behindTwo.headers['x-forwarded-host']).toBe('news.example.org');
    expect(clientAddressFrom(bag(behindTwo.headers), true)).toBe('198.51.100.20');
    // The same headers from a peer outside the list are dropped.
    const direct = { socket: { remoteAddress: '192.0.2.50' }, headers: { 'x-forwarded-for': '198.51.100.20' } as Record<string, string> };
    expect(stampClientAddress(direct, trust)).toBe('192.0.2.50');
    expect(direct.headers['x-forwarded-for']).toBeUndefined();
  });

  it('believes the stamped address only under the server entry, and refuses a bad TRUSTED_PROXIES', () => {
    expect(clientAddressFrom(bag({ [clientAddressHeader]: '6.6.6.6' }), false)).toBe('');
    expect(() => parseTrustedProxies('10.0.0.0/8, nginx.local')).toThrow(/"nginx.local" is not an IP address/);
    expect(parseTrustedProxies(' 127.0.0.1 ,::1  10.0.0.0/8')).toEqual(['127.0.0.1', '::1', '10.0.0.0/8']);
  });

  it('ignores X-Forwarded-Host in the origin check unless a trusted proxy sent it', () => {
    const spoofed = { origin: 'https://evil.example', host: 'localhost:3300', 'x-forwarded-host': 'evil.example' };
    expect(isSameOriginRequest(bag(spoofed))).toBe(false);
    expect(isSameOriginRequest(bag({ origin: 'https://news.example.org', host: 'localhost:3300', 'x-forwarded-host': 'news.example.org' }), true)).toBe(true);
  });
});

describe('roles', () => {
  it('lets writers write but not publish, and only their own unpublished articles', () => {
    expect(can('writer', 'article.create')).toBe(true);
    expect(can('writer', 'article.publish')).toBe(false);
    expect(can('editor', 'article.publish')).toBe(true);
    expect(can('editor', 'users.manage')).toBe(false);
    expect(can('admin', 'users.manage')).toBe(true);
    const writer = { id: 5, role: 'writer' as const };
    expect(canEditArticle(writer, { authorId: 5, status: 'draft' })).toBe(true);
    expect(canEditArticle(writer, { authorId: 5, status: 'published' })).toBe(false);
    expect(canEditArticle(writer, { authorId: 6, status: 'draft' })).toBe(false);
    expect(canEditArticle({ id: 1, role: 'editor' }, { authorId: 6, status: 'published' })).toBe(true);
  });
});
