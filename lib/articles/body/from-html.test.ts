import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { BodyNestingError, bodyNestingLimit, convertHtml, htmlToBlocks, paragraphsToBlocks } from '@/lib/articles/body/from-html';
import { bodyDocumentSchema, type Block } from '@/lib/articles/body/schema';
import { bodyPlainText } from '@/lib/articles/body/text';

const doc = (blocks: Block[]) => ({ version: 1 as const, blocks });
const words = (text: string) => text.split(/\s+/).filter(Boolean);
const textOf = (html: string) => bodyPlainText(doc(htmlToBlocks(html)));

describe('htmlToBlocks', () => {
  it('reads paragraphs, headings and marks', () => {
    expect(htmlToBlocks('<h1>Top</h1><h2>Two</h2><h4>Four</h4><p>A <b>bold</b> <em>move</em>, H<sub>2</sub>O and <a href="https://example.org/x">a link</a>.</p>')).toEqual([
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Top' }] },
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Two' }] },
      { type: 'heading', level: 3, content: [{ type: 'text', text: 'Four' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'A ' },
          { type: 'text', text: 'bold', marks: [{ type: 'bold' }] },
          { type: 'text', text: ' ' },
          { type: 'text', text: 'move', marks: [{ type: 'italic' }] },
          { type: 'text', text: ', H' },
          { type: 'text', text: '2', marks: [{ type: 'subscript' }] },
          { type: 'text', text: 'O and ' },
          { type: 'text', text: 'a link', marks: [{ type: 'link', href: 'https://example.org/x' }] },
          { type: 'text', text: '.' },
        ],
      },
    ]);
  });

  it('keeps the text of a javascript: link and drops the link', () => {
    expect(htmlToBlocks('<p><a href="javascript:alert(1)">click</a> here</p>')).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'click here' }] }]);
  });

  it('reads line breaks, collapses white space and drops empty paragraphs', () => {
    expect(htmlToBlocks('<p>  one\n  two<br>three  </p><p> </p>')).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'one two' }, { type: 'break' }, { type: 'text', text: 'three' }] },
    ]);
  });

  it('reads lists to two levels and flattens deeper ones into the second', () => {
    expect(htmlToBlocks('<ol><li>a<ul><li>b<ul><li>c</li></ul></li></ul></li><li>d</li></ol>')).toEqual([
      {
        type: 'list',
        ordered: true,
        items: [
          { content: [{ type: 'text', text: 'a' }], list: { ordered: false, items: [{ content: [{ type: 'text', text: 'b' }] }, { content: [{ type: 'text', text: 'c' }] }] } },
          { content: [{ type: 'text', text: 'd' }] },
        ],
      },
    ]);
  });

  it('reads quotes, dividers and tables (the first row as the header)', () => {
    expect(htmlToBlocks('<blockquote><p>one</p><p>two</p></blockquote><hr><table><tr><th>A</th><th>B</th></tr><tr><td>1</td></tr></table>')).toEqual([
      { type: 'quote', paragraphs: [[{ type: 'text', text: 'one' }], [{ type: 'text', text: 'two' }]], attribution: '' },
      { type: 'divider' },
      { type: 'table', caption: '', header: ['A', 'B'], rows: [['1', '']] },
    ]);
  });

  it('leaves out pictures given by address only, counting them, and keeps their captions', () => {
    const converted = convertHtml('<figure><img src="https://example.org/a.jpg" alt="A man"><figcaption>The caption</figcaption></figure>');
    expect(converted).toEqual({ blocks: [{ type: 'paragraph', content: [{ type: 'text', text: 'The caption' }] }], droppedPictures: [{ src: 'https://example.org/a.jpg', alt: 'A man' }] });
  });

  it('keeps the text of unknown elements and drops scripts and styles', () => {
    expect(textOf('<section><span>kept</span> <custom-tag>also kept</custom-tag></section><script>alert(1)</script><style>p{}</style>')).toBe('kept also kept');
  });

  it('turns an allowlisted player iframe into an embed block', () => {
    expect(htmlToBlocks('<iframe src="https://www.youtube.com/embed/aqz-KE-bpKQ"></iframe>')).toEqual([
      { type: 'embed', provider: 'youtube', url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ', caption: '' },
    ]);
  });

  it(`refuses HTML nested deeper than ${bodyNestingLimit} tags, fast`, () => {
    expect(() => htmlToBlocks('<b>'.repeat(bodyNestingLimit + 1))).toThrow(BodyNestingError);
    expect(() => htmlToBlocks('<b>'.repeat(160_000))).toThrow(/nests tags more than 100 deep/);
    expect(htmlToBlocks(`${'<i>'.repeat(bodyNestingLimit - 1)}deep`)).toHaveLength(1);
  });

  it('makes documents the schema accepts, even past its limits', () => {
    const many = '<p>x</p>'.repeat(3_000);
    const blocks = htmlToBlocks(many);
    expect(bodyDocumentSchema.safeParse(doc(blocks)).success).toBe(true);
    expect(blocks).toHaveLength(1_000);
    expect(words(bodyPlainText(doc(blocks)))).toHaveLength(3_000);
    const wide = `<table><tr>${'<td>c</td>'.repeat(20)}</tr><tr>${'<td>d</td>'.repeat(20)}</tr></table>`;
    const [table] = htmlToBlocks(wide) as [Extract<Block, { type: 'table' }>];
    expect(table.header).toHaveLength(12);
    expect(words(table.header.join(' '))).toHaveLength(20);
  });
});

