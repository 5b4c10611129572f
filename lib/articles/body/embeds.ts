// The embed allowlist: which providers an article body may embed, how each one's URL is read, and
// which address its frame loads. A stored embed keeps only the provider and the reader-facing URL it
// was pasted as (normalised); the frame address is derived from it here at render time, so changing
// how a provider embeds never needs a data migration. Every origin a frame may load from is listed in
// `embedFrameOrigins`, which the Content-Security-Policy's frame-src is made from.

export const embedProviders = [
  'youtube', 'vimeo', 'x', 'instagram', 'tiktok', 'soundcloud', 'spotify', 'datawrapper', 'flourish',
] as const;
export type EmbedProvider = (typeof embedProviders)[number];

/** What a pasted URL is once read: the provider, the canonical reader-facing URL and the frame's. */
export type ParsedEmbed = {
  provider: EmbedProvider;
  /** The URL a reader follows without JavaScript (and what is stored). */
  url: string;
  /** The sandboxed iframe's src, on one of embedFrameOrigins. */
  frameSrc: string;
};

type Reader = { hosts: readonly string[]; read: (url: URL) => Omit<ParsedEmbed, 'provider'> | null };

const providerNames: Record<EmbedProvider, string> = {
  youtube: 'YouTube', vimeo: 'Vimeo', x: 'X', instagram: 'Instagram', tiktok: 'TikTok',
  soundcloud: 'SoundCloud', spotify: 'Spotify', datawrapper: 'Datawrapper', flourish: 'Flourish',
};

/** The provider's name as readers know it ("YouTube"), for the placeholder and the plain link. */
export function embedProviderName(provider: EmbedProvider): string {
  return providerNames[provider];
}

const youtubeId = /^[A-Za-z0-9_-]{11}$/;
const digits = /^\d{1,20}$/;
const code = /^[A-Za-z0-9_-]{1,64}$/;
const handle = /^@?[A-Za-z0-9_.-]{1,64}$/;

const segments = (url: URL) => url.pathname.split('/').filter(Boolean);

