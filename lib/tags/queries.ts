// Tags as readers reach them: whether /tag/{slug} is a page (the request proxy's resolver asks).
import { db } from '@/lib/db/client';

export async function tagExists(slug: string): Promise<boolean> {
  return (await db.tag.count({ where: { slug } })) > 0;
}
