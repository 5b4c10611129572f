// What the newsroom reads: the article list with filters and paging, an article as its form needs
// it, its preview and the related-links picker (the media library is lib/media/library.ts). Never cached: editors must see
// every write at once, and these pages are per-request anyway. Every article read takes the viewer
// and applies the one read rule (`readableArticles`, lib/auth/roles.ts): what a viewer may not read
// is left out or answers null, exactly as if it did not exist (docs/decisions/0010).
import { z } from 'zod';
import { freeTextParam } from '@/lib/articles/params';
import type { ArticleEditValues } from '@/lib/articles/form-values';
import { articleSelect } from '@/lib/articles/select';
import { articleColumnNames, articleStatuses as storedArticleStatuses, pick, selectColumns, storedBody } from '@/lib/articles/stored-fields';
import { toArticleView, toMediaView, toRelatedLinkView } from '@/lib/articles/mappers';
import { toBylineEntry } from '@/lib/contributors/select';
import type { ArticleView, MediaView, RelatedLinkView } from '@/lib/articles/types';
import { articlePath } from '@/lib/articles/urls';
import { canReadArticle, readableArticles } from '@/lib/auth/roles';
import { db } from '@/lib/db/client';
import type { ArticleStatus, Prisma, Role } from '@/lib/generated/prisma/client';
import { outcomeParams, pageNumberParam, recordIdQueryParam } from '@/lib/forms/search-params';

// The statuses the list filters by, checked against the database's own.
export const articleStatuses = storedArticleStatuses satisfies readonly ArticleStatus[];
export const adminPageSize = 25;

/** The list's query string: anything unreadable falls back to "no filter" rather than an error page. */
export const articleListParams = z.object({
  status: z.enum(articleStatuses).optional().catch(undefined),
  section: recordIdQueryParam,
  author: recordIdQueryParam,
  q: freeTextParam(200).transform((value) => value || undefined),
  page: pageNumberParam(10_000),
});

export type ArticleListParams = z.output<typeof articleListParams>;

/** The edit page's query: the related-links picker's search, and the last button action's outcome. */
export const articleEditParams = z.object({ relatedQuery: freeTextParam(200), ...outcomeParams });

export type AdminArticleRow = {
  id: number;
  headline: string;
  kicker: string;
  status: ArticleStatus;
  section: string;
  author: string | null;
  publishedAt: string | null;
  updatedAt: string;
  breaking: boolean;
  path: string;
};

export type AdminArticleList = { rows: AdminArticleRow[]; total: number; page: number; pageCount: number };

/** Whoever reads: a signed-in user's id and role. */
export type Viewer = { id: number; role: Role };

export async function listArticlesForAdmin(params: ArticleListParams, viewer: Viewer): Promise<AdminArticleList> {
  const filters: Prisma.ArticleWhereInput = {
    ...(params.status ? { status: params.status } : {}),
    ...(params.section ? { sectionId: params.section } : {}),
    ...(params.author ? { authorId: params.author } : {}),
    ...(params.q
      ? {
          OR: [
            { headline: { contains: params.q } },
            { kicker: { contains: params.q } },
            { slug: { contains: params.q.toLowerCase() } },
            ...(/^\d+$/.test(params.q) ? [{ id: Number(params.q) }] : []),
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.article.findMany({
      where: { AND: [filters, readableArticles(viewer, 'ordered')] },
      orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      skip: (params.page - 1) * adminPageSize,
      take: adminPageSize,
      select: {
        id: true, headline: true, kicker: true, status: true, slug: true, publishedAt: true, updatedAt: true, breakingUntil: true,
        section: { select: { slug: true, name: true } },
        author: { select: { email: true, name: true } },
      },
    }),
    db.article.count({ where: { AND: [filters, readableArticles(viewer)] } }),
  ]);
  const now = Date.now();
  return {
    total,
    page: params.page,
    pageCount: Math.max(1, Math.ceil(total / adminPageSize)),
    rows: rows.map((row) => ({
      id: row.id,
      headline: row.headline,
      kicker: row.kicker,
      status: row.status,
      section: row.section.name,
      author: row.author ? row.author.name || row.author.email : null,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      updatedAt: row.updatedAt.toISOString(),
      breaking: row.breakingUntil !== null && row.breakingUntil.getTime() > now,
      path: articlePath(row),
    })),
  };
}

export type Option = { id: number; label: string };

// The editable fields the edit form shows, read from their columns.
const editableColumns = selectColumns(articleColumnNames);

export async function sectionOptions(): Promise<Option[]> {
  const sections = await db.section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, name: true, retiredAt: true } });
  // A retired section can still be chosen (its articles are still edited), but says what it is.
  return sections.map((section) => ({ id: section.id, label: section.retiredAt ? `${section.name} (retired)` : section.name }));
}

export async function authorOptions(): Promise<Option[]> {
  const users = await db.user.findMany({ orderBy: { email: 'asc' }, select: { id: true, email: true, name: true } });
  return users.map((user) => ({ id: user.id, label: user.name ? `${user.name} (${user.email})` : user.email }));
}

export type AdminRelatedLink = {
  id: number;
  position: number;
  /** As readers see it, or null when readers do not see it (target not published, bad URL). */
  view: RelatedLinkView | null;
  label: string;
  note: string;
};

