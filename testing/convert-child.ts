// A child process for lib/articles/body/convert-stored.test.ts: converts the bodies stored as HTML,
// as a start does (it is killed inside a batch with LEDE_FAULT_KILL_AT=bodies.converted:N).
import { convertStoredBodies } from '@/lib/articles/body/convert-stored';

// Batches of 200, so that the test can kill it inside the second one.
const result = await convertStoredBodies({ batchSize: 200 });
console.log(JSON.stringify(result));
process.exit(0);
