// The difference between two bodies, block by block: which blocks were added, removed or moved, and
// inside a block that was edited, which words changed. Pure: no database, tested alone
// (block-diff.test.ts, with a property that the parts give back both documents' block lists).
//
// How blocks are paired: first the longest common subsequence of identical blocks (jsdiff's Myers
// diff over each block's canonical JSON) anchors what did not change. An identical block that is
// outside that sequence on both sides was moved. Between two anchors, what is left on each side is
// paired by a second LCS whose "equal" is "the same kind of block saying much the same thing"
// (similar enough words, or the same picture, video, embed or card): such a pair is a block edited
// in place and gets a word diff; the rest are added or removed.
import { diffArrays } from 'diff';
import type { Block, BodyDocument } from '@/lib/articles/body/schema';
import { blockPlainText } from '@/lib/articles/body/text';
import { diffText, type DiffPart } from '@/lib/revisions/word-diff';

export type BlockChange =
  | { kind: 'same'; before: number; after: number; block: Block }
  | { kind: 'added'; after: number; block: Block }
  | { kind: 'removed'; before: number; block: Block }
  /** The same block, unchanged, at another place in the order. */
  | { kind: 'moved'; before: number; after: number; block: Block }
  /** One block edited in place: `parts` are its words; none of them changed when only a setting did (a link, a level, alt text). */
  | { kind: 'changed'; before: number; after: number; from: Block; to: Block; parts: DiffPart[]; moved?: true };

/** JSON with keys sorted, so two blocks with the same content have the same key however they were built. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A block's words as one text, as search and the word count read them (runs joined as they run). */
export const blockText = (block: Block): string => blockPlainText(block);

/** What a block points at outside its text (a Media row, an embed's address, another article), if anything. */
function target(block: Block): string | null {
  switch (block.type) {
    case 'picture':
    case 'video':
      return `media:${block.mediaId}`;
    case 'embed':
      return `embed:${block.url}`;
    case 'articleCard':
      return `article:${block.articleId}`;
    default:
      return null;
  }
}

const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** What similarity compares, worked out once a block (a gap compares each block with many). */
type Features = { type: Block['type']; target: string | null; words: Set<string> };
const features = (block: Block): Features => ({ type: block.type, target: target(block), words: words(blockText(block)) });

function alike(a: Features, b: Features): boolean {
  if (a.type !== b.type) return false;
  if (a.target !== null) return a.target === b.target;
  if (a.words.size === 0 && b.words.size === 0) return true;
  let shared = 0;
  for (const word of a.words) if (b.words.has(word)) shared += 1;
  // Dice's coefficient: half or more of the words in common.
  return (2 * shared) / (a.words.size + b.words.size) >= 0.5;
}

/** Two blocks are one block edited when they are the same type and point at the same thing, or share most of their words. */
export const similar = (a: Block, b: Block): boolean => alike(features(a), features(b));

// Pairing by similarity inside one gap costs its two lengths multiplied; past this (a body rewritten
// wholesale) the gap is shown as removed and added, which is what it is.
const maxGapCells = 250_000;

