// A child process for lib/contributors/contributors-upgrade.test.ts: converts the free-text bylines
// waiting in "ArticleBylineText", as a start does (after the body converter).
import { convertStoredBodies } from '@/lib/articles/body/convert-stored';
import { convertStoredBylines } from '@/lib/contributors/convert-bylines';

await convertStoredBodies();
const result = await convertStoredBylines({ batchSize: 2 });
console.log(JSON.stringify(result));
process.exit(0);
