// Lede's export format, version 4: NDJSON, one JSON object a line. The first line is the header
// ({"type":"header","format":"lede-export","version":4,"exportedAt":...}); then one line a record,
// its kind in `type` ({"type":"section",...}): sections, tags, media, contributors, articles, related
// links and corrections, in that order, so a record only names records above it; the last line is
// {"type":"end"}, so a file cut short is told from a whole one. The exporter writes a line at a time
// and the importer reads one (node:readline): memory stays flat whatever the size of the site.
// Records name each other by natural keys (slugs, media paths, user emails), never by database ids,
// so a file imports into an empty database or merges into a live one.
// An article's body is its BodyDocument of blocks, media named by path and article cards by slug
// (lib/transfer/body.ts). Version 2 (Lede before the story model) is the same but for the body, which
// is HTML there: it is read into blocks (lib/articles/body/from-html.ts). Version 3 (before
// contributors) has a free-text `byline` instead of `contributors`: it waits for the byline converter
// (lib/contributors/convert-bylines.ts) as an upgraded database's do. Version 1 is converted with jq.
// Every record passes the same schemas as the newsroom's own writes (lib/articles/schema.ts, the
// section, upload and media-path rules): an export is input like any other, so a body's blocks are
// checked, a slug must be a slug and a media path must stay inside MEDIA_ROOT, whoever wrote the file.
import { z } from 'zod';
import { articleContentSchema, correctionSchema, maxBodyLength, relatedUrlSchema, requiredSlugSchema, slugSchema, tagNameSchema } from '@/lib/articles/schema';
import { BodyNestingError, htmlToBlocks } from '@/lib/articles/body/from-html';
import { bodyFormatVersion } from '@/lib/articles/body/schema';
import { transferBodySchema, type TransferBody } from '@/lib/transfer/body';
import { mediaPathSchema } from '@/lib/media/media-path';
import { uploadFieldsSchema } from '@/lib/media/upload';
import { sectionInputSchema } from '@/lib/sections/commands';
import { contributorInputSchema } from '@/lib/contributors/schema';

export const transferFormat = 'lede-export';
export const transferVersion = 4;
/** The versions the importer reads: 2 has HTML bodies, 3 block bodies, 4 contributors (bylines of 2 and 3 are text). */
export const readableTransferVersions = [2, 3, 4] as const;
export type TransferVersion = (typeof readableTransferVersions)[number];
/** What `npm run export` names its files, and what `npm run import` takes for an export. */
export const transferExtension = '.ndjson';
export const transferCollections = ['sections', 'tags', 'media', 'contributors', 'articles', 'relatedLinks', 'corrections'] as const;
export type TransferCollection = (typeof transferCollections)[number];

/** The `type` of each collection's lines. */
export const recordTypes = {
  sections: 'section',
  tags: 'tag',
  media: 'media',
  contributors: 'contributor',
  articles: 'article',
  relatedLinks: 'relatedLink',
  corrections: 'correction',
} as const satisfies Record<TransferCollection, string>;

// ISO text in the file, a Date once read: the importer stores it as it comes.
const isoDate = z.iso.datetime({ offset: true }).transform((text) => new Date(text));
const nullableDate = isoDate.nullable();
// An article's slug as the newsroom's form takes it, but never empty: the file names the article by it.
const articleSlug = slugSchema.refine((slug) => slug !== '', 'A slug is required.');
const sectionSlug = sectionInputSchema.shape.slug;

export const headerLine = z.object({ type: z.literal('header'), format: z.string(), version: z.number(), exportedAt: z.iso.datetime({ offset: true }) });

export const sectionRecord = sectionInputSchema.pick({ slug: true, name: true, description: true }).extend({
  position: z.number().int(),
  createdAt: isoDate,
  // A retired section (docs/newsroom.md); files written before retiring existed have none.
  retiredAt: nullableDate.default(null),
});

export const tagRecord = z.object({ slug: requiredSlugSchema, name: tagNameSchema.trim().min(1, 'A tag needs a name.'), createdAt: isoDate });

export const mediaRecord = uploadFieldsSchema.pick({ alt: true, caption: true, credit: true }).extend({
  kind: z.enum(['image', 'video']),
  path: mediaPathSchema,
  legacyPath: z.string().nullable(),
  mimeType: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSeconds: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  renditions: z.unknown().nullable(),
  /** Path of the poster image (listed earlier in the file). */
  poster: mediaPathSchema.nullable(),
  createdAt: isoDate,
});

// A contributor's slug may be in another script, like an article's; in a file it is always given.
const contributorSlug = slugSchema.refine((slug) => slug !== '', 'A slug is required.');

/** A contributor profile: the newsroom's own schema (links normalised), its photo by media path and
 * its newsroom account by e-mail (an account not in this database is left unlinked). */
