import { DiffParts } from '@/components/admin/DiffParts';
import type { Block } from '@/lib/articles/body/schema';
import { blockText, blockTypeName, type BlockChange } from '@/lib/revisions/block-diff';

/** What a block says, for the diff: its words, or what it shows when it has none (a picture's alt text). */
function summary(block: Block): string {
  const text = blockText(block);
  switch (block.type) {
    case 'picture':
      return [block.alt, text].filter(Boolean).join(' — ');
    case 'video':
      return text || `media #${block.mediaId}`;
    case 'embed':
      return [block.url, text].filter(Boolean).join(' — ');
    case 'articleCard':
      return `article #${block.articleId}`;
    default:
      return text;
  }
}

type Row = { key: string; change: BlockChange } | { key: string; unchanged: number };

/** Runs of unchanged blocks fold into one line, so that an edit in a long body is found at once. */
function rows(changes: readonly BlockChange[]): Row[] {
  const out: Row[] = [];
  for (const [index, change] of changes.entries()) {
    const last = out.at(-1);
    if (change.kind === 'same' && last && 'unchanged' in last) last.unchanged += 1;
    else out.push(change.kind === 'same' ? { key: `s${index}`, unchanged: 1 } : { key: `c${index}`, change });
  }
  return out;
}

const styles: Record<Exclude<BlockChange['kind'], 'same'>, { label: string; className: string }> = {
  added: { label: 'Added', className: 'border-green-700 bg-green-50' },
  removed: { label: 'Removed', className: 'border-red-700 bg-red-50' },
  moved: { label: 'Moved', className: 'border-blue-700 bg-blue-50' },
  changed: { label: 'Changed', className: 'border-amber-700 bg-amber-50' },
};

/** A body's difference block by block: added, removed, moved, and the words changed inside a block. */
export function BlockDiff({ changes }: { changes: readonly BlockChange[] }) {
  return (
    <ol className="space-y-1" data-testid="block-diff">
      {rows(changes).map((row) => {
        if ('unchanged' in row) {
          return <li key={row.key} className="text-xs text-gray-700">{row.unchanged === 1 ? '1 block unchanged' : `${row.unchanged} blocks unchanged`}</li>;
        }
        const { change } = row;
        if (change.kind === 'same') return null;
        const style = styles[change.kind];
        const block = change.kind === 'changed' ? change.to : change.block;
        const positions = `from position ${change.kind === 'added' ? 0 : change.before + 1} to ${change.kind === 'removed' ? 0 : change.after + 1}`;
        const where = change.kind === 'moved' ? ` (${positions})` : change.kind === 'changed' && change.moved ? ` (moved ${positions})` : '';
        return (
          <li key={row.key} className={`border-l-4 py-0.5 pl-2 ${style.className}`} data-testid={`block-${change.kind}`}>
            <span className="text-xs font-semibold">{style.label}: {blockTypeName(block)}{where}</span>
            <div className="whitespace-pre-wrap break-words">
              {change.kind === 'changed' ? (
                change.parts.some((part) => part.kind !== 'same') ? <DiffParts parts={change.parts} /> : <span>{summary(change.to)} <em className="text-xs">(same words; its settings changed)</em></span>
              ) : change.kind === 'removed' ? (
                <del>{summary(block)}</del>
              ) : (
                summary(block)
              )}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
