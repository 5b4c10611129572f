// The media files (MEDIA_ROOT) in a backup: copied file by file under media/, each checksummed as it
// lies in the backup, and copied back on restore only after the whole backup checked out.
import fs from 'node:fs';
import path from 'node:path';
import { mediaFolder, sha256File, type BackupFile, type BackupProgress } from '@/lib/backup/manifest';

/** Every regular file under root, as paths relative to it with forward slashes. */
export function filesUnder(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  const found: string[] = [];
  const visit = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile()) found.push(child);
    }
  };
  visit('');
  return found.sort();
}

const every = (count: number) => Math.max(1, Math.ceil(count / 10));

export async function backupMedia(mediaRoot: string, out: string, progress: BackupProgress): Promise<BackupFile[]> {
  const files = filesUnder(mediaRoot);
  progress(`Media: copying ${files.length} files from ${mediaRoot}…`);
  const copied: BackupFile[] = [];
  let bytes = 0;
  for (const [index, relative] of files.entries()) {
    const target = path.join(out, mediaFolder, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      await fs.promises.copyFile(path.join(mediaRoot, relative), target);
    } catch (error) {
      // Deleted between the listing and the copy: the database copy decides whether it was needed.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    const size = fs.statSync(target).size;
    bytes += size;
    copied.push({ path: `${mediaFolder}/${relative}`, bytes: size, sha256: await sha256File(target) });
    if ((index + 1) % every(files.length) === 0) progress(`Media: ${index + 1}/${files.length} files (${(bytes / 1e6).toFixed(1)} MB)`);
  }
  return copied;
}

/** Copies the backup's media files into mediaRoot, checking each copy's checksum again. */
export async function restoreMedia(from: string, files: readonly BackupFile[], mediaRoot: string, progress: BackupProgress): Promise<void> {
  const media = files.filter((file) => file.path.startsWith(`${mediaFolder}/`));
  progress(`Media: restoring ${media.length} files into ${mediaRoot}…`);
  for (const [index, file] of media.entries()) {
    const target = path.join(mediaRoot, file.path.slice(mediaFolder.length + 1));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    await fs.promises.copyFile(path.join(from, file.path), target, fs.constants.COPYFILE_EXCL);
    if ((await sha256File(target)) !== file.sha256) throw new Error(`${target} differs from the backup after copying (disk error?)`);
    if ((index + 1) % every(media.length) === 0) progress(`Media: ${index + 1}/${media.length} files`);
  }
}
