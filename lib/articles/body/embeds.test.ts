import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedFrameOrigins, embedProviders, parseEmbedUrl, parseProviderUrl, type EmbedProvider } from '@/lib/articles/body/embeds';
import { bodyDocumentSchema } from '@/lib/articles/body/schema';

// Each provider: addresses as editors paste them → [stored (canonical) URL, frame src].
const pasted: Record<EmbedProvider, [string, string, string][]> = {
  youtube: [
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ?si=abc', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://m.youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
  ],
  vimeo: [['https://vimeo.com/76979871', 'https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871'],
    ['https://player.vimeo.com/video/76979871?h=x', 'https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871']],
  x: [['https://twitter.com/jack/status/20', 'https://x.com/jack/status/20', 'https://platform.twitter.com/embed/Tweet.html?id=20'],
    ['https://x.com/NASA/status/1790000000000000000?s=20', 'https://x.com/NASA/status/1790000000000000000', 'https://platform.twitter.com/embed/Tweet.html?id=1790000000000000000']],
  instagram: [['https://www.instagram.com/p/C1a2B3c4D5e/?igsh=x', 'https://www.instagram.com/p/C1a2B3c4D5e/', 'https://www.instagram.com/p/C1a2B3c4D5e/embed'],
    ['https://instagram.com/reel/C1a2B3c4D5e', 'https://www.instagram.com/reel/C1a2B3c4D5e/', 'https://www.instagram.com/reel/C1a2B3c4D5e/embed']],
  tiktok: [['https://www.tiktok.com/@scout2015/video/6718335390845095173', 'https://www.tiktok.com/@scout2015/video/6718335390845095173', 'https://www.tiktok.com/embed/v2/6718335390845095173']],
  soundcloud: [['https://soundcloud.com/forss/flickermood', 'https://soundcloud.com/forss/flickermood', 'https://w.soundcloud.com/player/?url=https%3A%2F%2Fsoundcloud.com%2Fforss%2Fflickermood']],
  spotify: [['https://open.spotify.com/intl-de/track/4uLU6hMCjMI75M1A2tKUQC?si=1', 'https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC', 'https://open.spotify.com/embed/track/4uLU6hMCjMI75M1A2tKUQC']],
  datawrapper: [['https://datawrapper.dwcdn.net/AbC12/3/', 'https://datawrapper.dwcdn.net/AbC12/3/', 'https://datawrapper.dwcdn.net/AbC12/3/'],
    ['https://www.datawrapper.de/_/AbC12/', 'https://datawrapper.dwcdn.net/AbC12/', 'https://datawrapper.dwcdn.net/AbC12/']],
  flourish: [['https://public.flourish.studio/visualisation/1234567/', 'https://public.flourish.studio/visualisation/1234567/', 'https://flo.uri.sh/visualisation/1234567/embed'],
    ['https://public.flourish.studio/story/98765', 'https://public.flourish.studio/story/98765/', 'https://flo.uri.sh/story/98765/embed'],
    // A frame address pasted with junk after it: the junk is not kept.
    ['https://flo.uri.sh/visualisation/1/embed?x=<svg>', 'https://public.flourish.studio/visualisation/1/', 'https://flo.uri.sh/visualisation/1/embed']],
};

describe('embed addresses', () => {
  it('reads each provider’s pasted addresses into its canonical URL and a frame on an allowlisted origin', () => {
    for (const provider of embedProviders) {
      for (const [input, url, frameSrc] of pasted[provider]) {
        expect(parseEmbedUrl(input), input).toEqual({ provider, url, frameSrc });
        expect(embedFrameOrigins, input).toContain(new URL(frameSrc).origin);
        // What is stored reads back as itself: the schema can insist on the canonical form.
        expect(parseProviderUrl(provider, url), url).toEqual({ provider, url, frameSrc });
      }
    }
  });

  it('refuses lookalike hosts, other schemes, credentials, odd ports and ids of the wrong shape', () => {
    for (const input of [
      'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
      'https://evilyoutube.com/watch?v=dQw4w9WgXcQ',
      'javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ',
      'data:text/html,https://youtu.be/dQw4w9WgXcQ',
      'https://user:pass@www.youtube.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/watch?v=dQw4w9WgXc"><script>',
      'https://www.youtube.com/watch?v=short',
      'https://vimeo.com/channels/staffpicks',
      'https://x.com/jack',
      'https://x.com/jack/status/20abc',
      'https://www.tiktok.com/video/6718335390845095173',
      'https://open.spotify.com/track/../../evil',
      'https://example.com/',
      `https://www.youtube.com/watch?v=dQw4w9WgXcQ&pad=${'a'.repeat(2100)}`,
    ]) {
      expect(parseEmbedUrl(input), input).toBeNull();
    }
  });

  it('never throws, and any address it accepts is canonical, allowlisted and accepted by the block schema', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.constantFrom(...Object.values(pasted).flat().map(([input]) => input))), (input) => {
        const parsed = parseEmbedUrl(input);
        if (!parsed) return;
        expect(embedFrameOrigins).toContain(new URL(parsed.frameSrc).origin);
        expect(parseEmbedUrl(parsed.url)).toEqual(parsed);
        expect(bodyDocumentSchema.safeParse({ version: 1, blocks: [{ type: 'embed', provider: parsed.provider, url: parsed.url }] }).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('the block schema refuses an embed stored in a form other than its canonical one, or under another provider', () => {
    const issues = (block: object) => bodyDocumentSchema.safeParse({ version: 1, blocks: [block] }).error?.issues.map((issue) => issue.message);
    expect(issues({ type: 'embed', provider: 'youtube', url: 'https://youtu.be/dQw4w9WgXcQ' })).toEqual(['Store the embed\'s address as https://www.youtube.com/watch?v=dQw4w9WgXcQ.']);
    expect(issues({ type: 'embed', provider: 'vimeo', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ' })).toEqual(['That is not an address vimeo embeds from.']);
  });
});
