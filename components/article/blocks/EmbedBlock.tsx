import type { BlockOf } from '@/lib/articles/body/schema';
import { parseProviderUrl } from '@/lib/articles/body/embeds';
import { EmbedFrame } from '@/components/article/blocks/EmbedFrame';

/**
 * Third-party content that loads nothing from the third party until the reader asks. The EmbedFrame
 * island renders the placeholder (the provider's name and a plain link to the post, which works
 * without JavaScript) and, once it runs, the button that swaps in the sandboxed frame. The frame's
 * address is derived from the stored URL (lib/articles/body/embeds.ts), so it is always on one of
 * embedFrameOrigins, the CSP's frame-src; a stored URL that is not the provider's renders nothing.
 */
export function EmbedBlock({ block }: { block: BlockOf<'embed'> }) {
  const parsed = parseProviderUrl(block.provider, block.url);
  if (!parsed) return null;
  // The island renders the <figure> and its caption as well (EmbedFrame.tsx says why).
  return <EmbedFrame provider={block.provider} url={parsed.url} caption={block.caption} />;
}
