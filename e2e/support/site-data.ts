// Facts about the e2e database that specs need and cannot know in advance (the demo content's
// generated part is random), read through the same Prisma client the app uses. Also a way to put an
// article the public must NOT see into the database, and a way to publish more articles than the
// demo gave a section.
import { bodyColumns, paragraphsBody } from '@/lib/articles/body/columns';
import { randomBytes } from 'node:crypto';
import { expect, type APIRequestContext } from '@playwright/test';
import type { Actor } from '@/lib/articles/commands/result';
import { createArticle } from '@/lib/articles/commands/save';
import { publishArticle } from '@/lib/articles/commands/status';
import { db } from '@/lib/db/client';

/** The section with the most published articles: enough for several keyset pages. */
export async function busiestSection(): Promise<{ slug: string; name: string; published: number }> {
  const groups = await db.article.groupBy({ by: ['sectionId'], where: { status: 'published' }, _count: { _all: true } });
  const top = groups.sort((a, b) => b._count._all - a._count._all)[0];
  if (!top) throw new Error('The e2e database has no published article: did the demo seed run?');
  const section = await db.section.findUniqueOrThrow({ where: { id: top.sectionId }, select: { slug: true, name: true } });
  return { ...section, published: top._count._all };
}

/** A tag carried by at least one published article. */
export async function tagWithArticles(): Promise<{ slug: string; name: string }> {
  const tag = await db.tag.findFirst({
    where: { articles: { some: { article: { status: 'published' } } } },
    orderBy: { id: 'asc' },
    select: { slug: true, name: true },
  });
  if (!tag) throw new Error('No tag with a published article in the e2e database.');
  return tag;
}

/** A contributor with at least one published article: an author page with a list. */
export async function authorWithArticles(): Promise<{ id: number; slug: string; name: string }> {
  const author = await db.contributor.findFirst({
    where: { articles: { some: { article: { status: 'published' } } } },
    orderBy: { id: 'asc' },
    select: { id: true, slug: true, name: true },
  });
  if (!author) throw new Error('No contributor with a published article in the e2e database.');
  return author;
}

/** A word (7+ letters) found in the text of the most published articles: a search with many results. */
export async function commonWord(): Promise<string> {
  const sample = await db.article.findMany({ where: { status: 'published' }, select: { headline: true, bodyText: true }, take: 120, orderBy: { id: 'desc' } });
  const documents = new Map<string, number>();
  for (const article of sample) {
    const words = new Set(`${article.headline} ${article.bodyText}`.toLowerCase().match(/\p{L}{7,}/gu) ?? []);
    for (const word of words) documents.set(word, (documents.get(word) ?? 0) + 1);
  }
  const [word] = [...documents.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
  if (!word) throw new Error('No article text to pick a search word from.');
  return word;
}

/** Writes an article readers must not see (draft, unpublished, or scheduled for later) and returns its would-be path. */
export async function createHiddenArticle(status: 'draft' | 'unpublished' | 'scheduled'): Promise<string> {
  const section = await db.section.findFirstOrThrow({ orderBy: { position: 'asc' }, select: { id: true, slug: true } });
  const slug = `e2e-hidden-${status}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const inADay = new Date(Date.now() + 24 * 3600 * 1000);
  await db.article.create({
    data: {
      slug,
      headline: `Hidden ${status} article for the 404 journey`,
      ...bodyColumns(paragraphsBody('Nobody outside the newsroom may read this.')),
      status,
      sectionId: section.id,
      publishedAt: status === 'scheduled' ? inADay : status === 'unpublished' ? new Date(Date.now() - 3600 * 1000) : null,
    },
  });
  return `/${section.slug}/${slug}`;
}

/** Publishes `count` new articles in a section through the newsroom's commands, as `editor`, then
 * waits until the section front shows the newest (the commands record the page refresh; the server's
 * outbox poller carries it out). For specs that need more articles than the random demo gave. */
export async function publishArticlesIn(sectionSlug: string, count: number, editor: Actor, request: APIRequestContext): Promise<void> {
  const section = await db.section.findUniqueOrThrow({ where: { slug: sectionSlug }, select: { id: true } });
  let newest = '';
  for (let index = 1; index <= count; index++) {
    newest = `Filler ${index} of ${count} for the e2e run ${randomBytes(4).toString('hex')}`;
    const { id, version } = await createArticle(editor, { headline: newest, sectionId: section.id, body: paragraphsBody('Published by an e2e spec that needed more articles.') });
    await publishArticle(editor, id, version);
  }
  await expect.poll(async () => (await (await request.get(`/${sectionSlug}`)).text()).includes(newest), { timeout: 15_000 }).toBe(true);
}
