// The header values themselves: the CDN lifetime and its settings, the nonce found in a render, the
// headers a render gets in the cache, HSTS only on https. e2e/security-headers.spec.ts checks them on
// the wire and in Chromium.
import { NextRequest, NextResponse } from 'next/server';
import { describe, expect, it } from 'vitest';
import { addRenderHeaders, contentSecurityPolicy, frameSources, newNonce, nonceOfPage, publicCacheControl } from '@/lib/security/page-headers.mjs';
import { embedFrameOrigins } from '@/lib/articles/body/embeds';
import { requestPolicy, strictTransportSecurity } from '@/lib/security/request-policy';

describe('publicCacheControl', () => {
  it('gives CDNs 30 s and 30 s of stale-while-revalidate by default, never a year', () => {
    expect(publicCacheControl({})).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30');
  });
  it('takes PUBLIC_CACHE_SECONDS and PUBLIC_STALE_SECONDS; 0 drops stale-while-revalidate', () => {
    expect(publicCacheControl({ PUBLIC_CACHE_SECONDS: '5', PUBLIC_STALE_SECONDS: '0' })).toBe('public, max-age=0, s-maxage=5');
    expect(publicCacheControl({ PUBLIC_CACHE_SECONDS: '120', PUBLIC_STALE_SECONDS: '600' })).toBe('public, max-age=0, s-maxage=120, stale-while-revalidate=600');
  });
});

describe('frame-src', () => {
  it('public pages may frame exactly the embed origins, the newsroom nothing', () => {
    expect(frameSources).toEqual([...embedFrameOrigins]);
    const directives = contentSecurityPolicy('public', 'abc').split('; ');
    expect(directives.filter((directive) => directive.startsWith('frame-src'))).toEqual([
      'frame-src https://www.youtube-nocookie.com https://player.vimeo.com https://platform.twitter.com https://www.instagram.com https://www.tiktok.com https://w.soundcloud.com https://open.spotify.com https://datawrapper.dwcdn.net https://flo.uri.sh',
    ]);
    expect(contentSecurityPolicy('newsroom', 'abc').split('; ')).toContain("frame-src 'none'");
  });

  it("the newsroom's article preview may frame the embed origins, and is otherwise the newsroom's policy", () => {
    const framing = (path: string) =>
      requestPolicy(new NextRequest(`http://localhost:3000${path}`), 'http://localhost:3000').requestHeaders!.get('content-security-policy')!.split('; ')
        .filter((directive) => directive.startsWith('frame-src'));
    const embeds = `frame-src ${embedFrameOrigins.join(' ')}`;
    expect(framing('/admin/articles/12/preview')).toEqual([embeds]);
    expect(framing('/admin/articles/12')).toEqual(["frame-src 'none'"]);
    expect(framing('/admin/articles/12/preview/x')).toEqual(["frame-src 'none'"]);
    expect(framing('/admin/fronts/home/preview')).toEqual(["frame-src 'none'"]);
    const preview = contentSecurityPolicy('preview', 'abc');
    expect(preview.replace(embeds, "frame-src 'none'")).toBe(contentSecurityPolicy('newsroom', 'abc'));
  });
});

describe('the nonce of a render', () => {
  it('is read from the head, never from article text in the body', () => {
    const html =
      '<!DOCTYPE html><html><head><link rel="preload" as="script" nonce="HEADnonce+/=" href="/a.js"><script src="/b.js" async="" nonce="HEADnonce+/="></script></head>' +
      '<body><script nonce="attacker">x()</script></body></html>';
    expect(nonceOfPage(html)).toBe('HEADnonce+/=');
    expect(nonceOfPage('<html><head></head><body><script nonce="attacker"></script></body></html>')).toBeNull();
  });

  it('is fresh, in the form Next reads from a policy', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => newNonce()));
    expect(nonces.size).toBe(50);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });

  it('goes into the stored render with the CDN lifetime; a render without one gets a policy with no inline script at all', () => {
    const page = { kind: 'APP_PAGE', html: '<html><head><script src="/x.js" nonce="abc"></script></head><body></body></html>', headers: { 'x-next-cache-tags': 'home' } };
    addRenderHeaders('/route-cache/APP_PAGE/abc/$/world', page, {});
    expect(page.headers).toEqual({
      'x-next-cache-tags': 'home',
      'content-security-policy': contentSecurityPolicy('public', 'abc'),
      'cache-control': 'public, max-age=0, s-maxage=30, stale-while-revalidate=30',
    });
    expect(contentSecurityPolicy('public', 'abc')).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    const bare = { kind: 'APP_PAGE', html: '<html><head></head><body></body></html>', headers: {} as Record<string, string> };
    addRenderHeaders('/route-cache/APP_PAGE/abc/$/world', bare, {});
    expect(bare.headers['content-security-policy']).toContain("script-src 'self';");
    // Next's not-found page: the nonce, but no public lifetime (Next answers it private, no-store).
    const missing = { kind: 'APP_PAGE', html: '<html><head><script nonce="n404"></script></head></html>', headers: {} as Record<string, string> };
    addRenderHeaders('/route-cache/APP_PAGE/abc/$/_not-found', missing, {});
    expect(missing.headers['cache-control']).toBeUndefined();
    expect(missing.headers['content-security-policy']).toContain("'nonce-n404'");
    const data = { kind: 'FETCH', data: {} } as Record<string, unknown>;
    addRenderHeaders('/some/fetch', data, {});
    expect(data).toEqual({ kind: 'FETCH', data: {} });
  });
});

describe('the proxy', () => {
  it('sends HSTS only when SITE_URL is https', () => {
    expect(strictTransportSecurity('https://news.example.org')).toBe('max-age=63072000');
    expect(strictTransportSecurity('http://localhost:3000')).toBeNull();
    const secure = requestPolicy(new NextRequest('https://news.example.org/world'), 'https://news.example.org').apply(NextResponse.next());
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=63072000');
    const plain = requestPolicy(new NextRequest('http://localhost:3000/world'), 'http://localhost:3000').apply(NextResponse.next());
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });

  it('puts the nonce in the request for the render; answers with the policy itself only where nothing is cached', () => {
    const cached = requestPolicy(new NextRequest('http://localhost:3000/world'), 'http://localhost:3000');
    expect(cached.requestHeaders!.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic';/);
    expect(cached.apply(NextResponse.next()).headers.get('content-security-policy')).toBeNull();
    for (const path of ['/search', '/admin', '/admin/articles/3']) {
      const dynamic = requestPolicy(new NextRequest(`http://localhost:3000${path}`), 'http://localhost:3000');
      expect(dynamic.apply(NextResponse.next()).headers.get('content-security-policy'), path).toBe(dynamic.requestHeaders!.get('content-security-policy'));
    }
    // The resolver's 404 rewrite renders too: it must carry the nonce to that render; a redirect need not.
    const rewrite = cached.apply(NextResponse.rewrite(new URL('http://localhost:3000/_lede/no/such/page/here')));
    expect(rewrite.headers.get('x-middleware-request-content-security-policy')).toBe(cached.requestHeaders!.get('content-security-policy'));
    expect(rewrite.headers.get('x-middleware-override-headers')).toContain('content-security-policy');
    const redirect = cached.apply(NextResponse.redirect('http://localhost:3000/world', 301));
    expect(redirect.headers.get('x-middleware-request-content-security-policy')).toBeNull();
    expect(requestPolicy(new NextRequest('http://localhost:3000/admin/login'), 'http://localhost:3000').requestHeaders!.get('content-security-policy')).toContain("frame-src 'none'");
  });
});
