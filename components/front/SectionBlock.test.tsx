// The home page's section blocks sit below its lead: their pictures must not be preloaded or loaded
// eagerly, or a phone spends its bandwidth on them before the lead picture (Lighthouse's LCP).
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SectionBlock } from '@/components/front/SectionBlock';
import { Picture } from '@/components/media/Picture';
import type { ArticleCard, MediaView } from '@/lib/articles/types';

const media = (index: number): MediaView => ({
  id: index,
  kind: 'image',
  url: `/media/generated/picture-${index}.jpg`,
  mimeType: 'image/jpeg',
  width: 1200,
  height: 900,
  alt: `Picture ${index}`,
  caption: '',
  credit: '',
  posterUrl: null,
  posterWidth: null,
  posterHeight: null,
  durationSeconds: null,
  crops: null,
});

const card = (index: number): ArticleCard => ({
  id: index,
  path: `/world/story-${index}`,
  slug: `story-${index}`,
  kicker: '',
  headline: `Story ${index}`,
  standfirst: '',
  contentType: 'text',
  publishedAt: '2026-11-28T10:00:00.000Z',
  modifiedAt: '2026-11-28T10:00:00.000Z',
  section: { slug: 'world', name: 'World' },
  media: media(index),
});

describe('SectionBlock', () => {
  it('loads every picture lazily, none with a high fetch priority', () => {
    const html = renderToStaticMarkup(<SectionBlock slug="world" name="World" articles={[1, 2, 3, 4].map(card)} />);
    const images = html.match(/<img\b[^>]*>/g) ?? [];
    expect(images).toHaveLength(4);
    expect(images.filter((image) => !image.includes('loading="lazy"'))).toEqual([]);
    expect(html).not.toContain('fetchPriority');
  });
});

describe('Picture', () => {
  it('fetches the priority picture (a lead) first: eager and fetchPriority high', () => {
    const html = renderToStaticMarkup(<Picture media={media(1)} sizes="100vw" priority />);
    expect(html).toContain('fetchPriority="high"');
    expect(html).not.toContain('loading="lazy"');
  });

  it('leaves other pictures lazy, at the default priority', () => {
    const html = renderToStaticMarkup(<Picture media={media(2)} sizes="100vw" />);
    expect(html).toContain('loading="lazy"');
    expect(html).not.toContain('fetchPriority');
  });
});
