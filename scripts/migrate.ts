// npm run db:migrate — applies pending migrations to DATABASE_URL (also done by npm start).
import { applyMigrations } from '@/lib/db/migrate';

const { applied } = await applyMigrations();
console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database is up to date.');
// Bodies stored as HTML before the story model become blocks (docs/decisions/0017-story-blocks.md).
const { convertStoredBodies } = await import('@/lib/articles/body/convert-stored');
const { db } = await import('@/lib/db/client');
await convertStoredBodies({ log: (line) => console.log(line) });
const { convertStoredBylines } = await import('@/lib/contributors/convert-bylines');
await convertStoredBylines({ log: (line) => console.log(line) });
await db.$disconnect();
