import type { BylineEntry, ContributorProfile } from '@/lib/contributors/types';
// Read-model values for the SEO builders' tests (pure functions: no database needed).
import type { ArticleView, MediaView } from '@/lib/articles/types';

export const sampleImage: MediaView = {
  id: 1,
  kind: 'image',
  url: '/media/2016/11/02/damascus.jpg',
  mimeType: 'image/jpeg',
  width: 1600,
  height: 1067,
  alt: 'A street in Damascus',
  caption: 'Damascus, 2016',
  credit: 'Agency',
  posterUrl: null,
  posterWidth: null,
  posterHeight: null,
  durationSeconds: null,
  crops: null,
};

export const sampleVideo: MediaView = {
  id: 2,
  kind: 'video',
  url: '/media/2016/11/02/lavrov.mp4',
  mimeType: 'video/mp4',
  width: 1280,
  height: 720,
  alt: 'Sergei Lavrov speaking',
  caption: '',
  credit: '',
  posterUrl: '/media/2016/11/02/lavrov-poster.jpg',
  posterWidth: 1280,
  posterHeight: 720,
  durationSeconds: 125,
  crops: null,
};

/** A contributor of the byline, with a photo and two profiles. */
export const sampleContributor: BylineEntry = {
  id: 3,
  slug: 'jane-reporter',
  name: 'Jane Reporter',
  jobTitle: 'Middle East correspondent',
  path: '/author/jane-reporter',
  photo: sampleImage,
  sameAs: ['https://example.org/jane', 'https://x.com/janereporter'],
};

/** A second contributor: a guest, no photo, no profiles. */
export const sampleGuest: BylineEntry = { id: 4, slug: 'sam-guest', name: 'Sam Guest', jobTitle: '', path: '/author/sam-guest', photo: null, sameAs: [] };

/** The author page's profile of sampleContributor. */
export const sampleProfile: ContributorProfile = {
  ...sampleContributor,
  bio: 'Jane reports from Beirut.',
  links: [
    { kind: 'website', label: 'Website', url: 'https://example.org/jane' },
    { kind: 'x', label: 'X', url: 'https://x.com/janereporter' },
  ],
  retired: false,
  updatedAt: '2024-01-02T03:04:05.000Z',
};

export function sampleArticle(overrides: Partial<ArticleView> = {}): ArticleView {
  return {
    id: 7,
    path: '/middle-east/russia-seeks-honest-cooperation-in-syria-lavrov',
    slug: 'russia-seeks-honest-cooperation-in-syria-lavrov',
    kicker: 'VIDEO',
    headline: 'Russia Seeks Honest Cooperation in Syria: Lavrov',
    standfirst: 'Moscow wants honest cooperation with Washington on Syria, its foreign minister says.',
    contentType: 'text',
    publishedAt: '2016-11-02T16:20:06.000Z',
    modifiedAt: '2016-11-03T08:00:00.000Z',
    section: { slug: 'middle-east', name: 'Middle East' },
    media: sampleImage,
    legacyId: '1234567',
    body: { version: 1, blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body' }] }] },
    bodyText: 'Body',
    wordCount: 1,
    language: 'en',
    byline: [sampleContributor],
    sourceCredit: 'Press TV reported',
    tags: [
      { slug: 'syria', name: 'Syria' },
      { slug: 'russia', name: 'Russia' },
    ],
    related: [],
    corrections: [],
    ...overrides,
  };
}
