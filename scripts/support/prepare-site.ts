// What has to happen to a database before Lede serves from it: migrations (and the conversion of bodies
// stored before blocks), demo content on an empty
// site, and a first admin when there is no user. npm start, the e2e harness and the bench share it.
// Import it only after the environment (DATABASE_URL, MEDIA_ROOT, ...) is final: lib/config reads it once.
import { convertStoredBodies } from '@/lib/articles/body/convert-stored';
import { convertStoredBylines } from '@/lib/contributors/convert-bylines';
import { applyMigrations } from '@/lib/db/migrate';
import { seedDemoContent } from '@/lib/seed/demo';
import { ensureFirstAdmin } from '@/lib/users/bootstrap';

export type PreparedSite = {
  migrationsApplied: string[];
  seeded: boolean;
  articles: number;
  /** Credentials of an admin created just now (shown once), or null when users already existed. */
  admin: { email: string; password: string } | null;
};

export async function prepareSite(options: { log?: (line: string) => void; generatedArticles?: number } = {}): Promise<PreparedSite> {
  const log = options.log ?? (() => {});
  log('Applying database migrations…');
  const { applied } = await applyMigrations();
  log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database schema is up to date.');
  // Bodies stored as HTML before the story model: converted to blocks once (docs/decisions/0017).
  await convertStoredBodies({ log });
  // Free-text bylines of before contributors: made contributors once (docs/decisions/0021).
  await convertStoredBylines({ log });
  const seed = await seedDemoContent({ log, ...(options.generatedArticles === undefined ? {} : { generatedArticles: options.generatedArticles }) });
  log(seed.seeded ? `Demo content added: ${seed.articles} articles.` : 'The database already holds articles: demo content left alone.');
  const admin = await ensureFirstAdmin();
  return { migrationsApplied: applied, seeded: seed.seeded, articles: seed.articles, admin };
}
