import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blocksToEditorDoc, coerceBody, editorDocToBlocks, editorNodes, type EditorNode } from '@/lib/articles/body/editor-doc';
import { bodyDocumentSchema, blockTypes, type Block, type BodyDocument, type Inline, type Mark } from '@/lib/articles/body/schema';

// ---- Arbitraries for valid documents (every block type, every mark, nesting to two levels) ----

const noControl = (text: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
const words = fc.constantFrom('The minister', ' said ', 'نعم', 'تحلیل!', '𝕳ello', 'ünï', 'a\nb', '\t', '<script>', '&amp;', ' ');
const anyText = fc.oneof(words, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 })).filter(noControl);
const text = (minLength: number) => fc.array(anyText, { minLength, maxLength: 3 }).map((parts) => parts.join(''));

const href = fc.constantFrom('https://example.org/a?b=c#d', 'http://example.com', 'mailto:desk@example.org', 'https://fa.wikipedia.org/wiki/%D8%A7');
const mark: fc.Arbitrary<Mark> = fc.oneof(
  fc.constant({ type: 'bold' } as const),
  fc.constant({ type: 'italic' } as const),
  fc.constant({ type: 'subscript' } as const),
  fc.constant({ type: 'superscript' } as const),
  href.map((value) => ({ type: 'link', href: value }) as const),
);
const marks = fc.uniqueArray(mark, { selector: (m) => m.type, minLength: 1, maxLength: 5 });
const inline: fc.Arbitrary<Inline> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('text' as const), text: text(1) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('text' as const), text: text(1), marks }) },
  { weight: 1, arbitrary: fc.constant({ type: 'break' } as const) },
);
const inlines = fc.array(inline, { maxLength: 5 });
const mediaId = fc.integer({ min: 1, max: 2_147_483_647 });
const leaf = fc.record({ content: inlines });
const item = fc.oneof(
  fc.record({ content: inlines }),
  fc.record({ content: inlines, list: fc.record({ ordered: fc.boolean(), items: fc.array(leaf, { minLength: 1, maxLength: 3 }) }) }),
);
const embedUrl = fc.constantFrom(
  { provider: 'youtube' as const, url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' },
  { provider: 'vimeo' as const, url: 'https://vimeo.com/76979871' },
  { provider: 'x' as const, url: 'https://x.com/lede/status/1234567890' },
  { provider: 'instagram' as const, url: 'https://www.instagram.com/p/Cabc123/' },
);

const block: fc.Arbitrary<Block> = fc.oneof(
  fc.record({ type: fc.constant('paragraph' as const), content: inlines }),
  fc.record({ type: fc.constant('heading' as const), level: fc.constantFrom(2 as const, 3 as const), content: inlines }),
  fc.record({ type: fc.constant('list' as const), ordered: fc.boolean(), items: fc.array(item, { minLength: 1, maxLength: 4 }) }),
  fc.record({ type: fc.constant('quote' as const), paragraphs: fc.array(inlines, { minLength: 1, maxLength: 3 }), attribution: text(0) }),
  fc.record({ type: fc.constant('pullQuote' as const), text: text(1), attribution: text(0) }),
  fc.record({ type: fc.constant('picture' as const), mediaId, alt: text(1).filter((alt) => alt.trim() === alt && alt !== ''), caption: text(0), credit: text(0) }),
  fc.record({ type: fc.constant('video' as const), mediaId, caption: text(0), credit: text(0) }),
  fc.record({ embed: embedUrl, caption: text(0) }).map(({ embed: { provider, url }, caption }): Block => ({ type: 'embed', provider, url, caption })),
  fc.record({ type: fc.constant('factBox' as const), title: text(0), paragraphs: fc.array(inlines, { minLength: 1, maxLength: 3 }) }),
  fc
    .record({ width: fc.integer({ min: 1, max: 4 }), height: fc.integer({ min: 0, max: 3 }), caption: text(0) })
    .chain(({ width, height, caption }) =>
      fc.record({
        type: fc.constant('table' as const),
        caption: fc.constant(caption),
        header: fc.array(text(0), { minLength: width, maxLength: width }),
        rows: fc.array(fc.array(text(0), { minLength: width, maxLength: width }), { minLength: height, maxLength: height }),
      }),
    ),
  fc.constant({ type: 'divider' } as const),
  fc.record({ type: fc.constant('articleCard' as const), articleId: mediaId }),
);
const bodyDocument: fc.Arbitrary<BodyDocument> = fc.array(block, { maxLength: 8 }).map((blocks) => ({ version: 1 as const, blocks }));

describe('blocks → editor → blocks', () => {
  it('is the identity for every valid document (fast-check)', () => {
    fc.assert(
      fc.property(bodyDocument, (generated) => {
        // What is stored is what the schema gives back: the property is about that.
        const stored = bodyDocumentSchema.parse(generated);
        // The one document that reads back otherwise: one empty paragraph is the empty body (below).
        fc.pre(!(stored.blocks.length === 1 && stored.blocks[0]!.type === 'paragraph' && stored.blocks[0]!.content.length === 0));
        const roundTripped = editorDocToBlocks(JSON.parse(JSON.stringify(blocksToEditorDoc(stored))));
        expect(roundTripped).toEqual(stored);
      }),
      { numRuns: 500 },
    );
  });

  it('covers every block type', () => {
    const seen = new Set<string>();
    fc.assert(fc.property(block, (generated) => void seen.add(generated.type)), { numRuns: 300 });
    expect([...seen].sort()).toEqual([...blockTypes].sort());
  });

  it('gives the editor one empty paragraph to type in for an empty body, and reads that back as the empty body', () => {
    expect(blocksToEditorDoc({ version: 1, blocks: [] })).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(editorDocToBlocks(blocksToEditorDoc({ version: 1, blocks: [] }))).toEqual({ version: 1, blocks: [] });
    // Two empty paragraphs are what the editor shows: kept.
    expect(editorDocToBlocks({ type: 'doc', content: [{ type: 'paragraph' }, { type: 'paragraph' }] }).blocks).toHaveLength(2);
  });

  it('maps each block to the node the editor knows', () => {
    const doc = blocksToEditorDoc({
      version: 1,
      blocks: [
        { type: 'paragraph', content: [{ type: 'text', text: 'Hi', marks: [{ type: 'link', href: 'https://example.org' }] }, { type: 'break' }] },
        { type: 'pullQuote', text: 'Words', attribution: '' },
        { type: 'table', caption: '', header: ['A', ''], rows: [['1', '2']] },
      ],
    });
    expect(doc.content).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'Hi', marks: [{ type: 'link', attrs: { href: 'https://example.org' } }] }, { type: 'hardBreak' }] },
      { type: 'pullQuote', content: [{ type: 'pullQuoteText', content: [{ type: 'text', text: 'Words' }] }, { type: 'pullQuoteAttribution' }] },
      {
        type: 'dataTable',
        content: [
          { type: 'dataTableCaption' },
          { type: 'dataTableHead', content: [{ type: 'dataTableHeaderCell', content: [{ type: 'text', text: 'A' }] }, { type: 'dataTableHeaderCell' }] },
          { type: 'dataTableRow', content: [{ type: 'dataTableCell', content: [{ type: 'text', text: '1' }] }, { type: 'dataTableCell', content: [{ type: 'text', text: '2' }] }] },
        ],
      },
    ]);
  });
});

