import type { BlockOf } from '@/lib/articles/body/schema';
import { Inlines } from '@/components/article/blocks/Inlines';

/** A quotation with who said it: the attribution in the blockquote's footer, as a cite. */
export function QuoteBlock({ block }: { block: BlockOf<'quote'> }) {
  return (
    <blockquote dir="auto">
      {block.paragraphs.map((paragraph, index) => (
        <p key={index}>
          <Inlines content={paragraph} />
        </p>
      ))}
      {block.attribution ? (
        <footer>
          <cite>{block.attribution}</cite>
        </footer>
      ) : null}
    </blockquote>
  );
}