describe('paragraphsToBlocks', () => {
  it('makes a paragraph of each, a newline a line break, and skips empty ones', () => {
    expect(paragraphsToBlocks(['One', '', 'Two\nlines'])).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'One' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Two' }, { type: 'break' }, { type: 'text', text: 'lines' }] },
    ]);
  });
});

// ---- the property: no text is ever lost ------------------------------------------------------------
// The reference reading of HTML's words: its text nodes, with every element that is not running text
// (and every line break) a word boundary.
// Script and style hold no text, but they do not part words either (as a browser shows them).
const runningText = new Set(['script', 'style', 'b', 'strong', 'i', 'em', 'sub', 'sup', 'a', 'span', 'u', 's', 'code', 'mark', 'small']);
function referenceWords(html: string): string[] {
  let text = '';
  let skip = 0;
  const parser = new Parser(
    {
      onopentag: (name) => {
        if (name === 'script' || name === 'style') skip += 1;
        if (!runningText.has(name)) text += ' ';
      },
      onclosetag: (name) => {
        if (name === 'script' || name === 'style') skip -= 1;
        if (!runningText.has(name)) text += ' ';
      },
      ontext: (data) => {
        if (!skip) text += data;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return words(text);
}

const word = fc.stringMatching(/^[A-Za-z0-9\u0600-\u06ff\u4e00-\u4e20éß&<>"']{1,8}$/).map((w) => w.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
const phrase = fc.array(word, { minLength: 1, maxLength: 4 }).map((ws) => ws.join(' '));
const inline: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    phrase,
    fc.tuple(fc.constantFrom('b', 'strong', 'i', 'em', 'sub', 'sup', 'span', 'u', 'code'), tie('node')).map(([tag, inner]) => `<${tag}>${inner}</${tag}>`),
    tie('node').map((inner) => `<a href="https://example.org/">${inner}</a>`),
    tie('node').map((inner) => `<a href="javascript:x()">${inner}</a>`),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => `${a} ${b}`),
    fc.tuple(tie('node'), tie('node')).map(([a, b]) => `${a}<br>${b}`),
  ),
})).node as fc.Arbitrary<string>;
const item = inline.map((text) => `<li>${text}</li>`);
const block: fc.Arbitrary<string> = fc.letrec((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    inline.map((text) => `<p>${text}</p>`),
    fc.tuple(fc.constantFrom('h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'figcaption'), inline).map(([tag, text]) => `<${tag}>${text}</${tag}>`),
    fc.tuple(fc.constantFrom('ul', 'ol'), fc.array(fc.oneof(item, tie('list')), { minLength: 1, maxLength: 4 })).map(([tag, items]) => `<${tag}>${items.join('')}</${tag}>`),
    fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((blocks) => `<blockquote>${blocks.join('')}</blockquote>`),
    fc.array(tie('block'), { minLength: 1, maxLength: 3 }).map((blocks) => `<div>${blocks.join('')}</div>`),
    fc.array(fc.array(phrase, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }).map(
      (rows) => `<table>${rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('')}</table>`,
    ),
    fc.constant('<hr>'),
    fc.constant('<img src="https://example.org/a.jpg" alt="not text">'),
    fc.constant('<script>var hidden = 1</script>'),
    inline,
  ),
  list: fc.tuple(fc.constantFrom('ul', 'ol'), fc.array(item, { minLength: 1, maxLength: 3 })).map(([tag, items]) => `<li>x<${tag}>${items.join('')}</${tag}></li>`),
})).block as fc.Arbitrary<string>;

describe('htmlToBlocks never loses text (property)', () => {
  it('the words of the HTML are the words of the blocks, and the document is valid', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => blocks.join('')), (html) => {
        const blocks = htmlToBlocks(html);
        expect(bodyDocumentSchema.safeParse(doc(blocks)).success).toBe(true);
        expect(words(bodyPlainText(doc(blocks)))).toEqual(referenceWords(html));
      }),
      { numRuns: 300 },
    );
  });
});