/** A contributor as the byline picker shows it. */
export type BylinePick = { id: number; name: string; jobTitle: string };

export type ArticleForEdit = {
  id: number;
  version: number;
  status: ArticleStatus;
  authorId: number | null;
  author: string | null;
  path: string;
  publishedAt: string | null;
  modifiedAt: string | null;
  breakingUntil: string | null;
  values: ArticleEditValues;
  /** The byline's contributors in order, named for the byline picker. */
  byline: BylinePick[];
  leadMedia: MediaView | null;
  corrections: { id: number; note: string; createdAt: string }[];
  related: AdminRelatedLink[];
};

export async function getArticleForEdit(id: number, viewer: Viewer): Promise<ArticleForEdit | null> {
  const row = await db.article.findFirst({
    where: { AND: [{ id }, readableArticles(viewer)] },
    select: {
      ...articleSelect,
      ...editableColumns,
      version: true,
      authorId: true,
      breakingUntil: true,
      author: { select: { email: true, name: true } },
      relatedLinks: {
        ...articleSelect.relatedLinks,
        select: {
          ...articleSelect.relatedLinks.select,
          position: true,
          targetArticleId: true,
          targetArticle: { select: { ...articleSelect.relatedLinks.select.targetArticle.select, authorId: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    authorId: row.authorId,
    author: row.author ? row.author.name || row.author.email : null,
    path: articlePath(row),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    modifiedAt: row.modifiedAt?.toISOString() ?? null,
    breakingUntil: row.breakingUntil && row.breakingUntil.getTime() > Date.now() ? row.breakingUntil.toISOString() : null,
    values: {
      ...pick(row, articleColumnNames),
      body: storedBody(row.body),
      tags: row.tags.map(({ tag }) => tag.name).join(', '),
      contributors: row.contributors.map(({ contributor }) => contributor.id).join(','),
    },
    byline: row.contributors.map(({ contributor }) => ({ id: contributor.id, name: contributor.name, jobTitle: contributor.jobTitle })),
    leadMedia: toMediaView(row.leadMedia),
    corrections: row.corrections.map((c) => ({ id: c.id, note: c.note, createdAt: c.createdAt.toISOString() })),
    related: row.relatedLinks.map((link) => {
      // A link an editor made to an article this viewer may not read: neither its headline nor its status.
      if (link.targetArticle && !canReadArticle(viewer, link.targetArticle)) {
        return { id: link.id, position: link.position, view: null, label: '(an article you cannot open)', note: 'Hidden from readers until the linked article is published.' };
      }
      const view = toRelatedLinkView(link);
      const label = link.title || link.targetArticle?.headline || link.url || '(untitled)';
      const note = view
        ? ''
        : link.targetArticle
          ? `Hidden from readers while the linked article is ${link.targetArticle.status}.`
          : link.targetArticleId === null && !link.url
            ? 'Hidden from readers: the linked article is gone.'
            : 'Hidden from readers: not a web address.';
      return { id: link.id, position: link.position, view, label, note };
    }),
  };
}

/** The article as readers will see it once published, whatever its status now (the preview). */
export async function getArticlePreview(id: number, viewer: Viewer): Promise<ArticleView | null> {
  const row = await db.article.findFirst({ where: { AND: [{ id }, readableArticles(viewer)] }, select: articleSelect });
  return row ? toArticleView(row, row.contributors.map(({ contributor }) => toBylineEntry(contributor))) : null;
}

export type PickerResult = { id: number; headline: string; status: ArticleStatus; section: string; publishedAt: string | null };

/** Articles for the related-links picker: by words of the headline (or an id), published first. */
export async function findArticlesToRelate(query: string, excludeId: number, viewer: Viewer, limit = 10): Promise<PickerResult[]> {
  // Control characters are never part of a headline, and PostgreSQL refuses a NUL in text outright
  // (a 500 on /admin/fronts/home?q=%00 and /api/admin/articles/find?q=%00 before): they become spaces.
  const q = query.replace(/[\u0000-\u001f\u007f]/g, ' ').trim().slice(0, 200);
  if (!q) return [];
  const words = q.split(/\s+/).filter(Boolean).slice(0, 6);
  const rows = await db.article.findMany({
    where: {
      AND: [
        { id: { not: excludeId } },
        {
          OR: [
            { AND: words.map((word) => ({ headline: { contains: word } })) },
            ...(/^\d+$/.test(q) ? [{ id: Number(q) }] : []),
          ],
        },
        readableArticles(viewer),
      ],
    },
    orderBy: [{ status: 'asc' }, { publishedAt: 'desc' }, { id: 'desc' }],
    take: limit * 3,
    select: { id: true, headline: true, status: true, publishedAt: true, section: { select: { name: true } } },
  });
  // Published first (what readers will see), then the rest.
  const ranked = [...rows].sort((a, b) => Number(b.status === 'published') - Number(a.status === 'published'));
  return ranked.slice(0, limit).map((row) => ({
    id: row.id, headline: row.headline, status: row.status, section: row.section.name, publishedAt: row.publishedAt?.toISOString() ?? null,
  }));
}
