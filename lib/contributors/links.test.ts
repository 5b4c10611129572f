import { describe, expect, it } from 'vitest';
import { normaliseProfileLink } from '@/lib/contributors/links';

describe('normaliseProfileLink', () => {
  it.each([
    ['website', 'https://example.org/me', 'https://example.org/me'],
    ['website', 'http://Example.org', 'http://example.org/'],
    ['x', '@sara_a', 'https://x.com/sara_a'],
    ['x', 'sara_a', 'https://x.com/sara_a'],
    ['x', 'https://twitter.com/sara_a', 'https://x.com/sara_a'],
    ['x', 'x.com/sara_a', 'https://x.com/sara_a'],
    ['mastodon', '@sara@journa.host', 'https://journa.host/@sara'],
    ['mastodon', 'sara@Journa.Host', 'https://journa.host/@sara'],
    ['mastodon', 'https://mastodon.social/@sara', 'https://mastodon.social/@sara'],
    ['bluesky', 'sara.bsky.social', 'https://bsky.app/profile/sara.bsky.social'],
    ['bluesky', '@Sara.example.org', 'https://bsky.app/profile/sara.example.org'],
    ['bluesky', 'https://bsky.app/profile/sara.bsky.social', 'https://bsky.app/profile/sara.bsky.social'],
    ['website', '  ', ''],
  ] as const)('%s %j → %j', (kind, text, url) => {
    expect(normaliseProfileLink(kind, text)).toBe(url);
  });

  it.each([
    ['website', 'javascript:alert(1)'],
    ['website', 'ftp://example.org'],
    ['website', 'https://user:pass@example.org'],
    ['website', 'example.org'],
    ['x', '@far_too_long_handle_here'],
    ['x', 'https://evil.example/sara'],
    ['x', 'https://x.com/sara/status/1'],
    ['mastodon', '@sara'],
    ['mastodon', 'http://mastodon.social/@sara'],
    ['mastodon', 'https://mastodon.social/users/sara'],
    ['bluesky', 'https://example.org/profile/sara.bsky.social'],
    ['bluesky', 'not a handle'],
  ] as const)('refuses %s %j', (kind, text) => {
    expect(normaliseProfileLink(kind, text)).toBeNull();
  });
});
