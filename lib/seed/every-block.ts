// The demo's showcase of the story model: one published article in World, slug `every-block-type`,
// whose body uses every block type of lib/articles/body/schema.ts, with real media (a picture with
// its crops and alt text, the placeholder video with its poster), an inline card for the demo's
// legacy article, and a YouTube embed. The renderer's, the editor's and the accessibility tests open
// it; lib/seed/demo.test.ts holds that it uses every block type.
import { bodyColumns } from '@/lib/articles/body/columns';
import { parseEmbedUrl } from '@/lib/articles/body/embeds';
import { bodyDocumentSchema, type Block, type BodyDocument } from '@/lib/articles/body/schema';
import type { Prisma } from '@/lib/generated/prisma/client';
import { makeRenditions } from '@/lib/media/renditions';
import { placeholderImage, placeholderImageSize } from '@/lib/media/placeholders';
import { savePlaceholderVideo } from '@/lib/media/placeholder-video';
import { saveMedia, writeMediaFile } from '@/lib/media/store';

export const everyBlockSlug = 'every-block-type';

const text = (value: string) => ({ type: 'text' as const, text: value });

/** The showcase body: every block type once at least, in an order a reader could follow. */
export function everyBlockBody(ids: { pictureId: number; videoId: number; cardArticleId: number }): BodyDocument {
  const youtube = parseEmbedUrl('https://www.youtube.com/watch?v=aqz-KE-bpKQ')!;
  const blocks: Block[] = [
    {
      type: 'paragraph',
      content: [
        text('This article shows every kind of block a Lede story is made of: '),
        { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
        text(', '),
        { type: 'text', text: 'italic', marks: [{ type: 'italic' }] },
        text(', H'),
        { type: 'text', text: '2', marks: [{ type: 'subscript' }] },
        text('O, E = mc'),
        { type: 'text', text: '2', marks: [{ type: 'superscript' }] },
        text(' and '),
        { type: 'text', text: 'a link', marks: [{ type: 'link', href: 'https://example.org/' }] },
        text('.'),
        { type: 'break' },
        text('A line break keeps the next words in the same paragraph.'),
      ],
    },
    { type: 'heading', level: 2, content: [text('Pictures and video')] },
    { type: 'picture', mediaId: ids.pictureId, alt: 'Coloured shapes on a plain background (a placeholder picture)', caption: 'A picture from the media library, with its crops.', credit: 'Lede demo' },
    { type: 'video', mediaId: ids.videoId, caption: 'The placeholder video, with its poster.', credit: 'Lede demo' },
    { type: 'heading', level: 3, content: [text('Lists')] },
    {
      type: 'list',
      ordered: false,
      items: [
        { content: [text('A point')] },
        { content: [text('A point with its own list')], list: { ordered: true, items: [{ content: [text('First')] }, { content: [text('Second')] }] } },
      ],
    },
    { type: 'list', ordered: true, items: [{ content: [text('Step one')] }, { content: [text('Step two')] }] },
    { type: 'quote', paragraphs: [[text('We would rather be right than quick.')], [text('And we will say so again.')]], attribution: 'The minister' },
    { type: 'pullQuote', text: 'Every block is checked by one schema.', attribution: 'The Lede newsroom' },
    { type: 'embed', provider: youtube.provider, url: youtube.url, caption: 'A video from YouTube: nothing loads from YouTube until the reader asks.' },
    { type: 'factBox', title: 'Key facts', paragraphs: [[text('Blocks are stored as JSON, never as HTML.')], [text('Search reads their plain text.')]] },
    { type: 'table', caption: 'Block types by kind', header: ['Kind', 'Blocks'], rows: [['Text', 'paragraph, heading, list, quote, pull quote, fact box, table'], ['Media', 'picture, video, embed'], ['Other', 'divider, article card']] },
    { type: 'divider' },
    { type: 'articleCard', articleId: ids.cardArticleId },
    { type: 'paragraph', content: [text('The card above links to another story on this site.')] },
  ];
  return bodyDocumentSchema.parse({ version: 1, blocks });
}

/** Writes the showcase's media and the article (inside the caller's transaction). */
export async function seedEveryBlockArticle(tx: Prisma.TransactionClient, options: { sectionId: number; cardArticleId: number; publishedAt: Date; byline?: readonly number[] }): Promise<number> {
  const picturePath = 'demo/every-block-picture.jpg';
  const image = await placeholderImage(11);
  const picture = await saveMedia(
    {
      kind: 'image',
      path: picturePath,
      mimeType: 'image/jpeg',
      ...placeholderImageSize,
      bytes: await writeMediaFile(picturePath, image),
      alt: 'Coloured shapes on a plain background (a placeholder picture)',
      credit: 'Lede demo',
      renditions: await makeRenditions(image, picturePath, placeholderImageSize),
    },
    tx,
  );
  const video = await savePlaceholderVideo(
    {
      videoPath: 'demo/every-block-video.mp4',
      posterPath: 'demo/every-block-video-poster.jpg',
      posterSeed: 7,
      alt: 'Placeholder video: a moving colour test pattern',
      posterAlt: 'Poster frame of a placeholder video: a colour test pattern',
    },
    tx,
  );
  const body = everyBlockBody({ pictureId: picture.id, videoId: video.id, cardArticleId: options.cardArticleId });
  const created = await tx.article.create({
    data: {
      slug: everyBlockSlug,
      kicker: 'DEMO',
      headline: 'Every block type in one story',
      standfirst: 'Paragraphs, headings, lists, quotes, pictures, video, an embed, a fact box, a table, a divider and a card: the parts a Lede story is made of.',
      ...bodyColumns(body),
      status: 'published',
      contentType: 'text',
      sectionId: options.sectionId,
      leadMediaId: picture.id,
      publishedAt: options.publishedAt,
      modifiedAt: options.publishedAt,
    },
  });
  // A byline of two, in this order (the second is a guest writer).
  if (options.byline?.length) await tx.articleContributor.createMany({ data: options.byline.map((contributorId, position) => ({ articleId: created.id, contributorId, position })) });
  return created.id;
}
