import { renderToStaticMarkup } from 'react-dom/server';
import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { JsonLd } from '@/components/seo/JsonLd';
import { articleCrumbs, articleJsonLd, breadcrumbJsonLd, homeJsonLd, isoDuration, profilePageJsonLd, serializeJsonLd } from '@/lib/seo/jsonld';
import { sampleArticle, sampleContributor, sampleGuest, sampleImage, sampleProfile, sampleVideo } from '@/testing/seo-fixtures';
import { googlePreset } from '@/testing/sdtt';

const page = (data: Parameters<typeof JsonLd>[0]['data']): string =>
  `<!doctype html><html><head><title>t</title>${renderToStaticMarkup(createElement(JsonLd, { data }))}</head><body></body></html>`;

function scriptsOf(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => JSON.parse(match[1]!));
}

describe('articleJsonLd', () => {
  it('describes a text article as a NewsArticle with everything Google lists', () => {
    const [news, ...rest] = articleJsonLd(sampleArticle()) as Record<string, unknown>[];
    expect(rest).toEqual([]);
    expect(news).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Russia Seeks Honest Cooperation in Syria: Lavrov',
      datePublished: '2016-11-02T16:20:06.000Z',
      dateModified: '2016-11-03T08:00:00.000Z',
      articleSection: 'Middle East',
      keywords: 'Syria, Russia',
      isAccessibleForFree: true,
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'http://localhost:3000/middle-east/russia-seeks-honest-cooperation-in-syria-lavrov' },
      author: [
        {
          '@type': 'Person',
          '@id': 'http://localhost:3000/author/jane-reporter#person',
          name: 'Jane Reporter',
          url: 'http://localhost:3000/author/jane-reporter',
          jobTitle: 'Middle East correspondent',
          image: 'http://localhost:3000/media/2016/11/02/damascus.jpg',
          sameAs: ['https://example.org/jane', 'https://x.com/janereporter'],
        },
      ],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Lede', logo: { '@type': 'ImageObject', url: 'http://localhost:3000/logo.png' } },
    });
    expect(news!.image).toEqual([{ '@type': 'ImageObject', url: 'http://localhost:3000/media/2016/11/02/damascus.jpg', width: '1600', height: '1067' }]);
  });

  it('offers the 16:9, 4:3 and 1:1 crops when the media carries them', () => {
    const crops = {
      '16x9': { url: '/media/c/169.jpg', width: 1600, height: 900 },
      '4x3': { url: '/media/c/43.jpg', width: 1600, height: 1200 },
      '1x1': { url: '/media/c/11.jpg', width: 1200, height: 1200 },
    };
    const [news] = articleJsonLd(sampleArticle({ media: { ...sampleArticle().media!, crops } as never })) as Record<string, unknown>[];
    const images = news!.image as { url: string; width: string; height: string }[];
    expect(images.map((image) => Number(image.width) / Number(image.height))).toEqual([16 / 9, 4 / 3, 1]);
  });

  it('lists the 16:9, 4:3 and 1:1 crops of a video\'s poster for a video article (it listed only the poster)', () => {
    const crops = {
      '16x9': { url: '/media/p/poster.16x9.webp', width: 1200, height: 675 },
      '4x3': { url: '/media/p/poster.4x3.webp', width: 1200, height: 900 },
      '1x1': { url: '/media/p/poster.1x1.webp', width: 720, height: 720 },
    };
    const [news] = articleJsonLd(sampleArticle({ contentType: 'video', media: { ...sampleVideo, crops } })) as Record<string, unknown>[];
    expect(news!.image).toEqual([
      { '@type': 'ImageObject', url: 'http://localhost:3000/media/p/poster.16x9.webp', width: '1200', height: '675' },
      { '@type': 'ImageObject', url: 'http://localhost:3000/media/p/poster.4x3.webp', width: '1200', height: '900' },
      { '@type': 'ImageObject', url: 'http://localhost:3000/media/p/poster.1x1.webp', width: '720', height: '720' },
    ]);
  });

  it('states the word count and the language, and adds the body\'s pictures (each once, after the lead\'s crops)', () => {
    const crops = {
      '16x9': { url: '/media/c/169.jpg', width: 1600, height: 900 },
      '4x3': { url: '/media/c/43.jpg', width: 1600, height: 1200 },
      '1x1': { url: '/media/c/11.jpg', width: 1200, height: 1200 },
    };
    const inBody = { ...sampleImage, id: 30, url: '/media/b/harbour.jpg', width: 1200, height: 800 };
    const article = sampleArticle({
      media: { ...sampleImage, crops },
      wordCount: 812,
      language: 'fa',
      body: {
        version: 1,
        blocks: [
          { type: 'picture', mediaId: 30, alt: 'Harbour', caption: '', credit: '' },
          { type: 'picture', mediaId: 30, alt: 'Again', caption: '', credit: '' },
          { type: 'picture', mediaId: sampleImage.id, alt: 'The lead again', caption: '', credit: '' },
          { type: 'picture', mediaId: 31, alt: 'Missing', caption: '', credit: '' },
          { type: 'video', mediaId: 2, caption: '', credit: '' },
        ],
      },
    });
    const [news] = articleJsonLd(article, { media: { 30: inBody, [sampleImage.id]: sampleImage, 2: sampleVideo }, articles: {} }) as Record<string, unknown>[];
    expect(news!.wordCount).toBe(812);
    expect(news!.inLanguage).toBe('fa');
    expect((news!.image as { url: string }[]).map((image) => image.url)).toEqual([
      'http://localhost:3000/media/c/169.jpg',
      'http://localhost:3000/media/c/43.jpg',
      'http://localhost:3000/media/c/11.jpg',
      'http://localhost:3000/media/b/harbour.jpg',
    ]);
  });

  it('without lead media, the first body picture leads instead of the site\'s images', () => {
    const inBody = { ...sampleImage, id: 30, url: '/media/b/harbour.jpg', width: 1200, height: 800 };
    const article = sampleArticle({ media: null, body: { version: 1, blocks: [{ type: 'picture', mediaId: 30, alt: 'Harbour', caption: '', credit: '' }] } });
    const [news] = articleJsonLd(article, { media: { 30: inBody }, articles: {} }) as Record<string, unknown>[];
    expect(news!.image).toEqual([{ '@type': 'ImageObject', url: 'http://localhost:3000/media/b/harbour.jpg', width: '1200', height: '800' }]);
  });

  it('falls back to the site share images in three ratios when the article has no picture', () => {
    const [news] = articleJsonLd(sampleArticle({ media: null })) as Record<string, unknown>[];
    const images = news!.image as { width: string; height: string }[];
    expect(images.map((image) => `${image.width}x${image.height}`)).toEqual(['1200x675', '1200x900', '1200x1200']);
  });

  it('cuts headlines to Google\'s 110 characters and names the newsroom when there is no byline', () => {
    const [news] = articleJsonLd(sampleArticle({ headline: 'word '.repeat(60).trim(), byline: [] })) as Record<string, unknown>[];
    expect((news!.headline as string).length).toBeLessThanOrEqual(110);
    expect(news!.author).toEqual([{ '@type': 'NewsMediaOrganization', name: 'Lede', url: 'http://localhost:3000/' }]);
  });

  it('names every contributor of the byline as a Person, in the byline\'s order', () => {
    const [first] = articleJsonLd(sampleArticle({ byline: [sampleGuest, sampleContributor] })) as Record<string, unknown>[];
    const [second] = articleJsonLd(sampleArticle({ byline: [sampleContributor, sampleGuest] })) as Record<string, unknown>[];
    expect((first!.author as { name: string }[]).map((person) => person.name)).toEqual(['Sam Guest', 'Jane Reporter']);
    expect((second!.author as { name: string }[]).map((person) => person.name)).toEqual(['Jane Reporter', 'Sam Guest']);
    // A contributor without job title, photo or profiles has none of those keys (no empty strings).
    expect((first!.author as object[])[0]).toEqual({ '@type': 'Person', '@id': 'http://localhost:3000/author/sam-guest#person', name: 'Sam Guest', url: 'http://localhost:3000/author/sam-guest' });
  });

  it('adds a VideoObject for a video article', () => {
    const [news, video] = articleJsonLd(sampleArticle({ contentType: 'video', media: sampleVideo })) as Record<string, unknown>[];
    expect(news!.video).toEqual({ '@id': 'http://localhost:3000/middle-east/russia-seeks-honest-cooperation-in-syria-lavrov#video' });
    expect(video).toMatchObject({
      '@type': 'VideoObject',
      name: 'Russia Seeks Honest Cooperation in Syria: Lavrov',
      description: expect.stringContaining('Moscow'),
      thumbnailUrl: 'http://localhost:3000/media/2016/11/02/lavrov-poster.jpg',
      uploadDate: '2016-11-02T16:20:06.000Z',
      contentUrl: 'http://localhost:3000/media/2016/11/02/lavrov.mp4',
      duration: 'PT2M5S',
    });
  });
});

