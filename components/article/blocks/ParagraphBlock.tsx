import type { BlockOf } from '@/lib/articles/body/schema';
import { Inlines } from '@/components/article/blocks/Inlines';

// dir="auto" on every text block: a right-to-left paragraph in a left-to-right article (or the
// reverse) lays out by its own first strong character (issue 12, item 7).
export function ParagraphBlock({ block }: { block: BlockOf<'paragraph'> }) {
  return (
    <p dir="auto">
      <Inlines content={block.content} />
    </p>
  );
}
