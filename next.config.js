// @ts-check
// Next.js configuration. Decisions behind each setting: docs/decisions/.
import { fileURLToPath } from 'node:url';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Several builds can live side by side (tests, benchmarks, parallel work): NEXT_DIST_DIR picks the folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  reactStrictMode: true,
  poweredByHeader: false,
  // The request proxy normalises case and trailing slashes itself in ONE 301 (lib/routing/redirect.ts);
  // Next's own 308 for a trailing slash would add a second hop before it.
  skipTrailingSlashRedirect: true,
  // Without a shared cache handler, Next's page and data cache lives in memory only: a restart starts
  // from the database (nothing stale survives on disk, e.g. after an import), and no stream of random
  // URLs can fill the disk with cached 404s. docs/caching.md.
  cacheMaxMemorySize: Number(process.env.LEDE_CACHE_MEMORY_MB || 256) * 1024 * 1024,
  experimental: { isrFlushToDisk: false },
  // With REDIS_URL, pages, route responses and data live in Redis instead, shared by every instance,
  // so a publish on one refreshes all (lib/cache/redis-handler.mjs, docs/deploy.md).
  ...(process.env.REDIS_URL
    ? { cacheHandler: fileURLToPath(new URL('./lib/cache/redis-handler.mjs', import.meta.url)), cacheMaxMemorySize: 0 }
    : {}),
  // `npm test` type-checks the whole project with tsc once; builds skip the duplicate pass.
  typescript: { ignoreBuildErrors: true },
  // Media are served by the app itself from MEDIA_ROOT (app/media/[...path]/route.ts).
  images: {
    localPatterns: [{ pathname: '/media/**' }, { pathname: '/placeholder/**' }],
    formats: ['image/avif', 'image/webp'],
    // Few widths on purpose: every width is one more srcset entry in each card of every cached page.
    deviceSizes: [480, 828, 1200, 1600],
    imageSizes: [240],
    minimumCacheTTL: 31536000,
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
          { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
        ],
      },
    ];
  },
};

export default nextConfig;
