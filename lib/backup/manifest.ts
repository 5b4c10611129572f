// The manifest of a backup folder (manifest.json): what the folder holds and how to check it. zod is the
// one truth for reading it back: a restore refuses a folder whose manifest does not parse.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const manifestFile = 'manifest.json';
export const mediaFolder = 'media';

const relativePath = z
  .string()
  .min(1)
  .refine((value) => !path.isAbsolute(value) && !value.split(/[\\/]/).some((part) => part === '..' || part === ''), 'must be a relative path inside the backup');

export const backupFileSchema = z.object({ path: relativePath, bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export const manifestSchema = z.object({
  format: z.literal('lede-backup/1'),
  createdAt: z.string(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgresql']),
    /** The dump, relative to the folder: an SQLite file or a pg_dump archive. */
    file: relativePath,
    /** Migrations applied to the database when it was copied, in order. */
    migrations: z.array(z.string()),
    /** Rows per table in the copy (bookkeeping and search-index tables left out). */
    tables: z.record(z.string(), z.number().int().min(0)),
  }),
  /** Every file of the folder but the manifest: the dump and media/…, with their checksums. */
  files: z.array(backupFileSchema),
  /** Media rows of the copy whose file was missing from MEDIA_ROOT when the backup ran. */
  missingMedia: z.array(z.string()),
  seconds: z.number(),
});

export type BackupManifest = z.infer<typeof manifestSchema>;
export type BackupFile = z.infer<typeof backupFileSchema>;

/** SHA-256 of a file, streamed (a 500 MB video never sits in memory). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Tables that are bookkeeping or derived: never counted, never restored (migrations rebuild them;
 * the search index and MediaUse are filled by triggers as the articles go in). */
export const notBackedUp = (name: string): boolean =>
  name === '_prisma_migrations' || name.startsWith('sqlite_') || /^ArticleSearch(_\w+)?$/.test(name) || name === 'MediaUse';

export type BackupProgress = (line: string) => void;
