// npm run bench -- --scenario upload: peak resident memory of one large video upload (a generated
// body just under MEDIA_MAX_VIDEO_BYTES, with a poster), through the streaming path the route uses now
// (testing/upload-child.ts: receiveUpload → uploadMedia) and through the buffered path it used
// before defect 10 (scripts/bench/upload-buffered.ts), each in a fresh child process, in one run. The
// figure is the kernel's high-water mark (VmHWM) minus the child's memory before the upload; each child
// first makes a 1 MB upload (one-time costs) and resets its high-water mark. First, the time and the
// bytes written of one camera-sized photo upload (the original and its renditions).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

type Figures = Record<string, number | string>;

const IMAGE_ROUNDS = 5;

export async function measureUploads(projectRoot: string, benchDir: string, env: NodeJS.ProcessEnv, say: (line: string) => void): Promise<Figures> {
  const tsx = path.join(projectRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const dir = path.join(benchDir, 'upload');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const childEnv = { ...env, DATABASE_URL: `file:${path.join(dir, 'upload.db')}`, MEDIA_ROOT: path.join(dir, 'media') };
  const run = (script: string, args: string[]) => {
    const child = spawnSync(process.execPath, [tsx, script, ...args], { cwd: projectRoot, env: childEnv, encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) throw new Error(`${script} failed: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').pop()!) as { status: number; baselineMb: number; peakMb: number; ms: number; files: number; bytesWritten: number };
  };
  const migrate = spawnSync(process.execPath, [tsx, 'scripts/migrate.ts'], { cwd: projectRoot, env: childEnv, encoding: 'utf8' });
  if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr}`);
  const poster = path.join(dir, 'poster.jpg');
  fs.writeFileSync(poster, await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#335577' } }).jpeg().toBuffer());
  const limit = Number(env.MEDIA_MAX_VIDEO_BYTES ?? 500 * 1024 * 1024);
  const size = limit - 1024 * 1024;
  const parts = JSON.stringify([
    { name: 'alt', value: 'Bench clip' },
    { name: 'poster', filename: 'poster.jpg', headFile: poster },
    { name: 'file', filename: 'bench.mp4', headHex: '000000186674797069736f6d0000020069736f6d69736f32', size },
  ]);
  // A camera-sized photo (noise, so it compresses like one): time and bytes of one image upload, the
  // original and the renditions it writes. Median of IMAGE_ROUNDS children, each warmed up first.
  const photo = path.join(dir, 'photo.jpg');
  fs.writeFileSync(photo, await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#6a7f55', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg({ quality: 85 }).toBuffer());
  const photoParts = JSON.stringify([{ name: 'alt', value: 'Bench photo' }, { name: 'file', filename: 'photo.jpg', headFile: photo }]);
  say(`Uploading a 4000×3000 photo (${(fs.statSync(photo).size / 1048576).toFixed(1)} MB) ${IMAGE_ROUNDS} times…`);
  const images = Array.from({ length: IMAGE_ROUNDS }, () => run('testing/upload-child.ts', [photoParts, 'warm-up-same'])).sort((a, b) => a.ms - b.ms);
  const image = images[Math.floor(IMAGE_ROUNDS / 2)]!;
  say(`Uploading ${Math.round(size / 1048576)} MB through the streaming path…`);
  const streaming = run('testing/upload-child.ts', [parts, 'warm-up']);
  say(`…and through the buffered path (before defect 10)…`);
  const buffered = run('scripts/bench/upload-buffered.ts', [parts, 'warm-up']);
  fs.rmSync(dir, { recursive: true, force: true });
  const growth = (figures: { baselineMb: number; peakMb: number }) => Math.round(figures.peakMb - figures.baselineMb);
  return {
    upload_image_ms: Math.round(image.ms),
    upload_image_files_written: image.files,
    upload_image_bytes_written: image.bytesWritten,
    upload_mb: Math.round(size / 1048576),
    upload_streaming_status: streaming.status,
    upload_streaming_peak_rss_mb: Math.round(streaming.peakMb),
    upload_streaming_growth_mb: growth(streaming),
    upload_buffered_peak_rss_mb: Math.round(buffered.peakMb),
    upload_buffered_growth_mb: growth(buffered),
    upload_buffered_vs_streaming_growth_ratio: Number((growth(buffered) / Math.max(1, growth(streaming))).toFixed(1)),
  };
}
