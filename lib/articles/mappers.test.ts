import { describe, expect, it } from 'vitest';
import { isWebUrl, toCrops, toMediaView, toRelatedLinkView } from '@/lib/articles/mappers';

const link = (overrides: Record<string, unknown>) =>
  ({ id: 1, url: null, kicker: '', title: 'Title', contentType: 'text', media: null, targetArticle: null, ...overrides }) as Parameters<typeof toRelatedLinkView>[0];

describe('related links in the read model', () => {
  it('accepts only http(s) URLs for external links', () => {
    expect(isWebUrl('https://example.org/a')).toBe(true);
    expect(isWebUrl('http://example.org')).toBe(true);
    for (const hostile of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>', 'vbscript:x', '//evil.example', '/relative']) {
      expect(isWebUrl(hostile)).toBe(false);
      expect(toRelatedLinkView(link({ url: hostile }))).toBeNull();
    }
  });

  it('links to a published target by its canonical path, with its kicker and headline', () => {
    const target = { status: 'published', publishedAt: new Date('2026-01-01T00:00:00Z'), slug: 'truce', kicker: 'VIDEO', headline: 'Truce in Aleppo', contentType: 'video', section: { slug: 'world' }, leadMedia: null };
    expect(toRelatedLinkView(link({ title: '', targetArticle: target }))).toMatchObject({
      href: '/world/truce',
      external: false,
      kicker: 'VIDEO',
      title: 'Truce in Aleppo',
      contentType: 'video',
    });
  });

  it('leaves out links to articles that are not public: not published, or published with a time ahead', () => {
    const target = { status: 'unpublished', publishedAt: new Date('2026-01-01T00:00:00Z'), slug: 'gone', kicker: '', headline: 'Gone', contentType: 'text', section: { slug: 'world' }, leadMedia: null };
    expect(toRelatedLinkView(link({ targetArticle: target }))).toBeNull();
    const ahead = { ...target, status: 'published', publishedAt: new Date(Date.now() + 3600_000) };
    expect(toRelatedLinkView(link({ targetArticle: ahead }))).toBeNull();
  });
});

describe('media crops', () => {
  it('reads the crops stored in Media.renditions', () => {
    const renditions = { widths: [], crops: { '16x9': { path: 'a/b.16x9.webp', width: 1200, height: 675, mimeType: 'image/webp' } } };
    expect(toCrops(renditions)).toEqual({ '16x9': { url: '/media/a/b.16x9.webp', width: 1200, height: 675 } });
  });

  it('treats missing or malformed renditions as no crops', () => {
    expect(toCrops(null)).toBeNull();
    expect(toCrops({ crops: {} })).toBeNull();
    expect(toCrops({ crops: { '16x9': { path: '', width: -1 } } })).toBeNull();
    expect(toCrops('nonsense')).toBeNull();
  });

  it("gives a video its poster's crops (uploads, the seed and imports make them for the poster image)", () => {
    const crop = (name: string) => ({ path: `v/poster.${name}.webp`, width: 1200, height: 675, mimeType: 'image/webp' });
    const video = {
      id: 3, kind: 'video', path: 'v/clip.mp4', mimeType: 'video/mp4', width: 1280, height: 720, alt: 'Clip', caption: '', credit: '', durationSeconds: 4,
      renditions: null,
      poster: { path: 'v/poster.jpg', width: 1280, height: 720, renditions: { crops: { '16x9': crop('16x9'), '4x3': crop('4x3'), '1x1': crop('1x1') } } },
    } as Parameters<typeof toMediaView>[0];
    expect(toMediaView(video)!.crops).toEqual({
      '16x9': { url: '/media/v/poster.16x9.webp', width: 1200, height: 675 },
      '4x3': { url: '/media/v/poster.4x3.webp', width: 1200, height: 675 },
      '1x1': { url: '/media/v/poster.1x1.webp', width: 1200, height: 675 },
    });
  });
});