// ---- The converter as the editor's last allowlist: what a paste or an extension leaves behind ----

const doc = (...content: EditorNode[]): EditorNode => ({ type: 'doc', content });
const t = (text: string, ...marks: EditorNode['marks'] & object) => ({ type: 'text', text, ...(marks.length ? { marks } : {}) });

describe('editor → blocks keeps only what the body names', () => {
  it('drops marks the body does not name and keeps their text', () => {
    const out = editorDocToBlocks(doc({ type: 'paragraph', content: [t('struck', { type: 'strike' }, { type: 'bold' }), t(' code', { type: 'code' }), t(' under', { type: 'underline' }, { type: 'textStyle', attrs: { color: 'red' } })] }));
    expect(out.blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: 'struck', marks: [{ type: 'bold' }] }, { type: 'text', text: ' code' }, { type: 'text', text: ' under' }] }]);
  });

  it('unlinks javascript:, data: and relative links and keeps http(s) and mailto ones, without their other attributes', () => {
    const link = (href: string) => ({ type: 'link', attrs: { href, target: '_blank', rel: 'noopener', class: 'x' } });
    const out = editorDocToBlocks(
      doc({
        type: 'paragraph',
        content: [t('a', link('javascript:alert(1)')), t('b', link(' JaVaScRiPt:alert(1)')), t('c', link('data:text/html,x')), t('d', link('/relative')), t('e', link('https://example.org/')), t('f', link('mailto:a@example.org'))],
      }),
    );
    expect(out.blocks[0]).toEqual({
      type: 'paragraph',
      content: [
        { type: 'text', text: 'a' }, { type: 'text', text: 'b' }, { type: 'text', text: 'c' }, { type: 'text', text: 'd' },
        { type: 'text', text: 'e', marks: [{ type: 'link', href: 'https://example.org/' }] },
        { type: 'text', text: 'f', marks: [{ type: 'link', href: 'mailto:a@example.org' }] },
      ],
    });
    expect(bodyDocumentSchema.safeParse(out).success).toBe(true);
  });

  it('turns unknown nodes into their text, and unknown containers into their blocks', () => {
    const out = editorDocToBlocks(
      doc(
        { type: 'codeBlock', attrs: { language: 'js' }, content: [t('let x = 1')] },
        { type: 'image', attrs: { src: 'https://evil.example/x.png', alt: 'x' } },
        { type: 'details', content: [{ type: 'paragraph', content: [t('inside')] }, { type: 'heading', attrs: { level: 1 }, content: [t('Top')] }, { type: 'heading', attrs: { level: 5 }, content: [t('Deep')] }] },
        { type: 'paragraph', content: [{ type: 'mention', attrs: { id: 1 }, content: [t('@desk')] }] },
      ),
    );
    expect(out.blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'let x = 1' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'inside' }] },
      { type: 'heading', level: 2, content: [{ type: 'text', text: 'Top' }] },
      { type: 'heading', level: 3, content: [{ type: 'text', text: 'Deep' }] },
      { type: 'paragraph', content: [{ type: 'text', text: '@desk' }] },
    ]);
  });

  it('flattens lists nested deeper than two levels into the second, and joins an item’s paragraphs with breaks', () => {
    const li = (...content: EditorNode[]) => ({ type: 'listItem', content });
    const p = (text: string) => ({ type: 'paragraph', content: [t(text)] });
    const out = editorDocToBlocks(
      doc({
        type: 'bulletList',
        content: [li(p('one'), p('one more'), { type: 'orderedList', content: [li(p('two'), { type: 'bulletList', content: [li(p('three'))] })] })],
      }),
    );
    expect(out.blocks).toEqual([
      {
        type: 'list',
        ordered: false,
        items: [
          {
            content: [{ type: 'text', text: 'one' }, { type: 'break' }, { type: 'text', text: 'one more' }],
            list: { ordered: true, items: [{ content: [{ type: 'text', text: 'two' }] }, { content: [{ type: 'text', text: 'three' }] }] },
          },
        ],
      },
    ]);
    expect(bodyDocumentSchema.safeParse(out).success).toBe(true);
  });

  it('pads ragged table rows to the widest row instead of cutting cells', () => {
    const cell = (type: string, text: string) => ({ type, content: [t(text)] });
    const out = editorDocToBlocks(
      doc({
        type: 'dataTable',
        content: [
          { type: 'dataTableCaption' },
          { type: 'dataTableHead', content: [cell('dataTableHeaderCell', 'Party')] },
          { type: 'dataTableRow', content: [cell('dataTableCell', 'Greens'), cell('dataTableCell', '12%')] },
        ],
      }),
    );
    expect(out.blocks).toEqual([{ type: 'table', caption: '', header: ['Party', ''], rows: [['Greens', '12%']] }]);
  });

  it('never throws on junk: the server refuses what is not a body', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (junk) => {
        const out = editorDocToBlocks(junk);
        expect(out.version).toBe(1);
        expect(Array.isArray(out.blocks)).toBe(true);
      }),
    );
    expect(editorDocToBlocks({ content: [{ type: 'paragraph', content: [null, 5, { type: 'text', text: 7 }] }] }).blocks).toEqual([{ type: 'paragraph', content: [{ type: 'text', text: '7' }] }]);
  });
});

