import { describe, expect, it } from 'vitest';
import { publicPathRecord, readPublicPath } from '@/lib/routing/public-path';
import { isExempt, normalisePath } from '@/lib/routing/normalise';

describe('publicPathRecord', () => {
  it('names the record behind section, tag and article paths', () => {
    expect(publicPathRecord('/world')).toEqual({ kind: 'section', section: 'world' });
    expect(publicPathRecord('/world/older/1478000000000-12')).toEqual({ kind: 'section', section: 'world' });
    expect(publicPathRecord('/world/newer/1478000000000-12')).toEqual({ kind: 'section', section: 'world' });
    expect(publicPathRecord('/world/some-story')).toEqual({ kind: 'article', section: 'world', slug: 'some-story' });
    expect(publicPathRecord('/tag/aleppo')).toEqual({ kind: 'tag', tag: 'aleppo' });
    expect(publicPathRecord('/tag/aleppo/older/1478000000000-12')).toEqual({ kind: 'tag', tag: 'aleppo' });
  });

  it('calls paths of a public shape that cannot exist impossible', () => {
    expect(publicPathRecord('/world/older/not-a-cursor')).toEqual({ kind: 'impossible' });
    expect(publicPathRecord('/tag/aleppo/newer/12')).toEqual({ kind: 'impossible' });
    expect(publicPathRecord('/world/some%20story')).toEqual({ kind: 'impossible' });
  });

  it('leaves everything else to Next', () => {
    for (const path of ['/', '/search', '/status', '/admin', '/admin/articles', '/api/internal/due', '/feeds/rss.xml', '/sitemap.xml', '/robots.txt', '/favicon.ico', '/_next/static/x.js', '/_lede/no/such/page/here', '/media/a.jpg', '/a/b/c/d', '/news']) {
      expect(publicPathRecord(path), path).toBeNull();
    }
  });
});

describe('normalisation', () => {
  it.each([
    ['/World', '/world'],
    ['/world/', '/world'],
    ['/World/Story-One///', '/world/story-one'],
    ['//world//story', '/world/story'],
    ['/Tag/Syria', '/tag/syria'],
    ['/caf%c3%a9', '/caf%C3%A9'],
    ['/', '/'],
  ])('%s → %s', (from, to) => expect(normalisePath(from)).toBe(to));

  it.each(['/media/2016/11/Photo.JPG', '/_next/static/x.js', '/api/internal/Publish', '/admin/Articles', '/favicon.ico', '/feeds/World/rss.xml', '/Sitemap.xml'])(
    '%s is left alone',
    (path) => expect(isExempt(path)).toBe(true),
  );
});

describe('readPublicPath', () => {
  it('reads a canonical path as it is', () => {
    expect(readPublicPath('/world/some-story')).toEqual({ path: '/world/some-story', respelled: false, record: { kind: 'article', section: 'world', slug: 'some-story' } });
    expect(readPublicPath('/')).toEqual({ path: '/', respelled: false, record: null });
    expect(readPublicPath('/search')).toEqual({ path: '/search', respelled: false, record: null });
  });

  it('gives other spellings their canonical path and still names the record, so a move is one hop', () => {
    expect(readPublicPath('/World/Some-Story/')).toEqual({ path: '/world/some-story', respelled: true, record: { kind: 'article', section: 'world', slug: 'some-story' } });
    expect(readPublicPath('//tag//Aleppo')).toEqual({ path: '/tag/aleppo', respelled: true, record: { kind: 'tag', tag: 'aleppo' } });
    expect(readPublicPath('/Search/')).toEqual({ path: '/search', respelled: true, record: null });
  });

  it('reads legacy URLs as sent (their patterns ignore case and a trailing slash)', () => {
    expect(readPublicPath('/NEWS/1234/')).toEqual({ path: '/NEWS/1234/', respelled: false, record: { kind: 'legacy', legacyId: '1234' } });
  });

  it('leaves files, media, the API and the admin alone', () => {
    for (const path of ['/media/A.JPG', '/api/internal/due', '/admin/Articles', '/feeds/rss.xml', '/_next/static/x.js']) expect(readPublicPath(path), path).toBeNull();
  });
});
