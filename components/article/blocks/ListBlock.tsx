import type { BlockOf, ListItem } from '@/lib/articles/body/schema';
import { Inlines } from '@/components/article/blocks/Inlines';

function ListItems({ ordered, items }: { ordered: boolean; items: readonly ListItem[] }) {
  const Tag = ordered ? 'ol' : 'ul';
  return (
    <Tag dir="auto">
      {items.map((item, index) => (
        <li key={index}>
          <Inlines content={item.content} />
          {item.list ? <ListItems ordered={item.list.ordered} items={item.list.items} /> : null}
        </li>
      ))}
    </Tag>
  );
}

/** A list, ordered or not, with at most one nested level (the schema's limit). */
export function ListBlock({ block }: { block: BlockOf<'list'> }) {
  return <ListItems ordered={block.ordered} items={block.items} />;
}
