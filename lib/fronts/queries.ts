// Fronts as readers and the newsroom read them. The public loaders run inside the page's cached
// lists (lib/articles/queries.ts), tagged with the front's tag (cacheTags.front) as well as the page's.
import { db } from '@/lib/db/client';
import { cardSelect, mediaSelect } from '@/lib/articles/select';
import { toArticleCard, toMediaView } from '@/lib/articles/mappers';
import { publicArticleWhere } from '@/lib/articles/public';
import type { ArticleCard } from '@/lib/articles/types';
import type { ArticleStatus, Prisma } from '@/lib/generated/prisma/client';
import { composeFront, slotProblem, type FrontStory, type PinnedCandidate } from '@/lib/fronts/compose';
import type { FrontAddress, FrontSlotInput } from '@/lib/fronts/schema';

type Client = Pick<Prisma.TransactionClient, 'article' | 'front' | 'frontSlot' | 'media' | 'section'>;

/** The front's row key: "home", or "section:{id}" (an id, so a rename keeps the arrangement). */
export function frontKey(sectionId: number | null): string {
  return sectionId === null ? 'home' : `section:${sectionId}`;
}

const pinnedArticleSelect = { ...cardSelect, status: true } satisfies Prisma.ArticleSelect;
type PinnedRow = Prisma.ArticleGetPayload<{ select: typeof pinnedArticleSelect }>;

function candidate(position: number, row: PinnedRow | null, headline: string, media: Parameters<typeof toMediaView>[0]): PinnedCandidate {
  return {
    position,
    article: row ? { ...toArticleCard(row), status: row.status, publishedAtDate: row.publishedAt } : null,
    headline,
    media: toMediaView(media),
  };
}

/** The saved pinned slots of a front, in order. */
export async function loadPinned(key: string, client: Client = db): Promise<PinnedCandidate[]> {
  const slots = await client.frontSlot.findMany({
    where: { front: { key } },
    orderBy: { position: 'asc' },
    select: { position: true, headline: true, article: { select: pinnedArticleSelect }, media: { select: mediaSelect } },
  });
  return slots.map((slot) => candidate(slot.position, slot.article, slot.headline, slot.media));
}

/** An unsaved arrangement (the preview), loaded like the saved one. */
export async function loadDraftPinned(slots: readonly FrontSlotInput[], client: Client = db): Promise<PinnedCandidate[]> {
  const [articles, media] = await Promise.all([
    client.article.findMany({ where: { id: { in: slots.map((slot) => slot.articleId) } }, select: pinnedArticleSelect }),
    client.media.findMany({ where: { id: { in: slots.flatMap((slot) => (slot.mediaId === null ? [] : [slot.mediaId])) }, kind: 'image' }, select: mediaSelect }),
  ]);
  return slots.map((slot, position) =>
    candidate(position, articles.find((row) => row.id === slot.articleId) ?? null, slot.headline, media.find((row) => row.id === slot.mediaId) ?? null),
  );
}

/** The newest public articles of the scope, enough to fill the front after the pinned ones. */
export async function loadNewest(scope: Prisma.ArticleWhereInput, take: number, client: Client = db): Promise<ArticleCard[]> {
  const rows = await client.article.findMany({
    where: { ...scope, ...publicArticleWhere() },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take,
    select: cardSelect,
  });
  return rows.map(toArticleCard);
}

/** A front's stories: its pinned slots (saved, or the preview's unsaved ones), then the newest. */
export async function loadFrontStories(
  front: { sectionId: number | null },
  size: number,
  draft?: readonly FrontSlotInput[],
  client: Client = db,
): Promise<FrontStory[]> {
  const pinned = draft ? await loadDraftPinned(draft, client) : await loadPinned(frontKey(front.sectionId), client);
  // Every pinned article might also be among the newest: read that many more.
  const newest = await loadNewest(front.sectionId === null ? {} : { sectionId: front.sectionId }, size + pinned.length, client);
  return composeFront(pinned, newest, { size, automaticLeadWantsPicture: front.sectionId === null });
}

