import type { BlockOf } from '@/lib/articles/body/schema';
import { Inlines } from '@/components/article/blocks/Inlines';

/** Body headings are h2 and h3: the page's h1 is the headline. A heading with no words renders
 * nothing (an empty heading is a stop in a screen reader's outline that says nothing). */
export function HeadingBlock({ block }: { block: BlockOf<'heading'> }) {
  if (!block.content.some((inline) => inline.type === 'text' && inline.text.trim())) return null;
  const Tag = block.level === 2 ? 'h2' : 'h3';
  return (
    <Tag dir="auto">
      <Inlines content={block.content} />
    </Tag>
  );
}
