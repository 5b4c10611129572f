import type { BylineEntry } from '@/lib/contributors/types';

/** "By A, B and C", each name a link to the contributor's author page, in byline order. */
export function Byline({ entries }: { entries: readonly BylineEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <p className="text-sm font-semibold" data-testid="byline">
      By{' '}
      {entries.map((entry, index) => (
        <span key={entry.id}>
          {index === 0 ? '' : index === entries.length - 1 ? ' and ' : ', '}
          <a href={entry.path} rel="author" className="underline decoration-rule underline-offset-2 hover:decoration-ink" data-testid="byline-name">
            {entry.name}
          </a>
        </span>
      ))}
    </p>
  );
}