describe('isoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [59, 'PT59S'],
    [60, 'PT1M'],
    [3725, 'PT1H2M5S'],
    [3600, 'PT1H'],
  ])('%i s → %s', (seconds, expected) => expect(isoDuration(seconds)).toBe(expected));
});

describe('homeJsonLd and breadcrumbJsonLd', () => {
  it('gives the WebSite a SearchAction to /search?q= and names the organisation', () => {
    const [website, organization] = homeJsonLd() as Record<string, unknown>[];
    expect(website).toMatchObject({
      '@type': 'WebSite',
      potentialAction: {
        '@type': 'SearchAction',
        target: { urlTemplate: 'http://localhost:3000/search?q={search_term_string}' },
        'query-input': 'required name=search_term_string',
      },
    });
    expect(organization).toMatchObject({ '@type': 'NewsMediaOrganization', logo: { url: 'http://localhost:3000/logo.png' } });
  });

  it('numbers the crumbs from 1 with absolute URLs', () => {
    const list = breadcrumbJsonLd(articleCrumbs(sampleArticle())) as unknown as { itemListElement: { position: number; item: string }[] };
    expect(list.itemListElement.map((crumb) => [crumb.position, crumb.item])).toEqual([
      [1, 'http://localhost:3000/'],
      [2, 'http://localhost:3000/middle-east'],
      [3, 'http://localhost:3000/middle-east/russia-seeks-honest-cooperation-in-syria-lavrov'],
    ]);
  });
});