/** The front an address names: home, or a section (current slug) with its id and name. */
export async function findFront(address: FrontAddress, client: Client = db): Promise<{ address: FrontAddress; key: string; sectionId: number | null; name: string; path: string; retired: boolean } | null> {
  if (address === 'home') return { address, key: 'home', sectionId: null, name: 'Home page', path: '/', retired: false };
  const section = await client.section.findUnique({ where: { slug: address }, select: { id: true, slug: true, name: true, retiredAt: true } });
  return section ? { address: section.slug, key: frontKey(section.id), sectionId: section.id, name: section.name, path: `/${section.slug}`, retired: section.retiredAt !== null } : null;
}

export type NewsroomSlot = {
  position: number;
  articleId: number | null;
  headline: string;
  mediaId: number | null;
  article: { id: number; headline: string; status: ArticleStatus; section: string } | null;
  /** Why this slot is missing from the public front ("the article was unpublished"), or null. */
  problem: string | null;
};

/** The slots of a front for its newsroom page: saved, or the unsaved arrangement being edited. */
export async function loadNewsroomSlots(key: string, draft?: readonly FrontSlotInput[]): Promise<NewsroomSlot[]> {
  const articleSelect = { id: true, headline: true, status: true, publishedAt: true, section: { select: { name: true } } } satisfies Prisma.ArticleSelect;
  const saved = draft
    ? null
    : await db.frontSlot.findMany({ where: { front: { key } }, orderBy: { position: 'asc' }, select: { position: true, articleId: true, headline: true, mediaId: true } });
  const slots = draft ? draft.map((slot, position) => ({ position, ...slot })) : saved!;
  const ids = slots.flatMap((slot) => (slot.articleId === null ? [] : [slot.articleId]));
  const articles = await db.article.findMany({ where: { id: { in: ids } }, select: articleSelect });
  const now = new Date();
  return slots.map((slot) => {
    const row = articles.find((article) => article.id === slot.articleId) ?? null;
    return {
      position: slot.position,
      articleId: slot.articleId,
      headline: slot.headline,
      mediaId: slot.mediaId,
      article: row ? { id: row.id, headline: row.headline, status: row.status, section: row.section.name } : null,
      problem: slotProblem(row, now),
    };
  });
}

export type NewsroomFrontRow = { address: string; name: string; path: string; retired: boolean; pinned: number; problems: number; updatedAt: string | null };

/** /admin/fronts: the home page, then every section in navigation order, with what is pinned. */
export async function listFrontsForNewsroom(): Promise<NewsroomFrontRow[]> {
  const [sections, fronts] = await Promise.all([
    db.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, slug: true, name: true, retiredAt: true } }),
    db.front.findMany({ select: { key: true, updatedAt: true, slots: { select: { article: { select: { status: true, publishedAt: true } } } } } }),
  ]);
  const now = new Date();
  const summary = (key: string) => {
    const front = fronts.find((each) => each.key === key);
    return {
      pinned: front?.slots.length ?? 0,
      problems: front?.slots.filter((slot) => slotProblem(slot.article, now) !== null).length ?? 0,
      updatedAt: front?.updatedAt.toISOString() ?? null,
    };
  };
  return [
    { address: 'home', name: 'Home page', path: '/', retired: false, ...summary('home') },
    ...sections.map((section) => ({ address: section.slug, name: section.name, path: `/${section.slug}`, retired: section.retiredAt !== null, ...summary(frontKey(section.id)) })),
  ];
}

/** Pictures a slot may show instead of the article's own: images only, newest first. */
export async function frontPictureOptions(limit = 200): Promise<{ id: number; label: string }[]> {
  const rows = await db.media.findMany({ where: { kind: 'image' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: limit, select: { id: true, alt: true, path: true } });
  return rows.map((row) => ({ id: row.id, label: `#${row.id}: ${row.alt || row.path.split('/').at(-1)}`.slice(0, 120) }));
}

export type { FrontStory };
