import { describe, expect, it } from 'vitest';
import { publicPathRecord } from '@/lib/routing/public-path';

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