// ---- A refused post comes back to the form: the editor opens whatever it holds ----

const knownNodes = new Set(['doc', 'paragraph', 'text', 'hardBreak', 'heading', 'bulletList', 'orderedList', 'listItem', ...Object.values(editorNodes)]);
function problems(node: EditorNode, out: string[] = []): string[] {
  if (!knownNodes.has(node.type ?? '')) out.push(`unknown node ${node.type}`);
  if (node.type === 'text' && !node.text) out.push('empty text node');
  for (const mark of node.marks ?? []) if (!['bold', 'italic', 'subscript', 'superscript', 'link'].includes(mark.type ?? '')) out.push(`unknown mark ${mark.type}`);
  for (const child of node.content ?? []) problems(child, out);
  return out;
}

describe('coerceBody', () => {
  it('leaves every valid document as it is', () => {
    fc.assert(fc.property(bodyDocument, (generated) => {
      const stored = bodyDocumentSchema.parse(generated);
      expect(coerceBody(stored)).toEqual(stored);
    }), { numRuns: 300 });
  });

  it('gives the editor only nodes and marks it knows, and no empty text, whatever it is given', () => {
    const blockish = fc.record({ type: fc.constantFrom(...blockTypes, 'script', 'html'), content: fc.anything(), items: fc.anything(), paragraphs: fc.anything(), header: fc.anything(), rows: fc.anything(), text: fc.anything() }, { requiredKeys: ['type'] });
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.record({ version: fc.constant(1), blocks: fc.array(fc.oneof(blockish, fc.anything())) })), (junk) => {
      expect(problems(blocksToEditorDoc(coerceBody(junk)))).toEqual([]);
    }), { numRuns: 500 });
  });

  it('keeps the text of a block it does not know and unlinks a javascript: link', () => {
    const tampered = {
      version: 1,
      blocks: [
        { type: 'script', html: '<script>alert(1)</script>', note: 'Kept words' },
        { type: 'paragraph', content: [{ type: 'text', text: 'Click', marks: [{ type: 'link', href: 'javascript:alert(1)' }, { type: 'strike' }] }] },
      ],
    };
    expect(coerceBody(tampered).blocks).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: '<script>alert(1)</script> Kept words' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'Click' }] },
    ]);
  });
});
