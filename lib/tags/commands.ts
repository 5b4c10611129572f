// Write commands for tags: find-or-create by name, so editors and importers can name tags freely.
import slugify from '@sindresorhus/slugify';
import { db } from '@/lib/db/client';
import type { Prisma, Tag } from '@/lib/generated/prisma/client';

type TagClient = Pick<Prisma.TransactionClient, 'tag'>;

export function tagSlug(name: string): string {
  return slugify(name) || 'tag';
}

/** The tag called `name` (matched by its slug), created when missing. */
export async function ensureTag(name: string, client: TagClient = db): Promise<Tag> {
  const clean = name.trim().replace(/\s+/g, ' ');
  if (!clean) throw new Error('a tag needs a name');
  const slug = tagSlug(clean);
  return client.tag.upsert({ where: { slug }, create: { slug, name: clean }, update: {} });
}

/** Tags for these names, in the order given, duplicates (by slug) dropped. */
export async function ensureTags(names: readonly string[], client: TagClient = db): Promise<Tag[]> {
  const tags: Tag[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    if (!name.trim() || seen.has(tagSlug(name))) continue;
    seen.add(tagSlug(name));
    tags.push(await ensureTag(name, client));
  }
  return tags;
}
