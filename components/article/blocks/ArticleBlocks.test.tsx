import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ArticleBlocks } from '@/components/article/blocks/ArticleBlocks';
import { asideLabels } from '@/lib/articles/body/aside-labels';
import type { Block } from '@/lib/articles/body/schema';
import { bodyDocumentSchema } from '@/lib/articles/body/schema';
import { noReferences, type BodyReferences } from '@/lib/articles/body/references';
import { everyBlock, pictureMedia, references } from '@/testing/body-fixtures';
import { PictureBlock } from '@/components/article/blocks/PictureBlock';
import { PictureFigure } from '@/components/article/blocks/PictureFigure';
import { EmbedBlock } from '@/components/article/blocks/EmbedBlock';
import { EmbedFrame } from '@/components/article/blocks/EmbedFrame';
import type { BlockOf } from '@/lib/articles/body/schema';

const open = '<div class="prose prose-lg max-w-none font-serif prose-a:text-accent" data-testid="article-body">';
/** One block's markup, without the body's wrapper. */
function render(block: Block, refs: BodyReferences = references): string {
  const html = renderToStaticMarkup(<ArticleBlocks body={{ version: 1, blocks: [block] }} references={refs} />);
  expect(html.startsWith(open) && html.endsWith('</div>')).toBe(true);
  return html.slice(open.length, -'</div>'.length);
}
const block = (type: Block['type']): Block => everyBlock.blocks.find((candidate) => candidate.type === type)!;

