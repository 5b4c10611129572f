// Reads a Lede export (format.ts: NDJSON) back, a line at a time with node:readline: every record is
// checked with the newsroom's own zod schemas (its body sanitised on the way), then created or
// updated by its natural key (slug, media path), so importing the same file twice changes nothing
// and a file can merge into a database that already has content. A record that fails its schema or
// its write is refused, named by its line, and the rest of the file imports; each record is written
// whole or not at all. A file that is not an export, or is cut short, stops with its line
// (TransferFormatError, lines.ts). Media files themselves are not in the file: copy MEDIA_ROOT alongside it.
import { db } from '@/lib/db/client';
import { faultPoint } from '@/lib/faults/kill';
import { describeArticleChange, mergeArticleChanges } from '@/lib/articles/changes';
import { bodyColumns } from '@/lib/articles/body/columns';
import { bodyDocumentSchema } from '@/lib/articles/body/schema';
import { storedBody } from '@/lib/articles/stored-fields';
import { fromTransferBody, withCards } from '@/lib/transfer/body';
import { statusOnArrival } from '@/lib/articles/public';
import { recordArticleRefresh, recordEverythingRefresh } from '@/lib/cache/refresh';
import { recordPageRefresh } from '@/lib/cache/outbox';
import { contributorRefreshTags } from '@/lib/contributors/commands';
import { Prisma } from '@/lib/generated/prisma/client';
import { sameNames } from '@/lib/transfer/fields';
import { numberedLines, TransferFormatError } from '@/lib/transfer/lines';
import {
  headerLine,
  recordSchemas,
  recordTypes,
  transferCollections,
  transferExtension,
  transferFormat,
  readableTransferVersions,
  recordSchemasOf,
  transferVersion,
  versionOneConversion,
  type TransferVersion,
  type TransferCollection,
  type TransferCounts,
  type TransferRecords,
} from '@/lib/transfer/format';

/** A record left out: its line in the file, its collection (null: not a record of any), and why ("file:line: reason" in `message`). */
export type RefusedRecord = { line: number; collection: TransferCollection | null; reason: string; message: string };

export type TransferReport = {
  /** Records of each collection imported. */
  counts: TransferCounts;
  /** Records refused, in file order; everything else imported. */
  refused: RefusedRecord[];
};

const collectionOfType = new Map<string, TransferCollection>(transferCollections.map((collection) => [recordTypes[collection], collection]));
const knownTypes = `a line after the header is one of ${transferCollections.map((collection) => JSON.stringify(recordTypes[collection])).join(', ')} or "end"`;

// An article's related links are written together, in one transaction (delete the old set, insert the
// new one): a crash never leaves an article with part of its list. The export writes each article's
// links one after another; `pendingLinks` holds the current article's until a line of anything else.
type PendingLinks = { articleId: number; lines: number[]; rows: Prisma.RelatedLinkCreateManyInput[] };
type Lookups = { clearedLinks: Set<number>; pendingLinks: PendingLinks | null };

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

// Each writer takes apart the fields it translates (a natural key to an id); the rest are the row's
// columns under their own names (fields.ts: a field with no such column does not compile).
// Article cards to articles later in the file: each article's, put in once the file's articles are in.
type PendingCards = { articleId: number; line: number; cards: { index: number; slug: string }[] };
type WriteContext = { line: number; pendingCards: PendingCards[] };

