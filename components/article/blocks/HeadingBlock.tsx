import type { BlockOf } from '@/lib/articles/body/schema';
import { Inlines } from '@/components/article/blocks/Inlines';

/** Body headings are h2 and h3: the page's h1 is the headline. */
export function HeadingBlock({ block }: { block: BlockOf<'heading'> }) {
  const Tag = block.level === 2 ? 'h2' : 'h3';
  return (
    <Tag dir="auto">
      <Inlines content={block.content} />
    </Tag>
  );
}
