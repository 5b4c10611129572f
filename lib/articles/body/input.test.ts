// The article input's body field (lib/articles/schema.ts) against hostile block JSON: whatever a
// client posts (the form's hidden input, the JSON API, an import) is refused unless it is a document
// the block schema allows, and text is only ever text.
import { describe, expect, it } from 'vitest';
import { articleInputSchema, bodyInputSchema, fieldErrors, languageSchema } from '@/lib/articles/schema';
import { bodyPlainText } from '@/lib/articles/body/text';
import { xssVectors } from '@/testing/xss-vectors';

const paragraph = (text: string, marks?: unknown[]) => ({ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] });
const doc = (...blocks: unknown[]) => ({ version: 1, blocks });
const refused = (body: unknown) => {
  const parsed = articleInputSchema.safeParse({ headline: 'H', sectionId: 1, body });
  expect(parsed.success).toBe(false);
  return fieldErrors(parsed.error!).body;
};

describe('the body field refuses hostile block JSON', () => {
  it.each([
    ['a javascript: link', doc(paragraph('x', [{ type: 'link', href: 'javascript:alert(1)' }]))],
    ['a data: link', doc(paragraph('x', [{ type: 'link', href: 'data:text/html;base64,PHNjcmlwdD4=' }]))],
    ['a link with spaces before javascript:', doc(paragraph('x', [{ type: 'link', href: ' javascript:alert(1)' }]))],
    ['an unknown block type', doc({ type: 'html', html: '<script>alert(1)</script>' })],
    ['an extra key on a block (html)', doc({ ...paragraph('x'), html: '<b>x</b>' })],
    ['an extra key on a run', doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', html: '<b>x</b>' }] })],
    ['an extra key on the document', { ...doc(), html: '<p>x</p>' }],
    ['__proto__ on a block', JSON.parse('{"version":1,"blocks":[{"type":"divider","__proto__":{"polluted":true}}]}')],
    ['__proto__ on the document', JSON.parse('{"version":1,"blocks":[],"__proto__":{"polluted":true}}')],
    ['constructor on a run', doc({ type: 'paragraph', content: [{ type: 'text', text: 'x', constructor: { prototype: {} } }] })],
    ['an embed from a host not on the allowlist', doc({ type: 'embed', provider: 'youtube', url: 'https://evil.example/watch?v=aqz-KE-bpKQ', caption: '' })],
    ['an embed of javascript:', doc({ type: 'embed', provider: 'vimeo', url: 'javascript:alert(1)', caption: '' })],
    ['an unknown provider', doc({ type: 'embed', provider: 'evilvideo', url: 'https://evil.example/1', caption: '' })],
    ['a picture without alt text', doc({ type: 'picture', mediaId: 3, alt: '   ' })],
    ['a picture by URL', doc({ type: 'picture', src: 'https://evil.example/a.jpg', alt: 'x' })],
    ['a media id that is no id', doc({ type: 'video', mediaId: '1 OR 1=1' })],
    ['a third level of list', doc({ type: 'list', ordered: false, items: [{ content: [], list: { ordered: false, items: [{ content: [], list: { ordered: false, items: [] } }] } }] })],
    ['a heading of level 1', doc({ type: 'heading', level: 1, content: [] })],
    ['another format version', { version: 2, blocks: [] }],
    ['an empty run of text', doc({ type: 'paragraph', content: [{ type: 'text', text: '' }] })],
    ['a control character', doc(paragraph('bell\u0007'))],
    ['a table whose rows do not fit its header', doc({ type: 'table', caption: '', header: ['a', 'b'], rows: [['1']] })],
    ['blocks as an object', { version: 1, blocks: { 0: paragraph('x') } }],
    ['a number', 42],
    ['null', null],
  ])('%s', (_name, body) => {
    expect(refused(body)).toMatch(/\S/);
  });

  it('refuses oversize input with a clear message and no work done on it', () => {
    expect(refused(doc(...Array.from({ length: 1_001 }, () => ({ type: 'divider' }))))).toBe('A body has at most 1,000 blocks.');
    expect(refused(doc(paragraph('x'.repeat(20_001))))).toBe('Block 1: At most 20,000 characters.');
    expect(refused(doc(...Array.from({ length: 6 }, () => paragraph('x'.repeat(19_000)))))).toBe('The body is too long (100,000 characters of text at most).');
    expect(refused('x'.repeat(1_000_001))).toBe('The body is too long (1,000,000 characters of JSON at most).');
  });

  it('says which block is wrong, in words', () => {
    expect(refused(doc(paragraph('ok'), { type: 'picture', mediaId: 3, alt: '' }))).toBe('Block 2: Describe the picture for readers who cannot see it (alt text is required).');
    expect(refused(doc({ type: 'html' }))).toBe('Block 1: This kind of block is not one Lede knows, or it is incomplete.');
    expect(refused('{"version":1,"blocks":[')).toBe('The body could not be read (it is not a JSON document of blocks). Reload the page and try again.');
    expect(refused('<p>HTML</p>')).toBe('The body could not be read (it is not a JSON document of blocks). Reload the page and try again.');
  });

  it('keeps a polluted prototype out of everything', () => {
    refused(JSON.parse('{"version":1,"blocks":[],"__proto__":{"polluted":true}}'));
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});

describe('the body field takes a document or its JSON text', () => {
  it('parses both the same way, and an empty value as the empty document', () => {
    const body = doc(paragraph('One', [{ type: 'bold' }, { type: 'link', href: 'https://example.org/a?b=1&c=2' }]), { type: 'divider' });
    expect(bodyInputSchema.parse(body)).toEqual(body);
    expect(bodyInputSchema.parse(JSON.stringify(body))).toEqual(body);
    expect(bodyInputSchema.parse('')).toEqual({ version: 1, blocks: [] });
    expect(articleInputSchema.parse({ headline: 'H', sectionId: 1 }).body).toEqual({ version: 1, blocks: [] });
  });

  it('keeps every XSS vector inside text as text, byte for byte', () => {
    for (const vector of xssVectors) {
      const body = doc(paragraph(vector), { type: 'pullQuote', text: vector, attribution: vector.slice(0, 300) }, { type: 'table', caption: '', header: ['Vector'], rows: [[vector]] });
      const parsed = bodyInputSchema.parse(JSON.stringify(body));
      expect(parsed, vector).toEqual(body);
      expect(bodyPlainText(parsed).split(vector).length - 1, vector).toBeGreaterThanOrEqual(3);
      expect(bodyPlainText(parsed).startsWith(`${vector}\n\n${vector}\n\n`), vector).toBe(true);
    }
  });
});

describe('language', () => {
  it('takes BCP 47 tags, canonical, and empty for the site’s language', () => {
    expect(languageSchema.parse('fa')).toBe('fa');
    expect(languageSchema.parse(' en-gb ')).toBe('en-GB');
    expect(languageSchema.parse('ZH-hant-tw')).toBe('zh-Hant-TW');
    expect(languageSchema.parse('')).toBe('');
    for (const bad of ['english', 'e', 'fa_IR', '<script>', 'en--GB', '12']) expect(languageSchema.safeParse(bad).success, bad).toBe(false);
  });
});