export const contributorRecord = contributorInputSchema.omit({ photoId: true, userId: true, slug: true }).extend({
  slug: contributorSlug,
  photo: mediaPathSchema.nullable(),
  accountEmail: z.string().nullable(),
  retiredAt: nullableDate,
  createdAt: isoDate,
  /** Slugs it answered to before (they answer 301). */
  oldSlugs: z.array(z.object({ slug: contributorSlug, createdAt: isoDate })),
});

/** An article. Its body's keys become ids in the importer, which then checks it with the body schema;
 * its plain text and word count are made again from it. */
export const articleRecord = articleContentSchema.extend({
  body: transferBodySchema.default({ version: 1, blocks: [] }),
  slug: articleSlug,
  legacyId: z.string().nullable(),
  /** Read and ignored: the plain text is always made from the blocks. */
  bodyText: z.string().optional(),
  status: z.enum(['draft', 'scheduled', 'published', 'unpublished']),
  section: sectionSlug,
  leadMedia: mediaPathSchema.nullable(),
  authorEmail: z.string().nullable(),
  publishedAt: nullableDate,
  modifiedAt: nullableDate,
  breakingUntil: nullableDate,
  version: z.number().int().min(1),
  createdAt: isoDate,
  updatedAt: isoDate,
  /** Tag slugs in their order on the article. */
  tags: z.array(requiredSlugSchema),
  /** Contributor slugs in byline order (listed earlier in the file, or already in the database). */
  contributors: z.array(contributorSlug).max(10, 'A byline names at most 10 contributors.'),
  /** Slugs it answered to before (they answer 301). */
  oldSlugs: z.array(z.object({ slug: articleSlug, createdAt: isoDate })),
});

/** Version 3's article: a free-text byline, no contributors (the importer reads `byline` from it). */
export const articleRecordV3 = articleRecord.extend({
  contributors: z.array(contributorSlug).max(0).default([]),
  byline: z.string().max(200).transform((value) => value.trim()).default(''),
});

/** Version 2's article: the body is HTML, read into blocks here (deep nesting refused with its message). */
export const articleRecordV2 = articleRecordV3.extend({
  body: z
    .string()
    .max(maxBodyLength, `The body is too long (${maxBodyLength.toLocaleString('en')} characters at most).`)
    .default('')
    .transform((html, context): TransferBody => {
      try {
        return { version: bodyFormatVersion, blocks: htmlToBlocks(html) };
      } catch (error) {
        if (!(error instanceof BodyNestingError)) throw error;
        context.addIssue({ code: 'custom', message: error.message });
        return z.NEVER;
      }
    }),
});

export const relatedLinkRecord = relatedUrlSchema.pick({ title: true, kicker: true, contentType: true }).extend({
  article: articleSlug,
  position: z.number().int(),
  target: articleSlug.nullable(),
  targetLegacyId: z.string().nullable(),
  url: relatedUrlSchema.shape.url.nullable(),
  media: mediaPathSchema.nullable(),
  createdAt: isoDate,
});

export const correctionRecord = correctionSchema.extend({ article: articleSlug, authorEmail: z.string().nullable(), createdAt: isoDate });

export const recordSchemas = {
  sections: sectionRecord,
  tags: tagRecord,
  media: mediaRecord,
  contributors: contributorRecord,
  articles: articleRecord,
  relatedLinks: relatedLinkRecord,
  corrections: correctionRecord,
} as const;

/** The record schemas of a version: version 2 differs in the article's body and byline, version 3 in its byline. */
export function recordSchemasOf(version: TransferVersion): typeof recordSchemas {
  if (version === 2) return { ...recordSchemas, articles: articleRecordV2 as unknown as typeof articleRecord };
  if (version === 3) return { ...recordSchemas, articles: articleRecordV3 as unknown as typeof articleRecord };
  return recordSchemas;
}

/** A record as a file holds it (dates as ISO text): what the exporter writes. */
export type TransferLines = { [K in TransferCollection]: z.input<(typeof recordSchemas)[K]> };
/** A record as its schema gives it back (sanitised, dates as Dates): what the importer stores. */
export type TransferRecords = { [K in TransferCollection]: z.output<(typeof recordSchemas)[K]> };
export type TransferCounts = Record<TransferCollection, number>;

/**
 * Version 1 (one JSON document; Lede before NDJSON) to version 2, with jq: every record as it was,
 * its kind added. The importer names this command when it is given a version-1 file.
 */
export const versionOneConversion =
  `jq -c '{type:"header",format,version:2,exportedAt},` +
  // (Version 1 had no contributors.)
  transferCollections.filter((collection) => collection !== 'contributors').map((collection) => `(.${collection}[]|{type:"${recordTypes[collection]}"}+.)`).join(',') +
  `,{type:"end"}' OLD.json > NEW${transferExtension}`;
