import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { candidatesUpTo } from '@/lib/media/srcset';

const list = (widths: number[]) => widths.map((width) => `/media/${width}w/uploads/a.jpg ${width}w`).join(', ');

describe('candidatesUpTo', () => {
  it('keeps the widths below the file and the first at or past it', () => {
    expect(candidatesUpTo(list([480, 828, 1200, 1600]), '/x', 1200)).toEqual({
      srcSet: '/media/480w/uploads/a.jpg 480w,/media/828w/uploads/a.jpg 828w,/media/1200w/uploads/a.jpg 1200w',
      src: '/media/1200w/uploads/a.jpg',
    });
    expect(candidatesUpTo(list([480, 828, 1200, 1600]), '/x', 1000).srcSet).toBe('/media/480w/uploads/a.jpg 480w,/media/828w/uploads/a.jpg 828w,/media/1200w/uploads/a.jpg 1200w');
    expect(candidatesUpTo(list([480, 828, 1200, 1600]), '/x', 300)).toEqual({ srcSet: '/media/480w/uploads/a.jpg 480w', src: '/media/480w/uploads/a.jpg' });
    expect(candidatesUpTo(list([480, 828, 1200, 1600]), '/x', 4000).srcSet.split(',')).toHaveLength(4);
  });

  it('leaves what is not a width list alone', () => {
    expect(candidatesUpTo(undefined, '/media/logo.svg', 100)).toEqual({ srcSet: '', src: '/media/logo.svg' });
    expect(candidatesUpTo('/a.jpg 1x, /b.jpg 2x', '/a.jpg', 100)).toEqual({ srcSet: '/a.jpg 1x, /b.jpg 2x', src: '/a.jpg' });
  });

  it('keeps addresses with commas in them whole (next/image separates candidates with a comma and a space)', () => {
    const srcSet = '/_next/image?url=%2Fmedia%2Fa%2Cb.jpg&w=480&q=75 480w, /_next/image?url=%2Fmedia%2Fa,b.jpg&w=828&q=75 828w';
    expect(candidatesUpTo(srcSet, '/x', 800)).toEqual({
      srcSet: '/_next/image?url=%2Fmedia%2Fa%2Cb.jpg&w=480&q=75 480w,/_next/image?url=%2Fmedia%2Fa,b.jpg&w=828&q=75 828w',
      src: '/_next/image?url=%2Fmedia%2Fa,b.jpg&w=828&q=75',
    });
  });

  it('for any widths and file: a prefix of the list, every kept width but the last below the file, the last at or past it unless the list ran out', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 16, max: 4000 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 5000 }), (raw, width) => {
        const widths = [...raw].sort((a, b) => a - b);
        const { srcSet, src } = candidatesUpTo(list(widths), '/x', width);
        const kept = srcSet.split(',').map((entry) => Number(/ (\d+)w$/.exec(entry)![1]));
        expect(kept).toEqual(widths.slice(0, kept.length));
        expect(kept.slice(0, -1).every((kept) => kept < width)).toBe(true);
        expect(kept.at(-1)! >= width || kept.length === widths.length).toBe(true);
        expect(src).toBe(`/media/${kept.at(-1)}w/uploads/a.jpg`);
      }),
    );
  });
});
