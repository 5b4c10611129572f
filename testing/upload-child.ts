// A child process for lib/media/crash.test.ts and the upload bench: one upload through the route's
// own steps (receiveUpload → uploadMedia inside a media journal), with a generated body. argv: a JSON
// list of parts (file parts: { name, filename, headFile | headHex, size }). Prints the answer as JSON.
import fs from 'node:fs';
import { receiveUpload } from '@/lib/media/receive';
import { withMediaJournal } from '@/lib/media/staging';
import { mediaFile } from '@/lib/media/store';
import { uploadMedia, UploadError } from '@/lib/media/upload';
import { mediaFilesOf } from '@/lib/media/usage';
import { uploadRequest, type Part } from '@/testing/multipart';

type PartSpec = Omit<Part, 'head'> & { headFile?: string; headHex?: string };
const specs = JSON.parse(process.argv[2] ?? '[]') as PartSpec[];
const parts: Part[] = specs.map(({ headFile, headHex, ...part }) => {
  const head = headFile ? fs.readFileSync(headFile) : headHex ? Buffer.from(headHex, 'hex') : undefined;
  return { ...part, head, size: part.size ?? head?.length };
});
function upload(body: Part[]) {
  return withMediaJournal(async () => {
    const { fields, files } = await receiveUpload(uploadRequest(body));
    return uploadMedia({ ...fields, file: files.file ?? null, poster: files.poster ?? null }, null);
  });
}

// Peak resident memory of this process (the kernel's high-water mark), and where it stood before the upload.
const peakMb = () => Number(/^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
// With "warm-up" (the bench): one 1 MB upload first, so that what any first upload costs once (code
// loaded, sharp's set-up, the database connection) is not counted; then the peak is reset. With
// "warm-up-same" the first upload is the same body (an image cannot be cut to 1 MB and stay one).
if (process.argv[3] === 'warm-up' || process.argv[3] === 'warm-up-same') {
  await upload(process.argv[3] === 'warm-up-same' ? parts : parts.map((part) => (part.name === 'file' ? { ...part, size: 1024 * 1024 } : part)));
  fs.writeFileSync('/proc/self/clear_refs', '5');
}
const baselineMb = process.memoryUsage().rss / 1048576;
try {
  const started = performance.now();
  const media = await upload(parts);
  const ms = performance.now() - started;
  // What the upload wrote: the original and each rendition its row names.
  const files = mediaFilesOf(media);
  const bytesWritten = files.reduce((sum, file) => sum + fs.statSync(mediaFile(file)).size, 0);
  console.log(JSON.stringify({ status: 201, id: media.id, baselineMb, peakMb: peakMb(), ms, files: files.length, bytesWritten }));
} catch (error) {
  if (!(error instanceof UploadError)) throw error;
  console.log(JSON.stringify({ status: error.status, error: error.message }));
}
process.exit(0);
