// The upload path before defect 10 was fixed, for the bench's before/after figure: the route read the
// whole form with request.formData() and copied each file into a Buffer before any check
// (git show 67085dd:app/api/admin/media/route.ts). Same generated body as testing/upload-child.ts;
// writes the file out and prints its peak memory. Not product code.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { uploadRequest, type Part } from '@/testing/multipart';

type PartSpec = Omit<Part, 'head'> & { headFile?: string; headHex?: string };
const specs = JSON.parse(process.argv[2] ?? '[]') as PartSpec[];
const parts: Part[] = specs.map(({ headFile, headHex, ...part }) => {
  const head = headFile ? fs.readFileSync(headFile) : headHex ? Buffer.from(headHex, 'hex') : undefined;
  return { ...part, head, size: part.size ?? head?.length };
});
async function upload(body: Part[]): Promise<void> {
  const form = await uploadRequest(body).formData();
  const value = form.get('file');
  if (!value || typeof value === 'string') throw new Error('no file part');
  const bytes = Buffer.from(await value.arrayBuffer());
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lede-bench-buffered-')), 'upload');
  fs.writeFileSync(out, bytes);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
}

const peakMb = () => Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
// With "warm-up" (the bench): one 1 MB upload first, so that what any first upload costs once (code
// loaded, sharp's set-up, the database connection) is not counted; then the peak is reset.
if (process.argv[3] === 'warm-up') {
  await upload(parts.map((part) => (part.name === 'file' ? { ...part, size: 1024 * 1024 } : part)));
  fs.writeFileSync('/proc/self/clear_refs', '5');
}
const baselineMb = process.memoryUsage().rss / 1048576;
await upload(parts);
console.log(JSON.stringify({ status: 201, baselineMb, peakMb: peakMb() }));