/** The longest sequence of similar pairs between two runs of blocks (indices into each). */
function pairSimilar(left: readonly Block[], right: readonly Block[]): Array<[number, number]> {
  const n = left.length;
  const m = right.length;
  if (n === 0 || m === 0 || n * m > maxGapCells) return [];
  // table[i * (m + 1) + j]: the longest run of similar pairs in left[i..] and right[j..].
  const width = m + 1;
  const table = new Uint32Array((n + 1) * width);
  const like = new Uint8Array(n * m);
  const cell = (i: number, j: number) => table[i * width + j] ?? 0;
  const leftFeatures = left.map(features);
  const rightFeatures = right.map(features);
  for (let i = n - 1; i >= 0; i -= 1) {
    for (let j = m - 1; j >= 0; j -= 1) {
      const match = alike(leftFeatures[i]!, rightFeatures[j]!);
      like[i * m + j] = match ? 1 : 0;
      table[i * width + j] = match ? cell(i + 1, j + 1) + 1 : Math.max(cell(i + 1, j), cell(i, j + 1));
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (like[i * m + j] && cell(i, j) === cell(i + 1, j + 1) + 1) {
      pairs.push([i, j]);
      i += 1;
      j += 1;
    } else if (cell(i + 1, j) >= cell(i, j + 1)) i += 1;
    else j += 1;
  }
  return pairs;
}

/**
 * Every block of both bodies, once, in reading order: each block of `after` where it stands, and each
 * block removed where it stood. Moved blocks appear at their new place (with their old index).
 */
export function diffBlocks(before: BodyDocument, after: BodyDocument): BlockChange[] {
  const a = before.blocks;
  const b = after.blocks;
  const ka = a.map(canonical);
  const kb = b.map(canonical);

  // 1. Identical blocks in the same order anchor the diff.
  const anchors: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(ka, kb)) {
    const count = change.count ?? change.value.length;
    if (change.added) j += count;
    else if (change.removed) i += count;
    else for (let k = 0; k < count; k += 1) anchors.push([i++, j++]);
  }

  // 2. Identical blocks left over on both sides were moved.
  const anchoredA = new Set(anchors.map(([x]) => x));
  const anchoredB = new Set(anchors.map(([, y]) => y));
  const leftovers = new Map<string, number[]>();
  a.forEach((_, x) => {
    if (anchoredA.has(x)) return;
    const key = ka[x]!;
    const list = leftovers.get(key) ?? [];
    list.push(x);
    leftovers.set(key, list);
  });
  const movedFrom = new Map<number, number>(); // after index → before index
  b.forEach((_, y) => {
    if (anchoredB.has(y)) return;
    const from = leftovers.get(kb[y]!)?.shift();
    if (from !== undefined) movedFrom.set(y, from);
  });
  const movedA = new Set(movedFrom.values());

  // 3. Between anchors, pair what is left by similarity; walk both sides in order.
  const out: BlockChange[] = [];
  const gap = (fromA: number, toA: number, fromB: number, toB: number) => {
    const restA: number[] = [];
    const restB: number[] = [];
    for (let x = fromA; x < toA; x += 1) if (!movedA.has(x)) restA.push(x);
    for (let y = fromB; y < toB; y += 1) if (!movedFrom.has(y)) restB.push(y);
    const pairs = pairSimilar(restA.map((x) => a[x]!), restB.map((y) => b[y]!));
    let x = fromA;
    let y = fromB;
    const flushTo = (stopA: number, stopB: number) => {
      for (; x < stopA; x += 1) if (!movedA.has(x)) out.push({ kind: 'removed', before: x, block: a[x]! });
      for (; y < stopB; y += 1) {
        const from = movedFrom.get(y);
        const block = b[y]!;
        out.push(from === undefined ? { kind: 'added', after: y, block } : { kind: 'moved', before: from, after: y, block });
      }
    };
    for (const [pa, pb] of pairs) {
      const bx = restA[pa]!;
      const by = restB[pb]!;
      flushTo(bx, by);
      const from = a[bx]!;
      const to = b[by]!;
      out.push({ kind: 'changed', before: bx, after: by, from, to, parts: diffText(blockText(from), blockText(to)) });
      x = bx + 1;
      y = by + 1;
    }
    flushTo(toA, toB);
  };
  let lastA = 0;
  let lastB = 0;
  for (const [x, y] of anchors) {
    gap(lastA, x, lastB, y);
    out.push({ kind: 'same', before: x, after: y, block: b[y]! });
    lastA = x + 1;
    lastB = y + 1;
  }
  gap(lastA, a.length, lastB, b.length);
  return pairAcrossGaps(out);
}

/**
 * 4. A block both edited and moved lands in two different gaps: removed in one, added in another.
 * Pair such leftovers by similarity (in the new body's order) as one block changed and moved.
 */
function pairAcrossGaps(changes: BlockChange[]): BlockChange[] {
  const removed = changes.flatMap((change, index) => (change.kind === 'removed' ? [{ index, features: features(change.block) }] : []));
  const added = changes.flatMap((change, index) => (change.kind === 'added' ? [{ index, features: features(change.block) }] : []));
  if (!removed.length || !added.length || removed.length * added.length > maxGapCells) return changes;
  const taken = new Set<number>();
  const replaced = new Map<number, BlockChange>();
  for (const candidate of added) {
    const match = removed.find((entry) => !taken.has(entry.index) && alike(entry.features, candidate.features));
    if (!match) continue;
    taken.add(match.index);
    const from = changes[match.index] as Extract<BlockChange, { kind: 'removed' }>;
    const to = changes[candidate.index] as Extract<BlockChange, { kind: 'added' }>;
    replaced.set(candidate.index, { kind: 'changed', before: from.before, after: to.after, from: from.block, to: to.block, parts: diffText(blockText(from.block), blockText(to.block)), moved: true });
  }
  if (!taken.size) return changes;
  return changes.flatMap((change, index) => (taken.has(index) ? [] : [replaced.get(index) ?? change]));
}

/** Did anything change? (A body diff of only `same` parts is no difference.) */
export const blocksDiffer = (changes: readonly BlockChange[]) => changes.some((change) => change.kind !== 'same');

const typeNames: Record<Block['type'], string> = {
  paragraph: 'Paragraph',
  heading: 'Heading',
  list: 'List',
  quote: 'Quote',
  pullQuote: 'Pull quote',
  picture: 'Picture',
  video: 'Video',
  embed: 'Embed',
  factBox: 'Fact box',
  table: 'Table',
  divider: 'Divider',
  articleCard: 'Article card',
};

/** A block's name for people: "Paragraph", "Pull quote". */
export const blockTypeName = (block: Block) => typeNames[block.type];
