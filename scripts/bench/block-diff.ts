// The revisions' block diff (lib/revisions/block-diff.ts) on long bodies (docs/benchmarks.md): bodies
// of 200 and 1,000 blocks (the cap) of about 40 words each, for one word changed, one block moved,
// one block in ten edited, a block inserted every ten, and every block rewritten (the worst case:
// nothing in common, so everything between the ends is one gap to pair by similarity). Prints one
// JSON line each: milliseconds and the parts that are not `same`. Pure, in process, no database.
// A benchmark, not a test: it reports.
//   npx tsx scripts/bench/block-diff.ts
import type { Block, BodyDocument } from '@/lib/articles/body/schema';
import { diffBlocks } from '@/lib/revisions/block-diff';

const vocabulary = ['the', 'minister', 'said', 'budget', 'vote', 'delayed', 'spring', 'council', 'report', 'markets', 'harbour', 'ferry'];
const paragraph = (index: number, word = (w: number) => `${vocabulary[(index * 7 + w) % vocabulary.length]}${(index + w) % 13}`): Block => ({
  type: 'paragraph',
  content: [{ type: 'text', text: Array.from({ length: 40 }, (_, w) => word(w)).join(' ') }],
});
const doc = (blocks: Block[]): BodyDocument => ({ version: 1, blocks });

for (const count of [200, 1_000]) {
  const blocks = Array.from({ length: count }, (_, index) => paragraph(index));
  const moved = [...blocks];
  moved.push(...moved.splice(Math.floor(count / 4), 1));
  const cases: Record<string, Block[]> = {
    'one word changed': blocks.map((block, index) => (index === Math.floor(count / 2) ? paragraph(index, (w) => (w === 5 ? 'CHANGED' : `${vocabulary[(index * 7 + w) % vocabulary.length]}${(index + w) % 13}`)) : block)),
    'one block moved': moved,
    'one block in ten edited': blocks.map((block, index) => (index % 10 === 3 ? paragraph(index, (w) => (w % 4 === 0 ? 'EDITED' : `${vocabulary[(index * 7 + w) % vocabulary.length]}${(index + w) % 13}`)) : block)),
    'a block inserted every ten': blocks.flatMap((block, index) => (index % 10 === 0 ? [paragraph(index + 100_000, (w) => `new${w}x${index}`), block] : [block])),
    'every block rewritten': blocks.map((_, index) => paragraph(index, (w) => `other${index}w${w}`)),
  };
  for (const [name, after] of Object.entries(cases)) {
    const started = performance.now();
    const changes = diffBlocks(doc(blocks), doc(after));
    const ms = performance.now() - started;
    const counts: Record<string, number> = {};
    for (const change of changes) if (change.kind !== 'same') counts[change.kind] = (counts[change.kind] ?? 0) + 1;
    console.log(JSON.stringify({ blocks: count, case: name, ms: Math.round(ms * 10) / 10, ...counts }));
  }
}
