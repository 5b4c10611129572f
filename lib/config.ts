// Configuration is read from the environment once, validated with zod and frozen: every other module
// imports `config` and never touches process.env for settings.
import path from 'node:path';
import { z } from 'zod';
import { parseTrustedProxies } from '@/lib/auth/forwarded.mjs';
import { dataFolder, defaultDatabaseUrl } from '@/lib/data-folder.mjs';

// Next traces files read at runtime; the project root is not a bundle input.
const projectRoot = process.cwd();
const dataDir = dataFolder(projectRoot);

const timeZone = z.string().refine((zone) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/London');

const databaseUrl = z
  .string()
  .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), 'must start with file: (SQLite) or postgres:// (PostgreSQL)');

const schema = z.object({
  SITE_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000').transform((url) => url.replace(/\/+$/, '')),
  SITE_NAME: z.string().min(1).default('Lede'),
  SITE_DESCRIPTION: z.string().default('Independent news, reported and edited with care.'),
  SITE_LANGUAGE: z.string().min(2).default('en'),
  SITE_TIMEZONE: timeZone.default('UTC'),
  // The legacy site stored datelines in its own local time with no zone; the importer reads them in this one.
  LEGACY_TIMEZONE: timeZone.default('Asia/Tehran'),
  // Old article URL patterns answering 301 to the canonical URL: {id} is the legacy id, {anything} any tail.
  LEGACY_URL_PATTERNS: z.string().default('/news/{id},/news/{id}/{anything}'),
  DATABASE_URL: databaseUrl.default(defaultDatabaseUrl(dataDir)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATABASE_REPLICA_URLS: z.string().default(''),
  REDIS_URL: z.string().default(''),
  REDIS_KEY_PREFIX: z.string().default('lede:'),
  MEDIA_ROOT: z.string().default(path.join(/* turbopackIgnore: true */ dataDir, 'media')),
  MEDIA_MAX_IMAGE_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  MEDIA_MAX_VIDEO_BYTES: z.coerce.number().int().positive().default(500 * 1024 * 1024),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SESSION_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  // A session unused this long ends, whatever SESSION_DAYS says (use slides it, written once a minute).
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(525_600).default(120),
  // Peers whose X-Forwarded-* headers are believed (addresses, CIDR ranges, loopback/linklocal/uniquelocal);
  // none by default. The server entry applies it (lib/auth/forwarded.mjs); checked here too.
  TRUSTED_PROXIES: z.string().default('').superRefine((text, context) => {
    try {
      parseTrustedProxies(text);
    } catch (error) {
      context.addIssue({ code: 'custom', message: (error as Error).message });
    }
  }),
  // Shared secret for the internal endpoints the app calls on itself (scheduled publishing) and
  // /api/internal/cache; when empty, one kept in data/internal-secret (lib/instance/internal-secret.ts),
  // which every process of this checkout shares. Several machines: set the same value on each.
  INTERNAL_SECRET: z.string().default(''),
  // What a CDN may keep of a public page, feed or sitemap: s-maxage and stale-while-revalidate, in
  // seconds (lib/security/page-headers.mjs reads them; docs/deploy.md "Behind a CDN").
  PUBLIC_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  PUBLIC_STALE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
  // How often the "most read" list is ranked again (docs/decisions/0022-audience-counts.md); its pages
  // are expired only when the ranking changed.
  MOST_READ_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
  // Hourly view counts older than this many days are deleted.
  AUDIENCE_KEEP_DAYS: z.coerce.number().int().min(8).max(3_650).default(35),
});

export type Config = Readonly<z.infer<typeof schema>> & {
  readonly projectRoot: string;
  /** The data folder: the default database, media, the internal secret, the records of running apps. */
  readonly dataDir: string;
};

function load(): Config {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new Error(`Lede's configuration is invalid:\n${problems}`);
  }
  const media = path.resolve(/* turbopackIgnore: true */ projectRoot, parsed.data.MEDIA_ROOT);
  return Object.freeze({ ...parsed.data, MEDIA_ROOT: media, projectRoot, dataDir });
}

export const config: Config = load();

export const isPostgres = (url: string = config.DATABASE_URL): boolean => /^postgres(ql)?:\/\//.test(url);
