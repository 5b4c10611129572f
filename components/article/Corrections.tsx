import type { CorrectionView } from '@/lib/articles/types';
import { formatDateline } from '@/lib/format/dates';

export function Corrections({ corrections }: { corrections: CorrectionView[] }) {
  return (
    <section aria-labelledby="corrections-heading" className="mt-8 border-l-4 border-accent bg-neutral-50 p-4" data-testid="corrections">
      <h2 id="corrections-heading" className="text-sm font-bold uppercase tracking-wide">
        Corrections
      </h2>
      <ul className="mt-2 flex flex-col gap-2 text-sm">
        {corrections.map((correction) => (
          <li key={correction.id}>
            <time dateTime={correction.createdAt} className="font-semibold">
              {formatDateline(correction.createdAt)}
            </time>
            : {correction.note}
          </li>
        ))}
      </ul>
    </section>
  );
}