const writers: { [K in Exclude<TransferCollection, 'relatedLinks'>]: (record: TransferRecords[K], context: WriteContext) => Promise<void> } = {
  sections: async ({ slug, ...columns }) => {
    const data = sameNames<Prisma.SectionUncheckedCreateInput>()(columns);
    await db.section.upsert({ where: { slug }, create: { slug, ...data }, update: data });
  },
  // A tag that exists keeps its own date.
  tags: async ({ slug, ...columns }) => {
    await db.tag.upsert({ where: { slug }, create: { slug, ...sameNames<Prisma.TagUncheckedCreateInput>()(columns) }, update: { name: columns.name } });
  },
  media: async ({ path, poster, renditions, ...columns }) => {
    const data = {
      ...sameNames<Prisma.MediaUncheckedCreateInput>()(columns),
      renditions: renditions === null || renditions === undefined ? Prisma.DbNull : (renditions as Prisma.InputJsonValue),
      posterId: poster === null ? null : await required('media', poster),
    };
    await db.media.upsert({ where: { path }, create: { path, ...data }, update: data });
  },
  // A contributor is found by slug (then by an old slug of theirs) and updated, or made.
  contributors: async ({ slug, photo, accountEmail, oldSlugs, ...columns }) => {
    const data = {
      ...sameNames<Prisma.ContributorUncheckedCreateInput>()(columns),
      photoId: photo === null ? null : await required('media', photo),
    };
    const userId = await idOf('user', accountEmail);
    await db.$transaction(async (tx) => {
      const existing =
        (await tx.contributor.findUnique({ where: { slug }, select: { id: true } })) ??
        (await tx.contributorSlug.findUnique({ where: { slug }, select: { contributor: { select: { id: true } } } }))?.contributor ??
        null;
      // The account is linked when it is in this database and no other profile has it.
      const accountFree = userId !== null && !(await tx.contributor.findFirst({ where: { userId, ...(existing ? { NOT: { id: existing.id } } : {}) }, select: { id: true } }));
      const row = { ...data, slug, ...(accountFree ? { userId } : {}) };
      const id = existing
        ? (await tx.contributor.update({ where: { id: existing.id }, data: row, select: { id: true } })).id
        : (await tx.contributor.create({ data: row, select: { id: true } })).id;
      await tx.contributorSlug.deleteMany({ where: { slug } });
      for (const old of oldSlugs) {
        if (old.slug === slug || (await tx.contributor.findUnique({ where: { slug: old.slug }, select: { id: true } }))) continue;
        await tx.contributorSlug.upsert({ where: { slug: old.slug }, create: { ...old, contributorId: id }, update: { contributorId: id } });
      }
      await recordPageRefresh(tx, contributorRefreshTags(id));
    });
  },
  articles: async (record, context) => {
    // A file of version 3 or before has a free-text byline (articleRecordV3) where 4 has contributors.
    const { byline = '', ...fields } = record as TransferRecords['articles'] & { byline?: string };
    const { section, leadMedia, authorEmail, tags, contributors, oldSlugs, bodyText: _theFilesOwn, body: fileBody, ...columns } = fields;
    // Keys become ids, then the blocks pass the one body schema; an article card to an article
    // later in the file waits (context.pendingCards) and is put in once the articles are all in.
    const { document, pendingCards } = await fromTransferBody(fileBody, { media: (path) => idOf('media', path), article: (slug) => idOf('article', slug) });
    const parsed = bodyDocumentSchema.safeParse(document);
    if (!parsed.success) throw new Error(`body ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
    const data = {
      ...sameNames<Prisma.ArticleUncheckedCreateInput>()(columns),
      // The file's own plain text is not trusted to match the blocks: made again from them.
      ...bodyColumns(parsed.data),
      // Published but dated ahead waits as scheduled, for the due work to publish it at its time.
      status: statusOnArrival(columns.status, columns.publishedAt),
      sectionId: await required('section', section),
      leadMediaId: leadMedia === null ? null : await required('media', leadMedia),
      authorId: await idOf('user', authorEmail),
    };
    const tagRows = await db.tag.findMany({ where: { slug: { in: tags } }, select: { id: true, slug: true } });
    const tagIds = new Map(tagRows.map((tag) => [tag.slug, tag.id]));
    const missing = tags.find((slug) => !tagIds.has(slug));
    if (missing) throw new Error(`refers to tag "${missing}", which is neither in the file before it nor in the database`);
    const contributorRows = contributors.length ? await db.contributor.findMany({ where: { slug: { in: contributors } }, select: { id: true, slug: true } }) : [];
    const contributorIds = new Map(contributorRows.map((row) => [row.slug, row.id]));
    const unknown = contributors.find((slug) => !contributorIds.has(slug));
    if (unknown) throw new Error(`refers to contributor "${unknown}", which is neither in the file before it nor in the database`);
    const articleId = await db.$transaction(async (tx) => {
      const existing =
        (await tx.article.findUnique({ where: { slug: data.slug }, select: { id: true } })) ??
        (data.legacyId ? await tx.article.findUnique({ where: { legacyId: data.legacyId }, select: { id: true } }) : null);
      // An update refreshes the pages of the article as it was too (its old section, tags, month).
      const before = existing ? await describeArticleChange(existing.id, tx) : null;
      const id = existing
        ? (await tx.article.update({ where: { id: existing.id }, data, select: { id: true } })).id
        : (await tx.article.create({ data, select: { id: true } })).id;
      await tx.articleTag.deleteMany({ where: { articleId: id } });
      await tx.articleTag.createMany({ data: tags.map((slug, position) => ({ articleId: id, tagId: tagIds.get(slug)!, position })) });
      // Before the refresh is described, so the author pages of the byline before and after are in it.
      const bylineBefore = await tx.articleContributor.findMany({ where: { articleId: id }, select: { contributorId: true } });
      await tx.articleContributor.deleteMany({ where: { articleId: id } });
      await tx.articleBylineText.deleteMany({ where: { articleId: id } });
      if (contributors.length) await tx.articleContributor.createMany({ data: contributors.map((slug, position) => ({ articleId: id, contributorId: contributorIds.get(slug)!, position })) });
      // A free-text byline (a file of version 3 or before) waits for the converter, as an upgraded database's does.
      else if (byline) await tx.articleBylineText.create({ data: { articleId: id, byline } });
      for (const old of oldSlugs) {
        await tx.articleSlug.upsert({ where: { slug: old.slug }, create: { ...old, articleId: id }, update: { articleId: id } });
      }
      // Its pages are refreshed with the write (the outbox), so a running app shows it at once.
      const after = await describeArticleChange(id, tx);
      const change = before ? mergeArticleChanges(before, after) : after;
      await recordArticleRefresh(tx, { ...change, contributorIds: [...new Set([...(change.contributorIds ?? []), ...bylineBefore.map((link) => link.contributorId)])] });
      return id;
    });
    if (pendingCards.length) context.pendingCards.push({ articleId, line: context.line, cards: pendingCards });
  },
  corrections: async ({ article, authorEmail, ...columns }) => {
    const articleId = await required('article', article);
    // The same correction imported twice stays one correction.
    if (await db.correction.findFirst({ where: { articleId, note: columns.note, createdAt: columns.createdAt }, select: { id: true } })) return;
    await db.correction.create({ data: { ...sameNames<Prisma.CorrectionUncheckedCreateInput>()(columns), articleId, authorId: await idOf('user', authorEmail) } });
  },
};

/** A related link as the row it becomes; links are written an article's list at a time (importTransferFile). */
async function relatedLinkRow({ article, target, media, ...columns }: TransferRecords['relatedLinks']): Promise<Prisma.RelatedLinkCreateManyInput> {
  return {
    ...sameNames<Prisma.RelatedLinkCreateManyInput>()(columns),
    articleId: await required('article', article),
    targetArticleId: await idOf('article', target),
    mediaId: media === null ? null : await required('media', media),
  };
}

/** The header, or why the first line is not one (a version-1 export is named, with how to convert it). */
function readHeader(line: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    try {
      const old = JSON.parse(`${line}}`) as { format?: unknown; version?: unknown };
      if (old.format === transferFormat && old.version === 1) {
        return `a version-1 Lede export (one JSON document): this Lede reads version ${transferVersion} (NDJSON, a record a line, *${transferExtension}). Convert it with ${versionOneConversion}`;
      }
    } catch {
      // Neither: said below.
    }
    return `not a Lede export: the first line must be its header, {"type":"header","format":"${transferFormat}","version":${transferVersion},...}`;
  }
  const header = headerLine.safeParse(value);
  if (!header.success) return `not a Lede export: the first line must be its header, {"type":"header","format":"${transferFormat}","version":${transferVersion},...}`;
  if (header.data.format !== transferFormat) return `not a Lede export (format is ${JSON.stringify(header.data.format)})`;
  if (!(readableTransferVersions as readonly number[]).includes(header.data.version)) {
    const versions = `${readableTransferVersions.slice(0, -1).join(', ')} and ${readableTransferVersions.at(-1)}`;
    return `export version ${JSON.stringify(header.data.version)} is not supported (this Lede reads versions ${versions})`;
  }
  return null;
}

const firstLine = (error: unknown) => (error as Error).message.split('\n')[0];

/** Imports an export file; returns how many records of each collection it imported and which it refused. */
export async function importTransferFile(file: string): Promise<TransferReport> {
  const counts = Object.fromEntries(transferCollections.map((name) => [name, 0])) as TransferCounts;
  const refused: RefusedRecord[] = [];
  const lookups: Lookups = { clearedLinks: new Set(), pendingLinks: null };
  const refuse = (line: number, collection: TransferCollection | null, reason: string) => refused.push({ line, collection, reason, message: `${file}:${line}: ${reason}` });

  // The current article's related links, in one transaction; refused together if that fails.
  const writePendingLinks = async () => {
    const pending = lookups.pendingLinks;
    if (!pending) return;
    lookups.pendingLinks = null;
    const clear = !lookups.clearedLinks.has(pending.articleId);
    lookups.clearedLinks.add(pending.articleId);
    try {
      await db.$transaction([
        ...(clear ? [db.relatedLink.deleteMany({ where: { articleId: pending.articleId } })] : []),
        db.relatedLink.createMany({ data: pending.rows }),
      ]);
      counts.relatedLinks += pending.rows.length;
    } catch (error) {
      for (const line of pending.lines) refuse(line, 'relatedLinks', `relatedLinks record not saved (an article's links are saved together, lines ${pending.lines[0]}–${pending.lines.at(-1)}): ${firstLine(error)}`);
    }
  };

  const context: WriteContext = { line: 0, pendingCards: [] };
  // The cards that waited for their articles: each article's body gets them back in one write. A card
  // whose article is in neither the file nor the database is left out, and said.
  const writePendingCards = async () => {
    for (const pending of context.pendingCards.splice(0)) {
      try {
        const cards: { index: number; articleId: number | null }[] = [];
        for (const card of pending.cards) cards.push({ index: card.index, articleId: await idOf('article', card.slug) });
        const current = await db.article.findUniqueOrThrow({ where: { id: pending.articleId }, select: { body: true } });
        const body = bodyDocumentSchema.parse(withCards(storedBody(current.body), cards));
        await db.article.update({ where: { id: pending.articleId }, data: bodyColumns(body) });
        for (const card of pending.cards.filter((_, index) => cards[index]!.articleId === null)) {
          refuse(pending.line, 'articles', `articles record saved without its card to article "${card.slug}", which is neither in the file nor in the database`);
        }
      } catch (error) {
        refuse(pending.line, 'articles', `articles record saved without its article cards: ${firstLine(error)}`);
      }
    }
  };

  let lastLine = 0;
  let header = false;
  let schemas = recordSchemasOf(transferVersion);
  let ended = false;
  for await (const { number, text } of numberedLines(file)) {
    lastLine = number;
    if (!text.trim()) continue;
    if (!header) {
      const problem = readHeader(text);
      if (problem) throw new TransferFormatError(file, number, problem);
      header = true;
      schemas = recordSchemasOf((JSON.parse(text) as { version: TransferVersion }).version);
      continue;
    }
    if (ended) throw new TransferFormatError(file, number, 'content after the end line ({"type":"end"})');
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      refuse(number, null, `not JSON: ${(error as Error).message}`);
      continue;
    }
    const type = typeof value === 'object' && value !== null ? (value as { type?: unknown }).type : undefined;
    if (type === 'end') {
      await writePendingLinks();
      await writePendingCards();
      ended = true;
      continue;
    }
    const collection = typeof type === 'string' ? collectionOfType.get(type) : undefined;
    if (!collection) {
      refuse(number, null, `not a record: ${type === undefined ? 'a line holds one JSON object with its "type"' : `unknown type ${JSON.stringify(type).slice(0, 80)}`} (${knownTypes})`);
      continue;
    }
    // The current article's links are complete once a line of anything else comes.
    if (collection !== 'relatedLinks') await writePendingLinks();
    const parsed = schemas[collection].safeParse(value);
    if (!parsed.success) {
      refuse(number, collection, `${collection} record refused: ${parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`);
      continue;
    }
    try {
      if (collection === 'relatedLinks') {
        const row = await relatedLinkRow(parsed.data as TransferRecords['relatedLinks']);
        if (lookups.pendingLinks?.articleId !== row.articleId) await writePendingLinks();
        lookups.pendingLinks ??= { articleId: row.articleId, lines: [], rows: [] };
        lookups.pendingLinks.lines.push(number);
        lookups.pendingLinks.rows.push(row);
      } else {
        context.line = number;
        await (writers[collection] as (record: unknown, context: WriteContext) => Promise<void>)(parsed.data, context);
        counts[collection] += 1;
      }
    } catch (error) {
      refuse(number, collection, `${collection} record not saved: ${firstLine(error)}`);
      continue;
    }
    faultPoint(`transfer.${collection}`);
  }
  if (!header) throw new TransferFormatError(file, lastLine, 'not a Lede export: the file is empty');
  // A cut file's last article may have only part of its links: they are left out with it.
  if (!ended) {
    throw new TransferFormatError(
      file,
      lastLine,
      `the export ends early: its last line is not {"type":"end"}, so the file was cut short. What came before imported, each record whole; import the whole file again to finish (the same file twice changes nothing).`,
    );
  }
  // Sections, tags, media and related links changed too: every public page is refreshed, by the
  // running app (any instance, any port) within its outbox poll.
  await db.$transaction((tx) => recordEverythingRefresh(tx));
  return { counts, refused };
}
