import { describe, expect, it } from 'vitest';
import {
  articleMetadata,
  homeMetadata,
  notFoundMetadata,
  privateMetadata,
  searchMetadata,
  sectionMetadata,
  tagMetadata,
} from '@/lib/seo/metadata';
import { sampleArticle, sampleVideo } from '@/testing/seo-fixtures';

const site = 'http://localhost:3000';

describe('articleMetadata', () => {
  const meta = articleMetadata(sampleArticle());

  it('gives an absolute canonical, a description and feed autodiscovery', () => {
    expect(meta.title).toBe('Russia Seeks Honest Cooperation in Syria: Lavrov');
    expect(meta.description).toMatch(/^Moscow wants honest cooperation/);
    expect(meta.alternates?.canonical).toBe(`${site}/middle-east/russia-seeks-honest-cooperation-in-syria-lavrov`);
    expect(meta.alternates?.types).toEqual({
      'application/rss+xml': [{ url: `${site}/feeds/middle-east/rss.xml`, title: 'Lede: Middle East (RSS)' }],
      'application/atom+xml': [{ url: `${site}/feeds/middle-east/atom.xml`, title: 'Lede: Middle East (Atom)' }],
    });
  });

  it('gives Open Graph article fields and an image with its size', () => {
    expect(meta.openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2016-11-02T16:20:06.000Z',
      modifiedTime: '2016-11-03T08:00:00.000Z',
      section: 'Middle East',
      tags: ['Syria', 'Russia'],
      images: [{ url: `${site}/media/2016/11/02/damascus.jpg`, width: 1600, height: 1067, alt: 'A street in Damascus' }],
    });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image' });
  });

  it('lets Google show large image previews', () => {
    expect(meta.robots).toMatchObject({ index: true, 'max-image-preview': 'large', googleBot: { 'max-image-preview': 'large' } });
  });

  it('uses a video\'s poster as its share image and lists the video', () => {
    const video = articleMetadata(sampleArticle({ contentType: 'video', media: sampleVideo }));
    expect(video.openGraph).toMatchObject({
      images: [{ url: `${site}/media/2016/11/02/lavrov-poster.jpg`, width: 1280, height: 720 }],
      videos: [{ url: `${site}/media/2016/11/02/lavrov.mp4`, type: 'video/mp4' }],
    });
  });

  it('falls back to the body text and the 1200×675 share image', () => {
    const bare = articleMetadata(sampleArticle({ standfirst: '', bodyText: 'x '.repeat(200), media: null }));
    expect((bare.description as string).length).toBeLessThanOrEqual(160);
    expect(bare.openGraph).toMatchObject({ images: [{ url: `${site}/share-16x9.png`, width: 1200, height: 675 }] });
  });
});

describe('list pages', () => {
  it('home has the bare site name, its canonical and the site feeds', () => {
    const meta = homeMetadata();
    expect(meta.title).toEqual({ absolute: 'Lede' });
    expect(meta.alternates?.canonical).toBe(`${site}/`);
    expect(Object.values(meta.alternates?.types ?? {}).flat()).toEqual([
      { url: `${site}/feeds/rss.xml`, title: 'Lede (RSS)' },
      { url: `${site}/feeds/atom.xml`, title: 'Lede (Atom)' },
    ]);
  });

  it('a section front and its older pages each have their own canonical', () => {
    const section = { slug: 'world', name: 'World' };
    expect(sectionMetadata(section).alternates?.canonical).toBe(`${site}/world`);
    const older = sectionMetadata(section, { path: '/world/older/abc' });
    expect(older.alternates?.canonical).toBe(`${site}/world/older/abc`);
    expect(older.title).toBe('World: more stories');
    expect(older.robots).toMatchObject({ index: true });
  });

  it('a tag page points at the tag feeds', () => {
    const meta = tagMetadata({ slug: 'syria', name: 'Syria' });
    expect(meta.alternates?.canonical).toBe(`${site}/tag/syria`);
    expect(JSON.stringify(meta.alternates?.types)).toContain('/feeds/tag/syria/rss.xml');
  });
});

describe('pages kept out of the index', () => {
  it.each([
    ['search', searchMetadata('syria')],
    ['empty search', searchMetadata('')],
    ['not found', notFoundMetadata()],
    ['admin/preview', privateMetadata('Preview')],
  ])('%s is noindex', (_name, meta) => {
    expect(meta.robots).toMatchObject({ index: false, googleBot: { index: false } });
  });

  it('search echoes the query in the title only', () => {
    expect(searchMetadata('  <b>syria</b> ').title).toBe('Search: <b>syria</b>');
  });
});
