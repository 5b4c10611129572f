// npm run db:migrate — applies pending migrations to DATABASE_URL (also done by npm start).
import { applyMigrations } from '@/lib/db/migrate';

const { applied } = await applyMigrations();
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
