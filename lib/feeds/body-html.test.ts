import fc from 'fast-check';
import { HtmlValidate } from 'html-validate';
import { describe, expect, it } from 'vitest';
import { bodyArbitrary } from '@/testing/body-arbitrary';
import { bodyFeedHtml } from '@/lib/feeds/body-html';
import type { Block } from '@/lib/articles/body/schema';
import { noReferences } from '@/lib/articles/body/references';
import { everyBlock, references } from '@/testing/body-fixtures';

const html = (block: Block, refs = references) => bodyFeedHtml({ version: 1, blocks: [block] }, refs);
const of = (type: Block['type']) => everyBlock.blocks.find((block) => block.type === type)!;

describe('bodyFeedHtml', () => {
  it('writes every block type as feed HTML with absolute URLs', () => {
    expect(everyBlock.blocks.map((block) => html(block))).toEqual([
      '<p>Plain, <strong>bold</strong> and <strong><em>both</em></strong> H<sub>2</sub>O x<sup>2</sup><br>' +
        '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">away</a><a href="http://localhost:3000/world/x"> home</a><a href="mailto:desk@example.org"> mail</a></p>',
      '<h2>Two</h2>',
      '<h3>Three</h3>',
      '<ul><li>One</li><li>Two<ol><li>Two.1</li></ol></li></ul>',
      '<blockquote><p>We will return.</p><footer><cite>The minister</cite></footer></blockquote>',
      '<aside aria-label="Pull quote"><blockquote><p>Nothing is agreed</p><footer><cite>A negotiator</cite></footer></blockquote></aside>',
      '<figure><img src="http://localhost:3000/media/uploads/harbour.jpg" alt="Boats in the harbour" width="1600" height="900"><figcaption>Morning catch Library credit</figcaption></figure>',
      '<figure><a href="http://localhost:3000/media/uploads/clip.mp4"><img src="http://localhost:3000/media/uploads/clip-poster.jpg" alt="The harbour at dawn" width="1280" height="720"></a><figcaption>Dawn Agency</figcaption></figure>',
      '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">YouTube: The speech</a></p>',
      '<aside aria-label="Key facts"><h2>Key facts</h2><p>Founded 1901.</p></aside>',
      '<table><caption>Results</caption><thead><tr><th scope="col">Party</th><th scope="col">Seats</th></tr></thead><tbody><tr><td>Blue</td><td>12</td></tr><tr><td>Green</td><td>7</td></tr></tbody></table>',
      '<hr>',
      '<p><a href="http://localhost:3000/world/ceasefire-talks">Ceasefire talks resume</a></p>',
    ]);
  });

  it('leaves out pictures, videos and cards whose reference is missing or not public', () => {
    expect(html(of('picture'), noReferences)).toBe('');
    expect(html(of('video'), noReferences)).toBe('');
    expect(html(of('articleCard'), noReferences)).toBe('');
    expect(html({ type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', caption: '' })).toBe(
      '<p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="noopener noreferrer">View on YouTube</a></p>',
    );
  });

  it('escapes every text and attribute', () => {
    const bait = '<script>alert(1)</script>"&';
    expect(html({ type: 'paragraph', content: [{ type: 'text', text: bait, marks: [{ type: 'link', href: 'https://ex.org/?q="><script>' }] }] })).toBe(
      '<p><a href="https://ex.org/?q=&quot;&gt;&lt;script&gt;" rel="noopener noreferrer">&lt;script&gt;alert(1)&lt;/script&gt;"&amp;</a></p>',
    );
    expect(html({ type: 'picture', mediaId: 7, alt: bait, caption: bait, credit: 'x' })).toBe(
      '<figure><img src="http://localhost:3000/media/uploads/harbour.jpg" alt="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;" width="1600" height="900">' +
        '<figcaption>&lt;script&gt;alert(1)&lt;/script&gt;"&amp; x</figcaption></figure>',
    );
  });

  it('writes every valid body as HTML that html-validate accepts', async () => {
    const validator = new HtmlValidate({ extends: ['html-validate:recommended'], rules: { 'void-style': 'off', 'no-trailing-whitespace': 'off' } });
    await fc.assert(
      fc.asyncProperty(bodyArbitrary, async (body) => {
        const report = await validator.validateString(`<main><article><h1>Headline</h1>${bodyFeedHtml(body, references)}</article></main>`);
        expect(report.results.flatMap((result) => result.messages.map((message) => `${message.ruleId}: ${message.message}`))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
