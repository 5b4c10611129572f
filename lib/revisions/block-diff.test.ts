import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyDocumentSchema, type Block, type BodyDocument } from '@/lib/articles/body/schema';
import { blocksDiffer, diffBlocks, type BlockChange } from '@/lib/revisions/block-diff';

const p = (text: string): Block => ({ type: 'paragraph', content: [{ type: 'text', text }] });
const h = (text: string): Block => ({ type: 'heading', level: 2, content: [{ type: 'text', text }] });
const picture = (mediaId: number, alt: string): Block => ({ type: 'picture', mediaId, alt, caption: '', credit: '' });
const doc = (...blocks: Block[]): BodyDocument => ({ version: 1, blocks });

/** A change without its blocks, to compare shapes briefly. */
const brief = (change: BlockChange) =>
  change.kind === 'changed'
    ? { kind: change.kind, before: change.before, after: change.after, parts: change.parts }
    : { kind: change.kind, ...('before' in change ? { before: change.before } : {}), ...('after' in change ? { after: change.after } : {}) };

describe('block diff', () => {
  it('shows a block added, one removed, and the rest the same', () => {
    const before = doc(p('One.'), p('Two.'), p('Three.'));
    const after = doc(p('One.'), p('Three.'), h('Four'));
    expect(diffBlocks(before, after).map(brief)).toEqual([
      { kind: 'same', before: 0, after: 0 },
      { kind: 'removed', before: 1 },
      { kind: 'same', before: 2, after: 1 },
      { kind: 'added', after: 2 },
    ]);
  });

  it('shows the words changed inside a block edited in place', () => {
    const before = doc(h('Ferry timetable'), p('The minister said yes to the new ferry.'));
    const after = doc(h('Ferry timetable'), p('The minister said no to the new ferry.'));
    expect(diffBlocks(before, after).map(brief)).toEqual([
      { kind: 'same', before: 0, after: 0 },
      {
        kind: 'changed', before: 1, after: 1,
        parts: [
          { kind: 'same', text: 'The minister said ' },
          { kind: 'removed', text: 'yes' },
          { kind: 'added', text: 'no' },
          { kind: 'same', text: ' to the new ferry.' },
        ],
      },
    ]);
  });

  it('shows a paragraph moved to the end as moved, the others the same', () => {
    const before = doc(p('Alpha first.'), p('Bravo second.'), p('Charlie third.'), p('Delta fourth.'));
    const after = doc(p('Bravo second.'), p('Charlie third.'), p('Delta fourth.'), p('Alpha first.'));
    expect(diffBlocks(before, after).map(brief)).toEqual([
      { kind: 'same', before: 1, after: 0 },
      { kind: 'same', before: 2, after: 1 },
      { kind: 'same', before: 3, after: 2 },
      { kind: 'moved', before: 0, after: 3 },
    ]);
  });

  it('shows a paragraph edited and moved past another as one block changed and moved', () => {
    const before = doc(p('The minister said yes.'), p('Ferries run hourly.'));
    const after = doc(p('Ferries run hourly.'), p('The minister said no.'));
    expect(diffBlocks(before, after).map(brief)).toEqual([
      { kind: 'same', before: 1, after: 0 },
      { kind: 'changed', before: 0, after: 1, parts: [{ kind: 'same', text: 'The minister said ' }, { kind: 'removed', text: 'yes.' }, { kind: 'added', text: 'no.' }] },
    ]);
    expect(diffBlocks(before, after)[1]).toMatchObject({ kind: 'changed', moved: true });
  });

  it('pairs a paragraph rewritten wholesale as removed and added, not as an edit', () => {
    const before = doc(p('The council met on Tuesday evening.'));
    const after = doc(p('Rain is expected all weekend across the north.'));
    expect(diffBlocks(before, after).map(brief)).toEqual([
      { kind: 'removed', before: 0 },
      { kind: 'added', after: 0 },
    ]);
  });

  it('pairs the same picture with new alt text as one block changed (no words), another picture as added', () => {
    const before = doc(picture(7, 'A ferry at the quay'));
    const after = doc(picture(7, 'The ferry Ellan Vannin at the quay'), picture(8, 'A harbour'));
    expect(diffBlocks(before, after).map(brief)).toEqual([
      { kind: 'changed', before: 0, after: 0, parts: [] },
      { kind: 'added', after: 1 },
    ]);
  });

  it('sees no difference between a block and the same block with its keys in another order', () => {
    const a: Block = { type: 'heading', level: 2, content: [{ type: 'text', text: 'X' }] };
    const b = JSON.parse('{"content":[{"text":"X","type":"text"}],"level":2,"type":"heading"}') as Block;
    expect(blocksDiffer(diffBlocks(doc(a), doc(b)))).toBe(false);
  });

  it('diffs two bodies of 1,000 blocks with one block changed and one moved', () => {
    const blocks = Array.from({ length: 1_000 }, (_, index) => p(`Paragraph number ${index} of the long report.`));
    const edited = [...blocks];
    edited[500] = p('Paragraph number 500 of the short report.');
    const [first] = edited.splice(10, 1);
    edited.push(first!);
    const changes = diffBlocks(doc(...blocks), doc(...edited)).filter((change) => change.kind !== 'same').map(brief);
    expect(changes).toEqual([
      {
        kind: 'changed', before: 500, after: 499,
        parts: [{ kind: 'same', text: 'Paragraph number 500 of the ' }, { kind: 'removed', text: 'long' }, { kind: 'added', text: 'short' }, { kind: 'same', text: ' report.' }],
      },
      { kind: 'moved', before: 10, after: 999 },
    ]);
  });

  // Blocks from a small vocabulary, so that random bodies share, repeat, move and edit blocks.
  const word = fc.constantFrom('ferry', 'council', 'rain', 'minister', 'harbour', 'vote', 'قایق', 'شورا');
  const sentence = fc.array(word, { minLength: 1, maxLength: 6 }).map((list) => list.join(' '));
  const block: fc.Arbitrary<Block> = fc.oneof(
    sentence.map(p),
    sentence.map(h),
    fc.constant<Block>({ type: 'divider' }),
    fc.record({ mediaId: fc.integer({ min: 1, max: 3 }), alt: sentence }).map(({ mediaId, alt }) => picture(mediaId, alt)),
    fc.record({ text: sentence, attribution: fc.constantFrom('', 'A minister') }).map((q): Block => ({ type: 'pullQuote', ...q })),
  );
  const body = fc.array(block, { maxLength: 12 }).map((blocks) => doc(...blocks));

  /** One side's blocks, read back from the parts by their indices. */
  function side(changes: BlockChange[], which: 'before' | 'after'): Block[] {
    const found: Array<[number, Block]> = [];
    for (const change of changes) {
      if (which === 'before' && 'before' in change) found.push([change.before, change.kind === 'changed' ? change.from : change.block]);
      if (which === 'after' && 'after' in change) found.push([change.after, change.kind === 'changed' ? change.to : change.block]);
    }
    const indices = found.map(([index]) => index);
    expect(new Set(indices).size).toBe(indices.length);
    return found.sort(([x], [y]) => x - y).map(([, value]) => value);
  }

  it('gives back both documents’ block lists from its parts, for any two bodies', () => {
    fc.assert(
      fc.property(body, body, (before, after) => {
        expect(bodyDocumentSchema.safeParse(before).success).toBe(true);
        const changes = diffBlocks(before, after);
        expect(side(changes, 'before')).toEqual(before.blocks);
        expect(side(changes, 'after')).toEqual(after.blocks);
        // The parts follow the new body's order.
        const afterOrder = changes.filter((change) => 'after' in change).map((change) => (change as { after: number }).after);
        expect(afterOrder).toEqual([...afterOrder].sort((x, y) => x - y));
      }),
      { numRuns: 500 },
    );
  });

  it('gives back both lists for a body and an edit of it (blocks moved, dropped, added, reworded)', () => {
    // Each step takes a block out, then puts it back elsewhere, drops it, or puts a new block there.
    const step = fc.tuple(fc.nat(), fc.nat(), fc.oneof(fc.constant('move' as const), fc.constant('drop' as const), block));
    const edit = fc.tuple(body, fc.array(step, { maxLength: 6 }), fc.array(block, { maxLength: 3 }));
    fc.assert(
      fc.property(edit, ([before, steps, extra]) => {
        const blocks = [...before.blocks];
        for (const [from, to, what] of steps) {
          if (!blocks.length) break;
          const [taken] = blocks.splice(from % blocks.length, 1);
          if (what === 'drop') continue;
          blocks.splice(to % (blocks.length + 1), 0, what === 'move' ? taken! : what);
        }
        const after = doc(...blocks, ...extra);
        const changes = diffBlocks(before, after);
        expect(side(changes, 'before')).toEqual(before.blocks);
        expect(side(changes, 'after')).toEqual(after.blocks);
        expect(blocksDiffer(changes)).toBe(canonicalDiffers(before, after));
      }),
      { numRuns: 500 },
    );
  });
});

const canonicalDiffers = (a: BodyDocument, b: BodyDocument) => JSON.stringify(a.blocks) !== JSON.stringify(b.blocks);
