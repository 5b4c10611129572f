import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bodyPlainText, bodyWordCount, countWords, latinWordCount } from '@/lib/articles/body/text';
import type { BodyDocument } from '@/lib/articles/body/schema';

const t = (text: string) => ({ type: 'text' as const, text });

describe('bodyPlainText', () => {
  it('parts blocks by blank lines and list items by newlines; blocks without text add nothing', () => {
    const body: BodyDocument = {
      version: 1,
      blocks: [
        { type: 'paragraph', content: [t('One '), t('line'), { type: 'break' }, t('two')] },
        { type: 'divider' },
        { type: 'list', ordered: false, items: [{ content: [t('a')], list: { ordered: true, items: [{ content: [t('a1')] }] } }, { content: [t('b')] }] },
        { type: 'quote', paragraphs: [[t('Said')]], attribution: 'She' },
        { type: 'table', caption: '', header: ['H1', 'H2'], rows: [['c1', 'c2']] },
        { type: 'articleCard', articleId: 3 },
        { type: 'picture', mediaId: 1, alt: 'not text', caption: 'Caption', credit: 'Credit' },
      ],
    };
    expect(bodyPlainText(body)).toBe('One line\ntwo\n\na\na1\nb\n\nSaid\n\nShe\n\nH1\tH2\nc1\tc2\n\nCaption');
  });
});

describe('bodyWordCount', () => {
  it('counts words in any script', () => {
    expect(countWords('The minister said yes, twice.')).toBe(5);
    expect(countWords('گزارش ویژه از تهران')).toBe(4);
    expect(countWords('تقرير خاص من بيروت')).toBe(4);
    // Chinese has no spaces: the segmenter's dictionary finds the words (我 / 喜欢 / 新闻).
    expect(countWords('我喜欢新闻')).toBe(3);
    expect(countWords(' … — 42 ')).toBe(1);
    expect(bodyWordCount({ version: 1, blocks: [{ type: 'paragraph', content: [t('Two words')] }, { type: 'heading', level: 2, content: [t('three more words')] }] })).toBe(5);
  });
});

// countWords counts Latin-script text itself (Intl.Segmenter is most of the start-up converter's
// time): the count must be the segmenter's, on the characters where the rules are subtle.
const segmenterWords = (text: string) => [...new Intl.Segmenter('und', { granularity: 'word' }).segment(text)].filter((segment) => segment.isWordLike).length;

describe('countWords on Latin-script text', () => {
  it('counts what Intl.Segmenter counts', () => {
    const alphabet = [...'aZé9 0.:\',;-!?"()\n\t’‘“”–—…\u00a0xÿ×'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }).map((characters) => characters.join('')), (text) => {
      expect(latinWordCount(text)).toBe(segmenterWords(text));
    }), { numRuns: 20_000 });
  });

  it('joins and splits as the segmenter does, and leaves other scripts and "_" to it', () => {
    expect(countWords("The minister's 3.5% rise: 1,000 jobs, e.g. re:think — don’t a.1")).toBe(segmenterWords("The minister's 3.5% rise: 1,000 jobs, e.g. re:think — don’t a.1"));
    expect(latinWordCount("don't 1,000.5 a:b a.1 x, y")).toBe(7);
    expect(latinWordCount('snake_case')).toBeNull();
    expect(latinWordCount('گزارش')).toBeNull();
    expect(countWords('snake_case and گزارش')).toBe(3);
  });
});
