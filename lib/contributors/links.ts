// A contributor's profile links as an editor types them: a full address, or a handle the newsroom
// writes every day ("@sara", "@sara@journa.host", "sara.bsky.social"), normalised to the one https
// address of the profile. Pure: the schema (schema.ts) runs these; tested alone (links.test.ts).

export type ProfileLinkKind = 'website' | 'x' | 'mastodon' | 'bluesky';

export const profileLinkLabels: Readonly<Record<ProfileLinkKind, string>> = {
  website: 'Website',
  x: 'X',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
};

/** What the editor is told when a link cannot be read. */
export const profileLinkMessages: Readonly<Record<ProfileLinkKind, string>> = {
  website: 'Enter a web address starting with https:// or http://.',
  x: 'Enter an X handle (@name) or its address (https://x.com/name).',
  mastodon: 'Enter a Mastodon handle (@name@server) or its address (https://server/@name).',
  bluesky: 'Enter a Bluesky handle (name.bsky.social) or its address (https://bsky.app/profile/name.bsky.social).',
};

const hostname = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

function httpUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.hostname || url.username || url.password) return null;
    return url;
  } catch {
    return null;
  }
}

function website(text: string): string | null {
  const url = httpUrl(text);
  return url && hostname.test(url.hostname) ? url.href : null;
}

const xHandle = /^[A-Za-z0-9_]{1,15}$/;

function x(text: string): string | null {
  const url = httpUrl(/^(www\.)?(x|twitter)\.com\//i.test(text) ? `https://${text}` : text);
  let handle = text.replace(/^@/, '');
  if (url) {
    if (!/^(www\.|mobile\.)?(x|twitter)\.com$/i.test(url.hostname)) return null;
    handle = url.pathname.split('/').filter(Boolean)[0] ?? '';
    if (url.pathname.split('/').filter(Boolean).length !== 1) return null;
  }
  return xHandle.test(handle) ? `https://x.com/${handle}` : null;
}

const mastodonUser = /^[A-Za-z0-9_]{1,30}$/;

function mastodon(text: string): string | null {
  const handle = /^@?([^@\s/]+)@([^@\s/]+)$/.exec(text);
  if (handle) {
    const [, user, server] = handle;
    return mastodonUser.test(user!) && hostname.test(server!) ? `https://${server!.toLowerCase()}/@${user}` : null;
  }
  const url = httpUrl(text);
  if (!url || url.protocol !== 'https:' || !hostname.test(url.hostname)) return null;
  const [first, ...rest] = url.pathname.split('/').filter(Boolean);
  if (!first || rest.length || !first.startsWith('@') || !mastodonUser.test(first.slice(1))) return null;
  return `https://${url.hostname}/${first}`;
}

function bluesky(text: string): string | null {
  let handle = text.replace(/^@/, '');
  const url = httpUrl(text);
  if (url) {
    const parts = url.pathname.split('/').filter(Boolean);
    if (url.hostname !== 'bsky.app' || parts.length !== 2 || parts[0] !== 'profile') return null;
    handle = parts[1]!;
  }
  // A handle is a domain name; a DID (did:plc:…) names an account whose handle changed.
  if (/^did:plc:[a-z2-7]{24}$/.test(handle)) return `https://bsky.app/profile/${handle}`;
  return hostname.test(handle) ? `https://bsky.app/profile/${handle.toLowerCase()}` : null;
}

const readers: Readonly<Record<ProfileLinkKind, (text: string) => string | null>> = { website, x, mastodon, bluesky };

/** The link's one address ('' for an empty input), or null when the text is not one of its kind. */
export function normaliseProfileLink(kind: ProfileLinkKind, text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  if (trimmed.length > 300) return null;
  return readers[kind](trimmed);
}
