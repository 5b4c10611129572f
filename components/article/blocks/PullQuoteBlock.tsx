import type { BlockOf } from '@/lib/articles/body/schema';

/** A line lifted from the story for emphasis. An aside: it repeats the text, so it is not part of
 * the story's flow. `label` is its landmark name, unique on the page (asideLabels). */
export function PullQuoteBlock({ block, label }: { block: BlockOf<'pullQuote'>; label: string }) {
  return (
    <aside dir="auto" aria-label={label} className="not-prose my-8 border-y-2 border-accent py-4 font-serif text-2xl font-bold">
      <p>{block.text}</p>
      {block.attribution ? (
        <footer className="mt-2 text-base font-normal text-muted">
          <cite>{block.attribution}</cite>
        </footer>
      ) : null}
    </aside>
  );
}
