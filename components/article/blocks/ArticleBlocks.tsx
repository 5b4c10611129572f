import { blockSchema, type Block, type BodyDocument } from '@/lib/articles/body/schema';
import type { BodyReferences } from '@/lib/articles/body/references';
import { asideLabels } from '@/lib/articles/body/aside-labels';
import { ParagraphBlock } from '@/components/article/blocks/ParagraphBlock';
import { HeadingBlock } from '@/components/article/blocks/HeadingBlock';
import { ListBlock } from '@/components/article/blocks/ListBlock';
import { QuoteBlock } from '@/components/article/blocks/QuoteBlock';
import { PullQuoteBlock } from '@/components/article/blocks/PullQuoteBlock';
import { PictureBlock } from '@/components/article/blocks/PictureBlock';
import { VideoBlock } from '@/components/article/blocks/VideoBlock';
import { EmbedBlock } from '@/components/article/blocks/EmbedBlock';
import { FactBoxBlock } from '@/components/article/blocks/FactBoxBlock';
import { TableBlock } from '@/components/article/blocks/TableBlock';
import { DividerBlock } from '@/components/article/blocks/DividerBlock';
import { ArticleCardBlock } from '@/components/article/blocks/ArticleCardBlock';

function BlockView({ block, label, references }: { block: Block; label: string; references: BodyReferences }) {
  switch (block.type) {
    case 'paragraph':
      return <ParagraphBlock block={block} />;
    case 'heading':
      return <HeadingBlock block={block} />;
    case 'list':
      return <ListBlock block={block} />;
    case 'quote':
      return <QuoteBlock block={block} />;
    case 'pullQuote':
      return <PullQuoteBlock block={block} label={label} />;
    case 'picture':
      return <PictureBlock block={block} media={references.media[block.mediaId]} />;
    case 'video':
      return <VideoBlock block={block} media={references.media[block.mediaId]} />;
    case 'embed':
      return <EmbedBlock block={block} />;
    case 'factBox':
      return <FactBoxBlock block={block} label={label} />;
    case 'table':
      return <TableBlock block={block} />;
    case 'divider':
      return <DividerBlock />;
    case 'articleCard':
      return <ArticleCardBlock article={references.articles[block.articleId]} />;
  }
}

/** An article body: each block through its own component. `references` holds the media and
 * articles the blocks name, loaded with the page (lib/articles/page-references.ts). */
export function ArticleBlocks({ body, references }: { body: BodyDocument; references: BodyReferences }) {
  // Stored bodies are read without a full parse (lib/articles/stored-fields.ts); a block the schema
  // refuses (a row written around it) is left out here rather than failing the page.
  const blocks = body.blocks.filter((block) => blockSchema.safeParse(block).success);
  const labels = asideLabels(blocks);
  return (
    <div className="prose prose-lg max-w-none font-serif prose-a:text-accent" data-testid="article-body">
      {blocks.map((block, index) => (
        <BlockView key={index} block={block} label={labels.get(index) ?? ''} references={references} />
      ))}
    </div>
  );
}