describe('ArticleBlocks', () => {
  it('the fixture is a valid body with every block type', () => {
    expect(bodyDocumentSchema.parse(everyBlock)).toEqual(everyBlock);
  });

  it('paragraph', () => {
    expect(render(block('paragraph'))).toBe(
      "<p dir=\"auto\">Plain, <strong>bold</strong> and <strong><em>both</em></strong> H<sub>2</sub>O x<sup>2</sup><br/><a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">away</a><a href=\"http://localhost:3000/world/x\"> home</a><a href=\"mailto:desk@example.org\"> mail</a></p>",
    );
  });

  it('heading level 2', () => {
    expect(render(everyBlock.blocks[1]!)).toBe(
      "<h2 dir=\"auto\">Two</h2>",
    );
  });

  it('heading level 3', () => {
    expect(render(everyBlock.blocks[2]!)).toBe(
      "<h3 dir=\"auto\">Three</h3>",
    );
  });

  it('list', () => {
    expect(render(block('list'))).toBe(
      "<ul dir=\"auto\"><li>One</li><li>Two<ol dir=\"auto\"><li>Two.1</li></ol></li></ul>",
    );
  });

  it('quote', () => {
    expect(render(block('quote'))).toBe(
      "<blockquote dir=\"auto\"><p>We will return.</p><footer><cite>The minister</cite></footer></blockquote>",
    );
  });

  it('pullQuote', () => {
    expect(render(block('pullQuote'))).toBe(
      "<aside dir=\"auto\" aria-label=\"Pull quote\" class=\"not-prose my-8 border-y-2 border-accent py-4 font-serif text-2xl font-bold\"><p>Nothing is agreed</p><footer class=\"mt-2 text-base font-normal text-muted\"><cite>A negotiator</cite></footer></aside>",
    );
  });

  it('picture: the lead media\'s renditions (srcset up to the file\'s width, width, height, lazy) at their short addresses, with the block\'s alt; the library\'s credit when the block has none', () => {
    // The widths are next/image's defaults here (next.config.js's images settings reach only builds):
    // 640 … 3840, cut after 1920, the first at or past the file's 1,600 pixels.
    const widths = [640, 750, 828, 1080, 1200, 1920];
    const srcSet = widths.map((width) => `/media/${width}w/uploads/harbour.jpg ${width}w`).join(',');
    expect(render(block('picture'))).toBe(
      `<figure><img alt="Boats in the harbour" loading="lazy" width="1600" height="900" sizes="(min-width: 768px) 720px, 100vw" srcSet="${srcSet}" src="/media/1920w/uploads/harbour.jpg"/><figcaption dir="auto">Morning catch<span>Library credit</span></figcaption></figure>`,
    );
  });

  it('the picture and embed islands get only what they render: their props are what the page\'s RSC payload carries for them', () => {
    // Server components are plain functions: what they return is what Flight serialises.
    const picture = PictureBlock({ block: block('picture') as BlockOf<'picture'>, media: pictureMedia })!;
    expect(picture.type).toBe(PictureFigure);
    expect(picture.props).toEqual({ src: '/media/uploads/harbour.jpg', width: 1600, height: 900, alt: 'Boats in the harbour', caption: 'Morning catch', credit: 'Library credit' });
    const embed = EmbedBlock({ block: block('embed') as BlockOf<'embed'> })!;
    expect(embed.type).toBe(EmbedFrame);
    expect(embed.props).toEqual({ provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: 'The speech' });
  });

  it('video', () => {
    expect(render(block('video'))).toBe(
      "<figure><video controls=\"\" preload=\"none\" poster=\"/media/uploads/clip-poster.jpg\" width=\"1280\" height=\"720\" aria-label=\"Dawn\" class=\"aspect-video h-auto w-full bg-black\"><source src=\"/media/uploads/clip.mp4\" type=\"video/mp4\"/><a href=\"/media/uploads/clip.mp4\">Download the video</a></video><figcaption dir=\"auto\">Dawn<span>Agency</span></figcaption></figure>",
    );
  });

  it('embed', () => {
    expect(render(block('embed'))).toBe(
      "<figure data-embed=\"youtube\"><div class=\"not-prose flex flex-col items-start gap-2 border border-rule p-4\" data-testid=\"embed-placeholder\"><p class=\"font-bold\">YouTube content</p><p class=\"text-sm text-muted\">Loading it connects you to YouTube.</p><a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\" rel=\"noopener noreferrer\">View on YouTube</a></div><figcaption dir=\"auto\">The speech</figcaption></figure>",
    );
  });

  it('factBox', () => {
    expect(render(block('factBox'))).toBe(
      "<aside dir=\"auto\" aria-label=\"Key facts\" class=\"not-prose my-8 border border-rule p-4\"><h2 class=\"mb-2 text-lg font-bold\">Key facts</h2><p class=\"mb-2\">Founded 1901.</p></aside>",
    );
  });

  it('table', () => {
    expect(render(block('table'))).toBe(
      "<table dir=\"auto\"><caption>Results</caption><thead><tr><th scope=\"col\">Party</th><th scope=\"col\">Seats</th></tr></thead><tbody><tr><td>Blue</td><td>12</td></tr><tr><td>Green</td><td>7</td></tr></tbody></table>",
    );
  });

  it('divider', () => {
    expect(render(block('divider'))).toBe(
      "<hr/>",
    );
  });

  it('articleCard', () => {
    expect(render(block('articleCard'))).toBe(
      "<div class=\"not-prose my-6 border-y border-rule py-3\" data-testid=\"article-card\"><a href=\"/world/ceasefire-talks\" class=\"flex items-center gap-4 text-ink hover:text-accent\"><span class=\"flex flex-col\" dir=\"auto\"><span class=\"text-xs font-bold uppercase tracking-wider text-accent\">Analysis</span><span class=\"font-serif text-lg font-bold leading-snug\">Ceasefire talks resume</span></span></a></div>",
    );
  });

  it('a picture, video or card whose reference is missing (or not public, or the wrong kind) renders nothing', () => {
    expect(render(block('picture'), noReferences)).toBe('');
    expect(render(block('video'), noReferences)).toBe('');
    expect(render(block('articleCard'), noReferences)).toBe('');
    const swapped: BodyReferences = { media: { 7: references.media[8]!, 8: references.media[7]! }, articles: {} };
    expect(render(block('picture'), swapped)).toBe('');
    expect(render(block('video'), swapped)).toBe('');
  });

  it('a fact box without a title has no heading and is named "Fact box"; a quote without attribution has no footer', () => {
    expect(render({ type: 'factBox', title: '', paragraphs: [[{ type: 'text', text: 'x' }]] })).toBe(
      '<aside dir="auto" aria-label="Fact box" class="not-prose my-8 border border-rule p-4"><p class="mb-2">x</p></aside>',
    );
    expect(render({ type: 'quote', paragraphs: [[{ type: 'text', text: 'x' }]], attribution: '' })).toBe('<blockquote dir="auto"><p>x</p></blockquote>');
  });

  it('an embed whose stored URL is not its provider\'s (a row written around the schema) renders nothing', () => {
    expect(render({ type: 'embed', provider: 'vimeo', url: 'https://evil.example/embed', caption: '' })).toBe('');
  });

  it('a heading without words renders nothing', () => {
    expect(render({ type: 'heading', level: 2, content: [] })).toBe('');
    expect(render({ type: 'heading', level: 3, content: [{ type: 'text', text: ' \t' }, { type: 'break' }] })).toBe('');
  });

  it('names asides uniquely: a name used twice gets its number', () => {
    const pull: Block = { type: 'pullQuote', text: 'a', attribution: '' };
    const box = (title: string): Block => ({ type: 'factBox', title, paragraphs: [[]] });
    expect([...asideLabels([pull, box(''), box('Facts'), pull, box(' '), { type: 'divider' }])]).toEqual([
      [0, 'Pull quote (1)'], [1, 'Fact box (1)'], [2, 'Facts'], [3, 'Pull quote (2)'], [4, 'Fact box (2)'],
    ]);
  });

  it('a stored block the schema refuses (a row written around it) renders nothing, never a 500', () => {
    const hostile = [
      { type: 'paragraph', content: '<b>raw</b>' },
      { type: 'heading', level: 1, content: [{ type: 'text', text: 'h1' }] },
      { type: 'html', html: '<script>alert(1)</script>' },
      { type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', href: 'javascript:alert(1)' }] }] },
    ] as unknown as Block[];
    const html = renderToStaticMarkup(<ArticleBlocks body={{ version: 1, blocks: [...hostile, everyBlock.blocks[1]!] }} references={references} />);
    expect(html).toBe(`${open}<h2 dir="auto">Two</h2></div>`);
  });

  it('text is text: markup in runs, captions, cells and attributions is escaped', () => {
    const bait = '<img src=x onerror=alert(1)>"\'&';
    const escaped = '&lt;img src=x onerror=alert(1)&gt;&quot;&#x27;&amp;';
    expect(render({ type: 'paragraph', content: [{ type: 'text', text: bait }] })).toBe(`<p dir="auto">${escaped}</p>`);
    expect(render({ type: 'table', caption: bait, header: [bait], rows: [] })).toBe(
      `<table dir="auto"><caption>${escaped}</caption><thead><tr><th scope="col">${escaped}</th></tr></thead></table>`,
    );
    expect(render({ type: 'pullQuote', text: bait, attribution: '' })).toContain(`<p>${escaped}</p>`);
  });
});
