// The difference between two versions of an article, field by field; long text (the body) word by
// word, so an editor sees exactly what changed. Pure: no database, tested alone.
import { snapshotFieldLabels, type ArticleSnapshot } from '@/lib/revisions/snapshot';

export type DiffPart = { kind: 'same' | 'added' | 'removed'; text: string };
export type FieldDiff = { field: keyof ArticleSnapshot; label: string; before: string; after: string; parts: DiffPart[] };

const asText = (value: ArticleSnapshot[keyof ArticleSnapshot]): string =>
  Array.isArray(value) ? value.join(', ') : value === null ? '—' : String(value);

/** Words and the spaces and tags between them, so that joining the tokens gives the text back. */
function tokens(text: string): string[] {
  return text.match(/<[^>]*>|\s+|[^\s<]+/g) ?? [];
}

// Beyond this many tokens a side, the O(n·m) table would be too big: show the field as replaced.
const maxTokens = 4000;

export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const a = tokens(before);
  const b = tokens(after);
  // Trim the common start and end first: edits are usually small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end += 1;
  const head = a.slice(0, start).join('');
  const tail = a.slice(a.length - end).join('');
  const x = a.slice(start, a.length - end);
  const y = b.slice(start, b.length - end);
  const middle: DiffPart[] = [];
  if (x.length > maxTokens || y.length > maxTokens || x.length * y.length > 4_000_000) {
    if (x.length) middle.push({ kind: 'removed', text: x.join('') });
    if (y.length) middle.push({ kind: 'added', text: y.join('') });
  } else {
    // Longest common subsequence, then walk it.
    const rows = x.length + 1;
    const cols = y.length + 1;
    const table = new Uint32Array(rows * cols);
    for (let i = x.length - 1; i >= 0; i -= 1) {
      for (let j = y.length - 1; j >= 0; j -= 1) {
        table[i * cols + j] = x[i] === y[j] ? table[(i + 1) * cols + j + 1]! + 1 : Math.max(table[(i + 1) * cols + j]!, table[i * cols + j + 1]!);
      }
    }
    let i = 0;
    let j = 0;
    const push = (kind: DiffPart['kind'], text: string) => {
      const last = middle.at(-1);
      if (last && last.kind === kind) last.text += text;
      else middle.push({ kind, text });
    };
    while (i < x.length && j < y.length) {
      if (x[i] === y[j]) {
        push('same', x[i]!);
        i += 1;
        j += 1;
      } else if (table[(i + 1) * cols + j]! >= table[i * cols + j + 1]!) {
        push('removed', x[i]!);
        i += 1;
      } else {
        push('added', y[j]!);
        j += 1;
      }
    }
    while (i < x.length) push('removed', x[i++]!);
    while (j < y.length) push('added', y[j++]!);
  }
  return [...(head ? [{ kind: 'same' as const, text: head }] : []), ...middle, ...(tail ? [{ kind: 'same' as const, text: tail }] : [])];
}

/** Every field that differs between two snapshots (`labels` may name sections and media for people). */
export function diffSnapshots(before: ArticleSnapshot, after: ArticleSnapshot, names: { section?: (id: number) => string } = {}): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const [field, label] of snapshotFieldLabels) {
    let left = asText(before[field]);
    let right = asText(after[field]);
    if (field === 'sectionId' && names.section) {
      left = names.section(before.sectionId);
      right = names.section(after.sectionId);
    }
    if (left === right) continue;
    out.push({ field, label, before: left, after: right, parts: diffText(left, right) });
  }
  return out;
}
