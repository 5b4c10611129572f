// Reads a Lede export (format.ts) back, a line at a time: every record is checked with the newsroom's
// own zod schemas (its body sanitised on the way), then created or updated by its natural key (slug,
// media path), so importing the same file twice changes nothing and a file can merge into a database
// that already has content. A record that fails its schema or its write is refused, named by its
// line, and the rest of the file imports; a file that is not an export at all stops at once. Media
// files themselves are not in the file: copy MEDIA_ROOT alongside it.
import fs from 'node:fs';
import readline from 'node:readline';
import { db } from '@/lib/db/client';
import { faultPoint } from '@/lib/faults/kill';
import { describeArticleChange } from '@/lib/articles/changes';
import { bodyToText } from '@/lib/articles/sanitize';
import { recordArticleRefresh, recordEverythingRefresh } from '@/lib/cache/refresh';
import { Prisma } from '@/lib/generated/prisma/client';
import {
  recordSchemas,
  transferCollections,
  transferFormat,
  transferVersion,
  type TransferCollection,
  type TransferCounts,
  type TransferRecords,
} from '@/lib/transfer/format';

export class TransferFormatError extends Error {
  constructor(file: string, line: number, reason: string) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'TransferFormatError';
  }
}

/** A record left out: its line in the file and why ("file:line: reason" in `message`). */
export type RefusedRecord = { line: number; collection: TransferCollection; reason: string; message: string };

export type TransferReport = {
  /** Records of each collection imported. */
  counts: TransferCounts;
  /** Records refused, in file order; everything else imported. */
  refused: RefusedRecord[];
};

const date = (value: string | null) => (value === null ? null : new Date(value));

// An article's related links are written together, in one transaction (delete the old set, insert the
// new one): a crash never leaves an article with part of its list. Records of one article come one
// after another (the export writes them by id); `pendingLinks` holds the current article's.
type PendingLinks = { articleId: number; rows: Prisma.RelatedLinkCreateManyInput[] };
type Lookups = { clearedLinks: Set<number>; pendingLinks: PendingLinks | null };

async function writePendingLinks(lookups: Lookups): Promise<void> {
  const pending = lookups.pendingLinks;
  if (!pending) return;
  lookups.pendingLinks = null;
  const clear = !lookups.clearedLinks.has(pending.articleId);
  lookups.clearedLinks.add(pending.articleId);
  await db.$transaction([
    ...(clear ? [db.relatedLink.deleteMany({ where: { articleId: pending.articleId } })] : []),
    db.relatedLink.createMany({ data: pending.rows }),
  ]);
}

async function idOf(kind: 'article' | 'media' | 'user' | 'section', key: string | null): Promise<number | null> {
  if (key === null) return null;
  const row =
    kind === 'article'
      ? await db.article.findUnique({ where: { slug: key }, select: { id: true } })
      : kind === 'media'
        ? await db.media.findUnique({ where: { path: key }, select: { id: true } })
        : kind === 'user'
          ? await db.user.findUnique({ where: { email: key }, select: { id: true } })
          : await db.section.findUnique({ where: { slug: key }, select: { id: true } });
  return row?.id ?? null;
}

async function required(kind: 'article' | 'media' | 'section', key: string): Promise<number> {
  const id = await idOf(kind, key);
  if (id === null) throw new Error(`refers to ${kind} "${key}", which is neither in the file before it nor in the database`);
  return id;
}

