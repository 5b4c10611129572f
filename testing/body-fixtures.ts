// Read-model values and a body with every block type, for the renderers' tests (page and feeds).
import type { BodyDocument } from '@/lib/articles/body/schema';
import type { BodyReferences } from '@/lib/articles/body/references';
import type { ArticleCard, MediaView } from '@/lib/articles/types';

export const pictureMedia: MediaView = {
  id: 7, kind: 'image', url: '/media/uploads/harbour.jpg', mimeType: 'image/jpeg', width: 1600, height: 900,
  alt: 'Library alt', caption: 'Library caption', credit: 'Library credit',
  posterUrl: null, posterWidth: null, posterHeight: null, durationSeconds: null,
  crops: {
    '16x9': { url: '/media/uploads/harbour.16x9.webp', width: 1200, height: 675 },
    '4x3': { url: '/media/uploads/harbour.4x3.webp', width: 1200, height: 900 },
    '1x1': { url: '/media/uploads/harbour.1x1.webp', width: 900, height: 900 },
  },
};

export const videoMedia: MediaView = {
  id: 8, kind: 'video', url: '/media/uploads/clip.mp4', mimeType: 'video/mp4', width: 1280, height: 720,
  alt: 'The harbour at dawn', caption: '', credit: 'Agency',
  posterUrl: '/media/uploads/clip-poster.jpg', posterWidth: 1280, posterHeight: 720, durationSeconds: 12,
  crops: null,
};

export const cardArticle: ArticleCard = {
  id: 42, path: '/world/ceasefire-talks', slug: 'ceasefire-talks', kicker: 'Analysis', headline: 'Ceasefire talks resume',
  standfirst: 'Both sides return.', contentType: 'text', publishedAt: '2026-01-01T08:00:00.000Z', modifiedAt: '2026-01-01T08:00:00.000Z',
  section: { slug: 'world', name: 'World' }, media: null,
};

export const references: BodyReferences = { media: { 7: pictureMedia, 8: videoMedia }, articles: { 42: cardArticle } };

export const everyBlock: BodyDocument = {
  version: 1,
  blocks: [
    { type: 'paragraph', content: [
      { type: 'text', text: 'Plain, ' },
      { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' and ' },
      { type: 'text', text: 'both', marks: [{ type: 'italic' }, { type: 'bold' }] },
      { type: 'text', text: ' H' },
      { type: 'text', text: '2', marks: [{ type: 'subscript' }] },
      { type: 'text', text: 'O x' },
      { type: 'text', text: '2', marks: [{ type: 'superscript' }] },
      { type: 'break' },
      { type: 'text', text: 'away', marks: [{ type: 'link', href: 'https://example.org/a?b=1&c=2' }] },
      { type: 'text', text: ' home', marks: [{ type: 'link', href: 'http://localhost:3000/world/x' }] },
      { type: 'text', text: ' mail', marks: [{ type: 'link', href: 'mailto:desk@example.org' }] },
    ] },
    { type: 'heading', level: 2, content: [{ type: 'text', text: 'Two' }] },
    { type: 'heading', level: 3, content: [{ type: 'text', text: 'Three' }] },
    { type: 'list', ordered: false, items: [
      { content: [{ type: 'text', text: 'One' }] },
      { content: [{ type: 'text', text: 'Two' }], list: { ordered: true, items: [{ content: [{ type: 'text', text: 'Two.1' }] }] } },
    ] },
    { type: 'quote', paragraphs: [[{ type: 'text', text: 'We will return.' }]], attribution: 'The minister' },
    { type: 'pullQuote', text: 'Nothing is agreed', attribution: 'A negotiator' },
    { type: 'picture', mediaId: 7, alt: 'Boats in the harbour', caption: 'Morning catch', credit: '' },
    { type: 'video', mediaId: 8, caption: 'Dawn', credit: '' },
    { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'The speech' },
    { type: 'factBox', title: 'Key facts', paragraphs: [[{ type: 'text', text: 'Founded 1901.' }]] },
    { type: 'table', caption: 'Results', header: ['Party', 'Seats'], rows: [['Blue', '12'], ['Green', '7']] },
    { type: 'divider' },
    { type: 'articleCard', articleId: 42 },
  ],
};
