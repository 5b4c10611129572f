// A child process for lib/articles/body/convert-stored.test.ts: converts the bodies stored as HTML,
// as a start does (it is killed inside a batch with LEDE_FAULT_KILL_AT=bodies.converted:N).
import { convertStoredBodies } from '@/lib/articles/body/convert-stored';

const result = await convertStoredBodies();
console.log(JSON.stringify(result));
process.exit(0);
