import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block } from '@/lib/articles/body/schema';
import { diffSnapshots, diffText, maxChangedTokens, type DiffPart } from '@/lib/revisions/diff';
import type { ArticleSnapshot } from '@/lib/revisions/snapshot';

/** The text a side reads: the same parts and that side's own. */
const side = (parts: DiffPart[], kind: 'removed' | 'added') => parts.filter((part) => part.kind === 'same' || part.kind === kind).map((part) => part.text).join('');

/** A body of `words` words in paragraphs of 60, word `index` written by `word`. */
function body(words: number, word: (index: number) => string = (index) => `word${index}`): string {
  const paragraphs: string[] = [];
  for (let start = 0; start < words; start += 60) {
    paragraphs.push(`<p>${Array.from({ length: Math.min(60, words - start) }, (_, offset) => word(start + offset)).join(' ')}</p>`);
  }
  return paragraphs.join('');
}

describe('word diff', () => {
  it('shows the word that changed, with the text around it unchanged', () => {
    expect(diffText('<p>The minister said yes.</p>', '<p>The minister said no.</p>')).toEqual([
      { kind: 'same', text: '<p>The minister said ' },
      { kind: 'removed', text: 'yes.' },
      { kind: 'added', text: 'no.' },
      { kind: 'same', text: '</p>' },
    ]);
    expect(diffText('', 'New text')).toEqual([{ kind: 'added', text: 'New text' }]);
    expect(diffText('Old text', '')).toEqual([{ kind: 'removed', text: 'Old text' }]);
    expect(diffText('Same', 'Same')).toEqual([{ kind: 'same', text: 'Same' }]);
    expect(diffText('', '')).toEqual([]);
  });

  it('finds the one word changed in a 20,000-word body', () => {
    const before = body(20_000);
    const after = body(20_000, (index) => (index === 12_345 ? 'changed' : `word${index}`));
    const changed = diffText(before, after).filter((part) => part.kind !== 'same');
    expect(changed).toEqual([
      { kind: 'removed', text: 'word12345' },
      { kind: 'added', text: 'changed' },
    ]);
  });

  it('finds two words changed far apart in a 20,000-word body', () => {
    const after = body(20_000, (index) => (index === 100 || index === 19_900 ? 'changed' : `word${index}`));
    expect(diffText(body(20_000), after).filter((part) => part.kind !== 'same')).toEqual([
      { kind: 'removed', text: 'word100' },
      { kind: 'added', text: 'changed' },
      { kind: 'removed', text: 'word19900' },
      { kind: 'added', text: 'changed' },
    ]);
  });

  it('shows a rewrite (more tokens changed than it compares) as the whole text replaced', () => {
    const before = body(maxChangedTokens);
    const after = body(maxChangedTokens, (index) => `other${index}`);
    expect(diffText(before, after)).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
  });

  it('gives back both sides from its parts, for any two texts', () => {
    // Words, spaces and tags from a small alphabet, so that the two sides share a lot.
    const token = fc.constantFrom('the', 'minister', 'said', 'yes.', 'no.', ' ', '  ', '\n', '<p>', '</p>', '<b>', 'ünï', '𝕳', '<a href="x">');
    const text = fc.array(token, { maxLength: 60 }).map((tokens) => tokens.join(''));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const parts = diffText(before, after);
        expect(side(parts, 'removed')).toBe(before);
        expect(side(parts, 'added')).toBe(after);
        expect(parts.every((part) => part.text !== '')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('snapshot diff of a body of blocks', () => {
  const p = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
  const snapshot = (blocks: Block[], headline = 'Ferry timetable'): ArticleSnapshot =>
    ({
      headline, kicker: '', standfirst: '', byline: '', sourceCredit: '', slug: 'ferry', status: 'draft', contentType: 'text', sectionId: 1,
      leadMediaId: null, publishedAt: null, breakingUntil: null, tags: [], body: { version: 1, blocks },
    }) as unknown as ArticleSnapshot;

  it('shows the body block by block, its text as words (never as markup or [object Object])', () => {
    const before = snapshot([p('The minister said yes.'), p('Ferries run hourly.')]);
    const after = snapshot([p('Ferries run hourly.'), p('The minister said no.')]);
    const [body, ...rest] = diffSnapshots(before, after);
    expect(rest).toEqual([]);
    expect(body?.field).toBe('body');
    expect(body?.before).toBe('The minister said yes.\n\nFerries run hourly.');
    expect(body?.blocks?.map((change) => change.kind)).toEqual(['same', 'changed']);
    expect(body?.blocks?.[1]).toMatchObject({ kind: 'changed', parts: [{ kind: 'same', text: 'The minister said ' }, { kind: 'removed', text: 'yes.' }, { kind: 'added', text: 'no.' }] });
  });

  it('sees a body whose blocks are the same as no difference, and a picture swapped with no words as one', () => {
    expect(diffSnapshots(snapshot([p('Same.')]), snapshot([p('Same.')]))).toEqual([]);
    const picture = (mediaId: number): Block => ({ type: 'picture', mediaId, alt: 'A ferry', caption: '', credit: '' });
    const [body] = diffSnapshots(snapshot([picture(1)]), snapshot([picture(2)]));
    expect(body?.blocks?.map((change) => change.kind)).toEqual(['removed', 'added']);
  });
});

describe('snapshot diff of the byline', () => {
  const snapshot = (contributors: number[]): ArticleSnapshot =>
    ({
      headline: 'Ferry timetable', kicker: '', standfirst: '', sourceCredit: '', slug: 'ferry', status: 'draft', contentType: 'text', sectionId: 1,
      leadMediaId: null, publishedAt: null, breakingUntil: null, tags: [], contributors, body: { version: 1, blocks: [] },
    }) as unknown as ArticleSnapshot;
  const names = { contributor: (id: number) => ({ 1: 'Sara Ahmadi', 2: 'Tom Li' })[id] ?? `#${id}` };

  it('names the contributors in their order, so a reorder is a change', () => {
    expect(diffSnapshots(snapshot([1, 2]), snapshot([2, 1]), names).map((row) => [row.label, row.before, row.after])).toEqual([['Byline', 'Sara Ahmadi, Tom Li', 'Tom Li, Sara Ahmadi']]);
    expect(diffSnapshots(snapshot([]), snapshot([9]), names).map((row) => [row.before, row.after])).toEqual([['—', '#9']]);
    expect(diffSnapshots(snapshot([1, 2]), snapshot([1, 2]), names)).toEqual([]);
  });
});
