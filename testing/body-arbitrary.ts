// fast-check arbitraries for valid BodyDocuments, built from the schema's rules (lib/articles/body/
// schema.ts): every block type, marks, one nested list level, tables with rows as wide as the
// header, embeds with URLs each provider accepts. Text mixes hostile markup, right-to-left script
// and astral characters. Every document drawn is checked against bodyDocumentSchema by the tests.
import fc from 'fast-check';
import type { Block, BodyDocument, Inline, Mark } from '@/lib/articles/body/schema';

const pieces = ['a', 'Z', ' ', '<', '>', '&', '"', "'", '</p>', '<script>', '&amp;', 'ب', 'ש', '!', '\u200f', '😀', 'é', '\t', '\n', '--', ']]>'];
export const textArbitrary = (max = 40) =>
  fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: max }).map((parts) => parts.join(''));

const markArbitrary: fc.Arbitrary<Mark> = fc.oneof(
  fc.constant({ type: 'bold' } as const),
  fc.constant({ type: 'italic' } as const),
  fc.constant({ type: 'subscript' } as const),
  fc.constant({ type: 'superscript' } as const),
  fc.constantFrom('https://example.org/a?b=1&c="2"', 'http://localhost:3000/world/x', 'mailto:desk@example.org', 'https://ex.org/<x>').map((href) => ({ type: 'link', href }) as const),
);

const inlineArbitrary: fc.Arbitrary<Inline> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('text' as const), text: textArbitrary() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      type: fc.constant('text' as const),
      text: textArbitrary(),
      marks: fc.uniqueArray(markArbitrary, { maxLength: 5, selector: (mark) => mark.type }),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'break' } as const) },
);
const inlines = (min = 0) => fc.array(inlineArbitrary, { minLength: min, maxLength: 5 });

const embedUrls = [
  ['youtube', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ'],
  ['vimeo', 'https://vimeo.com/76979871'],
  ['x', 'https://x.com/user/status/123456'],
  ['instagram', 'https://www.instagram.com/p/ABC123/'],
  ['tiktok', 'https://www.tiktok.com/@user/video/1234567'],
  ['soundcloud', 'https://soundcloud.com/artist/track'],
  ['spotify', 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC'],
  ['datawrapper', 'https://datawrapper.dwcdn.net/AbC12/3/'],
  ['flourish', 'https://public.flourish.studio/visualisation/123/'],
] as const;

/** Media ids 7 (a picture), 8 (a video) and 9 (missing); article ids 42 (public) and 43 (not). */
export const blockArbitrary: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('paragraph' as const), content: inlines() }),
  fc.record({ type: fc.constant('heading' as const), level: fc.constantFrom(2 as const, 3 as const), content: inlines() }),
  fc.record({
    type: fc.constant('list' as const),
    ordered: fc.boolean(),
    items: fc.array(
      fc.record(
        { content: inlines(), list: fc.record({ ordered: fc.boolean(), items: fc.array(fc.record({ content: inlines() }), { minLength: 1, maxLength: 3 }) }) },
        { requiredKeys: ['content'] },
      ),
      { minLength: 1, maxLength: 4 },
    ),
  }),
  fc.record({ type: fc.constant('quote' as const), paragraphs: fc.array(inlines(), { minLength: 1, maxLength: 3 }), attribution: fc.oneof(fc.constant(''), textArbitrary()) }),
  fc.record({ type: fc.constant('pullQuote' as const), text: textArbitrary(), attribution: fc.oneof(fc.constant(''), textArbitrary()) }),
  fc.record({
    type: fc.constant('picture' as const),
    mediaId: fc.constantFrom(7, 8, 9),
    alt: textArbitrary().filter((alt) => alt.trim().length > 0).map((alt) => alt.trim()),
    caption: fc.oneof(fc.constant(''), textArbitrary()),
    credit: fc.oneof(fc.constant(''), textArbitrary()),
  }),
  fc.record({ type: fc.constant('video' as const), mediaId: fc.constantFrom(7, 8, 9), caption: fc.oneof(fc.constant(''), textArbitrary()), credit: fc.oneof(fc.constant(''), textArbitrary()) }),
  fc.tuple(fc.constantFrom(...embedUrls), fc.oneof(fc.constant(''), textArbitrary())).map(([[provider, url], caption]) => ({ type: 'embed' as const, provider, url, caption })),
  fc.record({ type: fc.constant('factBox' as const), title: fc.oneof(fc.constant(''), textArbitrary()), paragraphs: fc.array(inlines(), { minLength: 1, maxLength: 3 }) }),
  fc.integer({ min: 1, max: 4 }).chain((columns) =>
    fc.record({
      type: fc.constant('table' as const),
      caption: fc.oneof(fc.constant(''), textArbitrary()),
      header: fc.array(textArbitrary(10), { minLength: columns, maxLength: columns }),
      rows: fc.array(fc.array(fc.oneof(fc.constant(''), textArbitrary(10)), { minLength: columns, maxLength: columns }), { maxLength: 4 }),
    }),
  ),
  fc.constant({ type: 'divider' as const }),
  fc.record({ type: fc.constant('articleCard' as const), articleId: fc.constantFrom(42, 43) }),
);

export const bodyArbitrary: fc.Arbitrary<BodyDocument> = fc.array(blockArbitrary, { maxLength: 15 }).map((blocks) => ({ version: 1 as const, blocks }));