describe('safe embedding', () => {
  const vectors = [
    '</script><script>alert(1)</script>',
    '</SCRIPT ><img src=x onerror=alert(1)>',
    '<!--<script>',
    'a & "quoted" \\ back </scr</script>ipt>',
  ];

  it.each(vectors)('keeps %j inside the block and reads it back unchanged', (headline) => {
    const html = page(articleJsonLd(sampleArticle({ headline })));
    // The only "</script" in the page is the block's own end tag.
    expect(html.toLowerCase().split('</script').length - 1).toBe(1);
    expect(html).not.toMatch(/<!--|<img/i);
    const [blocks] = scriptsOf(html) as Record<string, unknown>[][];
    expect(blocks![0]!.headline).toBe(headline);
  });

  it('escapes every < > & and the JavaScript line separators, and JSON.parse reads them back', () => {
    expect(serializeJsonLd({ a: '<>&' })).toBe('{"a":"\\u003c\\u003e\\u0026"}');
    const tricky = { a: 'x\u2028y\u2029z</script>' };
    expect(serializeJsonLd(tricky)).not.toMatch(/[\u2028\u2029<]/);
    expect(JSON.parse(serializeJsonLd(tricky))).toEqual(tricky);
  });
});

describe("structured-data-testing-tool's Google preset", () => {
  it.each([
    ['text article', () => [...articleJsonLd(sampleArticle()), breadcrumbJsonLd(articleCrumbs(sampleArticle()))], ['NewsArticle', 'BreadcrumbList']],
    ['video article', () => articleJsonLd(sampleArticle({ contentType: 'video', media: sampleVideo })), ['NewsArticle', 'VideoObject']],
    ['home', () => homeJsonLd(), ['WebSite', 'NewsMediaOrganization']],
    ['article with two contributors', () => articleJsonLd(sampleArticle({ byline: [sampleContributor, sampleGuest] })), ['NewsArticle']],
    ['author page', () => [profilePageJsonLd(sampleProfile)], ['ProfilePage']],
  ] as const)('%s: 0 failures, right schemas', async (_name, build, types) => {
    const result = await googlePreset(page(build()));
    expect(result.failed.map((test) => test.test)).toEqual([]);
    for (const type of types) expect(result.schemas).toContain(type);
    expect(result.passed.length).toBeGreaterThan(0);
  });

  it('does fail a NewsArticle without a publisher logo (the check can fail)', async () => {
    const [news] = articleJsonLd(sampleArticle()) as Record<string, unknown>[];
    const result = await googlePreset(page({ ...news, publisher: { '@type': 'NewsMediaOrganization', name: 'Lede' } } as never));
    expect(result.failed.length).toBeGreaterThan(0);
  });
});

describe('profilePageJsonLd', () => {
  it('is a ProfilePage whose main entity is the contributor as a Person', () => {
    expect(profilePageJsonLd(sampleProfile)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      '@id': 'http://localhost:3000/author/jane-reporter',
      url: 'http://localhost:3000/author/jane-reporter',
      name: 'Jane Reporter',
      dateModified: '2024-01-02T03:04:05.000Z',
      mainEntity: {
        '@type': 'Person',
        '@id': 'http://localhost:3000/author/jane-reporter#person',
        name: 'Jane Reporter',
        url: 'http://localhost:3000/author/jane-reporter',
        jobTitle: 'Middle East correspondent',
        image: 'http://localhost:3000/media/2016/11/02/damascus.jpg',
        sameAs: ['https://example.org/jane', 'https://x.com/janereporter'],
        description: 'Jane reports from Beirut.',
      },
      isPartOf: { '@id': 'http://localhost:3000/#website' },
    });
  });
});