const writers: { [K in TransferCollection]: (record: TransferRecords[K], lookups: Lookups) => Promise<void> } = {
  sections: async (s) => {
    const data = { name: s.name, description: s.description, position: s.position, createdAt: new Date(s.createdAt) };
    await db.section.upsert({ where: { slug: s.slug }, create: { slug: s.slug, ...data }, update: data });
  },
  tags: async (t) => {
    await db.tag.upsert({ where: { slug: t.slug }, create: { slug: t.slug, name: t.name, createdAt: new Date(t.createdAt) }, update: { name: t.name } });
  },
  media: async (m) => {
    const data = {
      kind: m.kind,
      legacyPath: m.legacyPath,
      mimeType: m.mimeType,
      width: m.width,
      height: m.height,
      durationSeconds: m.durationSeconds,
      bytes: m.bytes,
      alt: m.alt,
      caption: m.caption,
      credit: m.credit,
      renditions: m.renditions === null || m.renditions === undefined ? Prisma.DbNull : (m.renditions as Prisma.InputJsonValue),
      posterId: m.poster === null ? null : await required('media', m.poster),
      createdAt: new Date(m.createdAt),
    };
    await db.media.upsert({ where: { path: m.path }, create: { path: m.path, ...data }, update: data });
  },
  articles: async (a) => {
    const sectionId = await required('section', a.section);
    const data = {
      legacyId: a.legacyId,
      kicker: a.kicker,
      headline: a.headline,
      standfirst: a.standfirst,
      // Sanitised by the record's schema; the file's own plain text is not trusted to match it.
      body: a.body,
      bodyText: bodyToText(a.body),
      byline: a.byline,
      sourceCredit: a.sourceCredit,
      status: a.status,
      contentType: a.contentType,
      sectionId,
      leadMediaId: a.leadMedia === null ? null : await required('media', a.leadMedia),
      authorId: await idOf('user', a.authorEmail),
      publishedAt: date(a.publishedAt),
      modifiedAt: date(a.modifiedAt),
      breakingUntil: date(a.breakingUntil),
      version: a.version,
      createdAt: new Date(a.createdAt),
      updatedAt: new Date(a.updatedAt),
    };
    const tags = await db.tag.findMany({ where: { slug: { in: a.tags } }, select: { id: true, slug: true } });
    const tagIds = new Map(tags.map((tag) => [tag.slug, tag.id]));
    const missing = a.tags.find((slug) => !tagIds.has(slug));
    if (missing) throw new Error(`refers to tag "${missing}", which is neither in the file before it nor in the database`);
    await db.$transaction(async (tx) => {
      const existing =
        (await tx.article.findUnique({ where: { slug: a.slug }, select: { id: true } })) ??
        (a.legacyId ? await tx.article.findUnique({ where: { legacyId: a.legacyId }, select: { id: true } }) : null);
      const id = existing
        ? (await tx.article.update({ where: { id: existing.id }, data: { slug: a.slug, ...data }, select: { id: true } })).id
        : (await tx.article.create({ data: { slug: a.slug, ...data }, select: { id: true } })).id;
      await tx.articleTag.deleteMany({ where: { articleId: id } });
      await tx.articleTag.createMany({ data: a.tags.map((slug, position) => ({ articleId: id, tagId: tagIds.get(slug)!, position })) });
      for (const old of a.oldSlugs) {
        await tx.articleSlug.upsert({ where: { slug: old.slug }, create: { slug: old.slug, articleId: id, createdAt: new Date(old.createdAt) }, update: { articleId: id } });
      }
      // Its pages are refreshed with the write (the outbox), so a running app shows it at once.
      await recordArticleRefresh(tx, await describeArticleChange(id, tx));
    });
  },
  relatedLinks: async (l, lookups) => {
    const articleId = await required('article', l.article);
    if (lookups.pendingLinks?.articleId !== articleId) await writePendingLinks(lookups);
    lookups.pendingLinks ??= { articleId, rows: [] };
    lookups.pendingLinks.rows.push({
      articleId,
      position: l.position,
      targetArticleId: await idOf('article', l.target),
      targetLegacyId: l.targetLegacyId,
      url: l.url,
      kicker: l.kicker,
      title: l.title,
      contentType: l.contentType,
      mediaId: l.media === null ? null : await required('media', l.media),
      createdAt: new Date(l.createdAt),
    });
  },
  corrections: async (c) => {
    const articleId = await required('article', c.article);
    const createdAt = new Date(c.createdAt);
    // The same correction imported twice stays one correction.
    if (await db.correction.findFirst({ where: { articleId, note: c.note, createdAt }, select: { id: true } })) return;
    await db.correction.create({ data: { articleId, note: c.note, authorId: await idOf('user', c.authorEmail), createdAt } });
  },
};

/** Imports an export file; returns how many records of each collection it imported and which it refused. */
export async function importTransferFile(file: string): Promise<TransferReport> {
  const counts = Object.fromEntries(transferCollections.map((name) => [name, 0])) as TransferCounts;
  const refused: RefusedRecord[] = [];
  // Records seen of the current collection: the first has no leading comma, whether it imported or not.
  let seen = 0;
  const lookups: Lookups = { clearedLinks: new Set(), pendingLinks: null };
  const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  let lineNumber = 0;
  let collection: TransferCollection | null = null;
  let state: 'header' | 'between' | 'inside' | 'done' = 'header';
  const fail = (reason: string): never => {
    throw new TransferFormatError(file, lineNumber, reason);
  };
  for await (const raw of lines) {
    lineNumber += 1;
    const line = raw.trim();
    if (!line) continue;
    if (state === 'header') {
      let header: { format?: unknown; version?: unknown };
      try {
        header = JSON.parse(`${line}}`);
      } catch {
        fail('not a Lede export: the first line must open the export object');
      }
      if (header!.format !== transferFormat) fail(`not a Lede export (format is ${JSON.stringify(header!.format)})`);
      if (header!.version !== transferVersion) fail(`export version ${JSON.stringify(header!.version)} is not supported (this Lede reads version ${transferVersion})`);
      state = 'between';
    } else if (state === 'between') {
      if (line === '}') {
        state = 'done';
        continue;
      }
      const open = /^,"(\w+)":\[$/.exec(line);
      if (!open || !(transferCollections as readonly string[]).includes(open[1]!)) fail(`expected a collection (,"name":[) or the closing }, found ${line.slice(0, 40)}`);
      collection = open![1] as TransferCollection;
      seen = 0;
      state = 'inside';
    } else if (state === 'inside') {
      if (line === ']') {
        try {
          await writePendingLinks(lookups);
        } catch (error) {
          fail(`relatedLinks not saved: ${(error as Error).message.split('\n')[0]}`);
        }
        state = 'between';
        continue;
      }
      const refuse = (reason: string) => {
        refused.push({ line: lineNumber, collection: collection!, reason, message: `${file}:${lineNumber}: ${reason}` });
      };
      seen += 1;
      let value: unknown;
      try {
        value = JSON.parse(seen > 1 ? line.replace(/^,/, '') : line);
      } catch (error) {
        refuse(`broken JSON in ${collection}: ${(error as Error).message}`);
        continue;
      }
      const parsed = recordSchemas[collection!].safeParse(value);
      if (!parsed.success) {
        refuse(`${collection} record refused: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
        continue;
      }
      try {
        await (writers[collection!] as (record: unknown, lookups: Lookups) => Promise<void>)(parsed.data, lookups);
      } catch (error) {
        refuse(`${collection} record not saved: ${(error as Error).message.split('\n')[0]}`);
        continue;
      }
      counts[collection!] += 1;
      faultPoint(`transfer.${collection}`);
    } else fail('content after the end of the export');
  }
  if (state !== 'done') fail('the export ends early (no closing })');
  // Sections, tags, media and related links changed too: every public page is refreshed, by the
  // running app (any instance, any port) within its outbox poll.
  await db.$transaction((tx) => recordEverythingRefresh(tx));
  return { counts, refused };
}
