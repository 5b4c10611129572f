// TEMPORARY (issue 12, storage step): a minimal reading of the blocks so the site keeps working while
// the per-block components (components/article/blocks/) are built. Text only, React-escaped.
import type { Block, BodyDocument, Inline } from '@/lib/articles/body/schema';
import { blockPlainText } from '@/lib/articles/body/text';

function Runs({ content }: { content: readonly Inline[] }) {
  return content.map((inline, index) => (inline.type === 'break' ? <br key={index} /> : <span key={index}>{inline.text}</span>));
}

function BlockView({ block }: { block: Block }) {
  if (block.type === 'paragraph') return <p><Runs content={block.content} /></p>;
  if (block.type === 'heading') return block.level === 2 ? <h2><Runs content={block.content} /></h2> : <h3><Runs content={block.content} /></h3>;
  const text = blockPlainText(block).trim();
  return text ? <p className="whitespace-pre-line">{text}</p> : null;
}

export function ArticleBody({ body }: { body: BodyDocument }) {
  return (
    <div className="prose prose-lg max-w-none font-serif prose-a:text-accent">
      {body.blocks.map((block, index) => <BlockView key={index} block={block} />)}
    </div>
  );
}
