// What each provider's frame may do, tightest that still works: scripts and its own origin (every
// player needs both), popups for "open on …" links, presentation (fullscreen) only for video, and
// the `allow` list only where the player uses the feature. Heights are the providers' own.
import type { EmbedProvider } from '@/lib/articles/body/embeds';

export type EmbedFramePolicy = { sandbox: string; allow: string; height: number | null };

const base = 'allow-scripts allow-same-origin allow-popups';
const video = { sandbox: `${base} allow-presentation`, allow: 'encrypted-media; fullscreen; picture-in-picture' };

const policies: Record<EmbedProvider, EmbedFramePolicy> = {
  // null height: a 16:9 box.
  youtube: { ...video, height: null },
  vimeo: { ...video, height: null },
  tiktok: { ...video, height: 740 },
  x: { sandbox: base, allow: '', height: 560 },
  instagram: { sandbox: base, allow: '', height: 640 },
  soundcloud: { sandbox: base, allow: 'encrypted-media', height: 166 },
  spotify: { sandbox: base, allow: 'encrypted-media', height: 352 },
  datawrapper: { sandbox: base, allow: '', height: 420 },
  flourish: { sandbox: base, allow: '', height: 520 },
};

export function embedFramePolicy(provider: EmbedProvider): EmbedFramePolicy {
  return policies[provider];
}
