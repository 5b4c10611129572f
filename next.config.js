// @ts-check
// Next.js configuration. Decisions behind each setting: docs/decisions/.
import { fileURLToPath } from 'node:url';

// The widths next/image writes into srcset (its deviceSizes and imageSizes), and so the only ones a
// short rendition address may name.
const deviceSizes = [480, 828, 1200, 1600];
const imageSizes = [240];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several builds can live side by side (tests, benchmarks, parallel work): NEXT_DIST_DIR picks the folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  // Addresses no route matches (and the proxy's 404s, rewritten to one) are drawn by
  // app/global-not-found.tsx, a document of its own with the reader chrome. Without it the root
  // layout's not-found boundary had to carry that chrome, and Next writes a layout's not-found element
  // into the RSC payload of every page under it: 3.9 KB of every page, rendered on every miss
  // (docs/decisions/0033-global-not-found.md).
  experimental: { globalNotFound: true },
  poweredByHeader: false,
  // The request proxy normalises case and trailing slashes itself in ONE 301 (lib/routing/redirect.ts);
  // Next's own 308 for a trailing slash would add a second hop before it.
  skipTrailingSlashRedirect: true,
  // Pages, route responses and data always go through Lede's own cache handler: in memory (bounded by
  // LEDE_CACHE_MEMORY_MB), or in Redis with REDIS_URL. It stamps each entry with the start of its render
  // and takes its expiries from the outbox of page refreshes, so a render that read the database before
  // a publish is never kept as fresh (docs/decisions/0006-cache-coherence.md). Nothing is written to
  // disk: a restart starts from the database, and random URLs can only evict entries.
  cacheHandler: fileURLToPath(new URL('./lib/cache/page-cache-handler.mjs', import.meta.url)),
  cacheMaxMemorySize: 0,
  // `npm test` type-checks the whole project with tsc once; builds skip the duplicate pass.
  typescript: { ignoreBuildErrors: true },
  // Media are served by the app itself from MEDIA_ROOT (app/media/[...path]/route.ts).
  images: {
    localPatterns: [{ pathname: '/media/**' }, { pathname: '/placeholder/**' }],
    formats: ['image/avif', 'image/webp'],
    // Few widths on purpose: every width is one more srcset entry in each card of every cached page.
    deviceSizes,
    imageSizes,
    minimumCacheTTL: 31536000,
  },
  // Short rendition addresses (lib/media/rendition-url.ts): /media/828w/generated/x.jpg is next/image's
  // optimizer asked for /media/generated/x.jpg at 828 wide, the request its default loader would write
  // as /_next/image?url=%2Fmedia%2Fgenerated%2Fx.jpg&w=828&q=75, in half the bytes. Only the configured
  // widths match; any other path under /media/ is still the file itself (app/media/[...path]/route.ts).
  // Before the filesystem routes, so the media route never sees these (docs/decisions/0023-render-path.md).
  async rewrites() {
    return {
      beforeFiles: [
        {
          // The rest of the path as one parameter (:path(.+)): Next cannot put a repeated one (:path+)
          // into a query value ('Expected "path" to not repeat').
          source: `/media/:width(${[...deviceSizes, ...imageSizes].join('|')})w/:path(.+)`,
          destination: '/_next/image?url=/media/:path&w=:width&q=75',
        },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  // Admin and previews are never cached, never indexed: the pages say so too, this makes it hold for
  // every response under /admin, including errors and redirects.
  async headers() {
    return [
      {
        source: '/admin/:path*',
        headers: [
          { key: 'Cache-Control', value: 'private, no-store' },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
        ],
      },
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          // Security headers that never vary (issue 10): nothing frames Lede, not even its own preview; no
          // page needs a camera, a microphone or a location. The CSP and HSTS vary per render and per
          // SITE_URL: proxy.ts and the page cache handler add them (docs/security.md).
          { key: 'X-Frame-Options', value: 'DENY' },
          {
            key: 'Permissions-Policy',
            value: 'accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()',
          },
        ],
      },
    ];
  },
};

export default nextConfig;
