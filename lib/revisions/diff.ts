// The difference between two versions of an article, field by field; long text (the body) word by
// word, so an editor sees exactly what changed. Pure: no database, tested alone.
import type { BodyDocument } from '@/lib/articles/body/schema';
import { bodyPlainText } from '@/lib/articles/body/text';
import { blocksDiffer, diffBlocks, type BlockChange } from '@/lib/revisions/block-diff';
import { snapshotFieldLabels, type ArticleSnapshot } from '@/lib/revisions/snapshot';
import { diffText, type DiffPart } from '@/lib/revisions/word-diff';

export { diffText, maxChangedTokens, type DiffPart } from '@/lib/revisions/word-diff';

/** One field's difference; the body's is block by block as well (`blocks`), which is how it is shown. */
export type FieldDiff = { field: keyof ArticleSnapshot; label: string; before: string; after: string; parts: DiffPart[]; blocks?: BlockChange[] };

/** A body as blocks, if the value is one (a snapshot's body is a BodyDocument). */
function asBody(value: unknown): BodyDocument | null {
  return value !== null && typeof value === 'object' && Array.isArray((value as { blocks?: unknown }).blocks) ? (value as BodyDocument) : null;
}

const asText = (value: unknown): string => {
  const body = asBody(value);
  if (body) return bodyPlainText(body);
  return Array.isArray(value) ? value.join(', ') : value === null ? '—' : String(value);
};

/** Every field that differs between two snapshots (`labels` may name sections and media for people). */
export function diffSnapshots(before: ArticleSnapshot, after: ArticleSnapshot, names: { section?: (id: number) => string; contributor?: (id: number) => string } = {}): FieldDiff[] {
  const out: FieldDiff[] = [];
  for (const [field, label] of snapshotFieldLabels) {
    let left = asText(before[field]);
    let right = asText(after[field]);
    if (field === 'sectionId' && names.section) {
      left = names.section(before.sectionId);
      right = names.section(after.sectionId);
    }
    // The byline by name, in its order ("—" when none).
    if (field === 'contributors' && names.contributor) {
      left = before.contributors.map(names.contributor).join(', ') || '—';
      right = after.contributors.map(names.contributor).join(', ') || '—';
    }
    const bodies = [asBody(before[field]), asBody(after[field])] as const;
    if (bodies[0] && bodies[1]) {
      // A body differs when its blocks do, even where its words do not (a picture swapped, a link changed).
      const blocks = diffBlocks(bodies[0], bodies[1]);
      if (blocksDiffer(blocks)) out.push({ field, label, before: left, after: right, parts: diffText(left, right), blocks });
      continue;
    }
    if (left === right) continue;
    out.push({ field, label, before: left, after: right, parts: diffText(left, right) });
  }
  return out;
}
