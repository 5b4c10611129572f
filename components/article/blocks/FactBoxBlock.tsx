import type { BlockOf } from '@/lib/articles/body/schema';
import { Inlines } from '@/components/article/blocks/Inlines';

/** A box of facts beside the story, with its title as a heading. `label` is its landmark name,
 * unique on the page (asideLabels): the title, or "Fact box". */
export function FactBoxBlock({ block, label }: { block: BlockOf<'factBox'>; label: string }) {
  return (
    <aside dir="auto" aria-label={label} className="not-prose my-8 border border-rule p-4">
      {block.title.trim() ? <h2 className="mb-2 text-lg font-bold">{block.title}</h2> : null}
      {block.paragraphs.map((paragraph, index) => (
        <p key={index} className="mb-2">
          <Inlines content={paragraph} />
        </p>
      ))}
    </aside>
  );
}
