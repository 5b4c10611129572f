import type { BlockOf } from '@/lib/articles/body/schema';
import { embedProviderName, parseProviderUrl } from '@/lib/articles/body/embeds';
import { EmbedFrame } from '@/components/article/blocks/EmbedFrame';
import { embedFramePolicy } from '@/components/article/blocks/embed-policy';

/**
 * Third-party content that loads nothing from the third party until the reader asks. The server
 * renders a placeholder with the provider's name and a plain link to the post (works without
 * JavaScript); the EmbedFrame island adds the button that swaps in the sandboxed frame. The frame's
 * address is derived here from the stored URL (lib/articles/body/embeds.ts), so it is always on one
 * of embedFrameOrigins, the CSP's frame-src.
 */
export function EmbedBlock({ block }: { block: BlockOf<'embed'> }) {
  const parsed = parseProviderUrl(block.provider, block.url);
  if (!parsed) return null;
  const name = embedProviderName(block.provider);
  const policy = embedFramePolicy(block.provider);
  return (
    <figure data-embed={block.provider}>
      <EmbedFrame
        providerName={name}
        frameSrc={parsed.frameSrc}
        title={block.caption ? `${name}: ${block.caption}` : `${name} content`}
        sandbox={policy.sandbox}
        allow={policy.allow}
        height={policy.height}
      >
        <p className="font-bold">{name} content</p>
        <p className="text-sm text-muted">Loading it connects you to {name}.</p>
        <a href={parsed.url} rel="noopener noreferrer">
          View on {name}
        </a>
      </EmbedFrame>
      {block.caption ? <figcaption dir="auto">{block.caption}</figcaption> : null}
    </figure>
  );
}
