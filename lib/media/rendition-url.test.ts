// The short rendition addresses and next.config.js's rewrite that turns them back into optimizer
// requests must agree: every width next/image may write matches, and the rewrite gives the request
// the default loader would have made (same source file, width and quality).
import { describe, expect, it } from 'vitest';
import { getPathMatch } from 'next/dist/shared/lib/router/utils/path-match';
import { prepareDestination } from 'next/dist/shared/lib/router/utils/prepare-destination';
import nextConfig from '@/next.config.js';
import { hasShortRendition, renditionLoader } from '@/lib/media/rendition-url';

async function renditionRewrite() {
  const rewrites = await nextConfig.rewrites!();
  if (Array.isArray(rewrites) || !rewrites.beforeFiles?.[0]) throw new Error('expected a beforeFiles rewrite');
  return rewrites.beforeFiles[0];
}

describe('renditionLoader', () => {
  it('writes /media/{width}w/{path} for a media file', () => {
    expect(renditionLoader({ src: '/media/generated/picture-13.jpg', width: 828 })).toBe('/media/828w/generated/picture-13.jpg');
    expect(renditionLoader({ src: '/media/uploads/2030/01/a%20b.jpg', width: 480, quality: 75 })).toBe('/media/480w/uploads/2030/01/a%20b.jpg');
  });

  it('keeps next/image\'s own address for anything else', () => {
    expect(hasShortRendition('/placeholder/x.jpg')).toBe(false);
    expect(hasShortRendition('/media/logo.SVG')).toBe(false);
    expect(hasShortRendition('/media/x.jpg?v=2')).toBe(false);
    expect(renditionLoader({ src: '/placeholder/x.jpg', width: 828 })).toBe('/_next/image?url=%2Fplaceholder%2Fx.jpg&w=828&q=75');
    expect(renditionLoader({ src: '/media/x.jpg', width: 828, quality: 90 })).toBe('/_next/image?url=%2Fmedia%2Fx.jpg&w=828&q=90');
  });
});

describe('the rendition rewrite (next.config.js), through Next\'s own matcher and destination builder', () => {
  const rewrite = async (address: string) => {
    const rule = await renditionRewrite();
    const params = getPathMatch(rule.source, { removeUnnamedParams: true, strict: true })(address);
    if (!params) return null;
    const { parsedDestination } = prepareDestination({ appendParamsToQuery: true, destination: rule.destination, params, query: {} });
    return { pathname: parsedDestination.pathname, url: parsedDestination.query.url, w: parsedDestination.query.w, q: parsedDestination.query.q };
  };

  it('turns every configured width back into the optimizer request of the default loader', async () => {
    const widths = [...nextConfig.images!.deviceSizes!, ...nextConfig.images!.imageSizes!];
    expect(widths.length).toBeGreaterThan(0);
    for (const width of widths) {
      for (const src of ['/media/generated/picture-13.jpg', '/media/uploads/2030/01/a%20b.jpg']) {
        expect(await rewrite(renditionLoader({ src, width }))).toEqual({ pathname: '/_next/image', url: src, w: String(width), q: '75' });
      }
    }
  });

  it('leaves a width next/image does not write, and plain media paths, to the media route', async () => {
    expect(await rewrite('/media/999w/uploads/harbour.jpg')).toBeNull();
    expect(await rewrite('/media/uploads/harbour.jpg')).toBeNull();
    expect(await rewrite('/media/828w')).toBeNull();
  });
});
