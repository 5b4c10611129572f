// Picture and video blocks name media by id, and media can be deleted (lib/media/delete.ts) while a
// body that names it is not live: in an open editor, a revision, a deleted article's archive. A save
// refuses such a body with a message naming the block; a restore (of a revision or a deleted article)
// leaves those blocks out, as it leaves out a lead media that is gone. The MediaUse index's foreign
// key (decision 0024) refuses the rest: a save that races the deletion.
import type { BodyDocument } from '@/lib/articles/body/schema';
import type { Prisma } from '@/lib/generated/prisma/client';

type Client = Pick<Prisma.TransactionClient, 'media'>;

const namedMedia = (body: BodyDocument): number[] => [
  ...new Set(body.blocks.flatMap((block) => (block.type === 'picture' || block.type === 'video' ? [block.mediaId] : []))),
];

/** The ids the body's picture and video blocks name that no media row has. */
export async function missingBodyMedia(client: Client, body: BodyDocument): Promise<Set<number>> {
  const ids = namedMedia(body);
  if (ids.length === 0) return new Set();
  const found = new Set((await client.media.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((row) => row.id));
  return new Set(ids.filter((id) => !found.has(id)));
}

/** Field messages for the blocks naming media that is gone ("Block 3: …"), or null when none does. */
export async function missingMediaMessage(client: Client, body: BodyDocument): Promise<string | null> {
  const missing = await missingBodyMedia(client, body);
  if (missing.size === 0) return null;
  const index = body.blocks.findIndex((block) => (block.type === 'picture' || block.type === 'video') && missing.has(block.mediaId));
  const block = body.blocks[index]!;
  return `Block ${index + 1}: that ${block.type} was deleted from the media library. Remove the block or choose another.`;
}

/** The body without the picture and video blocks whose media is gone, and how many were left out. */
export async function withoutMissingMedia(client: Client, body: BodyDocument): Promise<{ body: BodyDocument; leftOut: number }> {
  const missing = await missingBodyMedia(client, body);
  if (missing.size === 0) return { body, leftOut: 0 };
  const blocks = body.blocks.filter((block) => !((block.type === 'picture' || block.type === 'video') && missing.has(block.mediaId)));
  return { body: { ...body, blocks }, leftOut: body.blocks.length - blocks.length };
}

/**
 * Is this the database refusing a use of media that no longer exists (the MediaUse foreign key, or
 * the lead media's)? Prisma reports a foreign key failure as P2003 on both databases.
 */
export function isMissingReference(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === 'P2003';
}
