// npm run restore -- DIR: fills an empty install (DATABASE_URL with no rows, MEDIA_ROOT with no
// files) from a backup made by npm run backup, after checking every file against the manifest.
import { parseArgs } from 'node:util';

const usage = 'Usage: npm run restore -- DIR   (a folder written by npm run backup)';
let from: string | undefined;
try {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length > 1) throw new Error('give one backup folder');
  from = positionals[0];
} catch (error) {
  console.error(`${usage}\n  ${(error as Error).message}`);
  process.exit(2);
}
if (!from) {
  console.error(usage);
  process.exit(2);
}

const { restoreSite, RestoreRefused } = await import('@/lib/backup/restore');
try {
  await restoreSite({ from, progress: (line) => console.log(`[restore] ${line}`) });
  const { runningAppsNotice } = await import('./support/running-apps');
  console.log(`[restore] ${runningAppsNotice()}`);
} catch (error) {
  console.error(error instanceof RestoreRefused ? `[restore] Refused: ${error.message}` : `[restore] Failed: ${(error as Error).message}`);
  process.exit(1);
}