const readers: Record<EmbedProvider, Reader> = {
  youtube: {
    hosts: ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'youtu.be', 'www.youtube-nocookie.com'],
    read: (url) => {
      const parts = segments(url);
      let id: string | null = null;
      if (url.hostname === 'youtu.be') id = parts[0] ?? null;
      else if (parts[0] === 'watch') id = url.searchParams.get('v');
      else if (parts[0] === 'shorts' || parts[0] === 'embed' || parts[0] === 'live') id = parts[1] ?? null;
      if (!id || !youtubeId.test(id)) return null;
      return { url: `https://www.youtube.com/watch?v=${id}`, frameSrc: `https://www.youtube-nocookie.com/embed/${id}` };
    },
  },
  vimeo: {
    hosts: ['vimeo.com', 'www.vimeo.com', 'player.vimeo.com'],
    read: (url) => {
      const parts = segments(url);
      const id = url.hostname === 'player.vimeo.com' ? (parts[0] === 'video' ? parts[1] : undefined) : parts[0];
      if (!id || !digits.test(id)) return null;
      return { url: `https://vimeo.com/${id}`, frameSrc: `https://player.vimeo.com/video/${id}` };
    },
  },
  x: {
    hosts: ['x.com', 'www.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'],
    read: (url) => {
      const [user, status, id] = segments(url);
      if (!user || status !== 'status' || !id || !handle.test(user) || !digits.test(id)) return null;
      return { url: `https://x.com/${user}/status/${id}`, frameSrc: `https://platform.twitter.com/embed/Tweet.html?id=${id}` };
    },
  },
  instagram: {
    hosts: ['instagram.com', 'www.instagram.com'],
    read: (url) => {
      const [kind, id] = segments(url);
      if ((kind !== 'p' && kind !== 'reel') || !id || !code.test(id)) return null;
      return { url: `https://www.instagram.com/${kind}/${id}/`, frameSrc: `https://www.instagram.com/${kind}/${id}/embed` };
    },
  },
  tiktok: {
    hosts: ['tiktok.com', 'www.tiktok.com'],
    read: (url) => {
      const [user, video, id] = segments(url);
      if (!user || !user.startsWith('@') || !handle.test(user) || video !== 'video' || !id || !digits.test(id)) return null;
      return { url: `https://www.tiktok.com/${user}/video/${id}`, frameSrc: `https://www.tiktok.com/embed/v2/${id}` };
    },
  },
  soundcloud: {
    hosts: ['soundcloud.com', 'www.soundcloud.com', 'm.soundcloud.com'],
    read: (url) => {
      const parts = segments(url);
      if (parts.length < 2 || parts.length > 3 || !parts.every((part) => handle.test(part))) return null;
      const canonical = `https://soundcloud.com/${parts.join('/')}`;
      return { url: canonical, frameSrc: `https://w.soundcloud.com/player/?url=${encodeURIComponent(canonical)}` };
    },
  },
  spotify: {
    hosts: ['open.spotify.com'],
    read: (url) => {
      let parts = segments(url);
      // Localised links carry a language segment first: /intl-de/track/...
      if (parts[0]?.startsWith('intl-')) parts = parts.slice(1);
      const [kind, id] = parts;
      if (!kind || !['track', 'album', 'playlist', 'episode', 'show', 'artist'].includes(kind) || !id || !/^[A-Za-z0-9]{22}$/.test(id)) return null;
      return { url: `https://open.spotify.com/${kind}/${id}`, frameSrc: `https://open.spotify.com/embed/${kind}/${id}` };
    },
  },
  datawrapper: {
    hosts: ['datawrapper.dwcdn.net', 'www.datawrapper.de', 'datawrapper.de'],
    read: (url) => {
      const parts = segments(url);
      const id = url.hostname === 'datawrapper.dwcdn.net' ? parts[0] : parts[0] === '_' ? parts[1] : undefined;
      if (!id || !/^[A-Za-z0-9]{5}$/.test(id)) return null;
      const version = url.hostname === 'datawrapper.dwcdn.net' && parts[1] && /^\d{1,4}$/.test(parts[1]) ? `${parts[1]}/` : '';
      return { url: `https://datawrapper.dwcdn.net/${id}/${version}`, frameSrc: `https://datawrapper.dwcdn.net/${id}/${version}` };
    },
  },
  flourish: {
    hosts: ['public.flourish.studio', 'flo.uri.sh'],
    read: (url) => {
      const [kind, id] = segments(url);
      if ((kind !== 'visualisation' && kind !== 'story') || !id || !digits.test(id)) return null;
      return { url: `https://public.flourish.studio/${kind}/${id}/`, frameSrc: `https://flo.uri.sh/${kind}/${id}/embed` };
    },
  },
};

/** Every origin an embed's frame may load from: the CSP's frame-src, and nothing else. */
export { embedFrameOrigins } from '@/lib/articles/body/embed-origins.mjs';

function asUrl(text: string): URL | null {
  if (text.length > 2000) return null;
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
    if (url.username || url.password || (url.port && url.port !== '443' && url.port !== '80')) return null;
    return url;
  } catch {
    return null;
  }
}

/** A URL read as `provider`'s, or null when it is not one of that provider's embeddable addresses. */
export function parseProviderUrl(provider: EmbedProvider, text: string): ParsedEmbed | null {
  const url = asUrl(text);
  if (!url) return null;
  const reader = readers[provider];
  if (!reader.hosts.includes(url.hostname.toLowerCase())) return null;
  const read = reader.read(url);
  return read ? { provider, ...read } : null;
}

/** Any pasted URL: the allowlisted provider it belongs to, or null (then it is just a link). */
export function parseEmbedUrl(text: string): ParsedEmbed | null {
  for (const provider of embedProviders) {
    const parsed = parseProviderUrl(provider, text);
    if (parsed) return parsed;
  }
  return null;
}
