import type { BlockOf } from '@/lib/articles/body/schema';
import { Inlines } from '@/components/article/blocks/Inlines';

/** A box of facts beside the story, named by its title (or "Fact box" when it has none). `id` is
 * unique on the page (the block's position), for the title's aria-labelledby. */
export function FactBoxBlock({ block, id }: { block: BlockOf<'factBox'>; id: string }) {
  const titleId = `${id}-title`;
  const name = block.title ? { 'aria-labelledby': titleId } : { 'aria-label': 'Fact box' };
  return (
    <aside dir="auto" {...name} className="not-prose my-8 border border-rule p-4">
      {block.title ? (
        <h2 id={titleId} className="mb-2 text-lg font-bold">
          {block.title}
        </h2>
      ) : null}
      {block.paragraphs.map((paragraph, index) => (
        <p key={index} className="mb-2">
          <Inlines content={paragraph} />
        </p>
      ))}
    </aside>
  );
}
