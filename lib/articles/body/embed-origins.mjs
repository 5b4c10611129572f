// @ts-check
// The only origins an article embed's frame may load from (lib/articles/body/embeds.ts derives each
// frame's address; every one is on this list). Plain JavaScript because the page headers
// (lib/security/page-headers.mjs), loaded outside the app's bundles, make the CSP's frame-src of it.

export const embedFrameOrigins = /** @type {const} */ ([
  'https://www.youtube-nocookie.com',
  'https://player.vimeo.com',
  'https://platform.twitter.com',
  'https://www.instagram.com',
  'https://www.tiktok.com',
  'https://w.soundcloud.com',
  'https://open.spotify.com',
  'https://datawrapper.dwcdn.net',
  'https://flo.uri.sh',
]);
