// npm run backup -- --out DIR: a consistent copy of the database (DATABASE_URL) and the media
// (MEDIA_ROOT) with a manifest of row counts and checksums (lib/backup). Safe while the site runs.
import { parseArgs } from 'node:util';

const usage = 'Usage: npm run backup -- --out DIR   (DIR must be new or empty)';
let out: string | undefined;
try {
  ({ values: { out } } = parseArgs({ options: { out: { type: 'string' } } }));
} catch (error) {
  console.error(`${usage}\n  ${(error as Error).message}`);
  process.exit(2);
}
if (!out) {
  console.error(`${usage}\n  --out is required`);
  process.exit(2);
}

const { backupSite } = await import('@/lib/backup/backup');
try {
  await backupSite({ out, progress: (line) => console.log(`[backup] ${line}`) });
} catch (error) {
  console.error(`[backup] Failed: ${(error as Error).message}`);
  process.exit(1);
}
