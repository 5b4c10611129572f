// The e2e run's environment, decided once in the Playwright runner and inherited by its workers
// (they read the same process.env), so that specs importing lib/ modules talk to the very database
// the server under test uses. Imported first by playwright.config.ts.
import crypto from 'node:crypto';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '..', '..');
// Several people (or agents) running the suite in one checkout at once: E2E_INSTANCE=name gives a run
// its own database folder, build folder and report folder; E2E_PORT its own port.
const instance = (process.env.E2E_INSTANCE ?? '').replace(/[^a-z0-9-]/gi, '');
const suffix = instance ? `-${instance}` : '';
export const e2eDir = path.join(projectRoot, 'data', `e2e${suffix}`);
export const distDir = `.next-e2e${suffix}`;
export const outputDir = path.join(projectRoot, `test-results${suffix}`);
export const port = Number(process.env.E2E_PORT ?? 3999);
/** Set E2E_BASE_URL to run the specs against a server you started yourself (nothing is prepared then). */
export const externalBaseUrl = process.env.E2E_BASE_URL?.replace(/\/+$/, '') || null;
export const baseURL = externalBaseUrl ?? `http://127.0.0.1:${port}`;

export type E2eDatabase = 'sqlite' | 'postgres';
export const databaseKind: E2eDatabase = process.env.E2E_DATABASE === 'postgres' ? 'postgres' : 'sqlite';
/** The server the e2e PostgreSQL database is created on (and dropped from). */
export const postgresAdminUrl = process.env.E2E_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const sqliteFile = path.join(e2eDir, 'lede-e2e.db');
export const mediaRoot = path.join(e2eDir, 'media');
export const adminCredentialsFile = path.join(e2eDir, 'admin.json');
export const serverLogFile = path.join(e2eDir, 'server.log');
/** The view log e2e/nginx.spec.ts's nginx writes and the e2e server reads (VIEW_LOG_FILE). */
export const viewLogFile = path.join(e2eDir, 'nginx-views.log');

function postgresUrlFor(name: string): string {
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

// `??=`: the runner decides (a random database name, a secret), its workers inherit the decision.
if (externalBaseUrl) {
  // Specs that read the database need to know which one the external server uses: by default the
  // SQLite file the harness made last time.
  process.env.DATABASE_URL ??= `file:${sqliteFile}`;
  process.env.MEDIA_ROOT ??= mediaRoot;
} else {
  process.env.LEDE_E2E_DATABASE_URL ??=
    databaseKind === 'postgres' ? postgresUrlFor(`lede_e2e_${crypto.randomBytes(5).toString('hex')}`) : `file:${sqliteFile}`;
  process.env.DATABASE_URL = process.env.LEDE_E2E_DATABASE_URL;
  process.env.MEDIA_ROOT = mediaRoot;
  process.env.SITE_URL = baseURL;
  process.env.INTERNAL_SECRET ||= crypto.randomBytes(32).toString('base64url');
}

export const databaseUrl = process.env.DATABASE_URL ?? '';

/** Chromium: the one scripts/test.mjs chose (LEDE_CHROMIUM), else Debian's. */
export const chromiumPath = process.env.LEDE_CHROMIUM || '/usr/bin/chromium';
// Without the networking flags Chromium keeps trying to reach Google, which this machine refuses.
export const chromiumArgs = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
