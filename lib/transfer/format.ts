// Lede's export format: one JSON document that is also readable a line at a time. The header line
// opens the object, each collection opens on a line of its own ("sections":[), every record sits on
// one line (a leading comma after the first), and "]" and "}" close on lines of their own. So
// JSON.parse reads the whole file, and the importer streams it with flat memory.
// Records name each other by natural keys (slugs, media paths, user emails), never by database ids,
// so a file imports into an empty database or merges into a live one.
import { z } from 'zod';

export const transferFormat = 'lede-export';
export const transferVersion = 1;
export const transferCollections = ['sections', 'tags', 'media', 'articles', 'relatedLinks', 'corrections'] as const;
export type TransferCollection = (typeof transferCollections)[number];

const isoDate = z.iso.datetime({ offset: true });
const nullableDate = isoDate.nullable();

export const sectionRecord = z.object({
  slug: z.string().min(1),
  name: z.string(),
  description: z.string(),
  position: z.number().int(),
  createdAt: isoDate,
});

export const tagRecord = z.object({ slug: z.string().min(1), name: z.string(), createdAt: isoDate });

export const mediaRecord = z.object({
  kind: z.enum(['image', 'video']),
  path: z.string().min(1),
  legacyPath: z.string().nullable(),
  mimeType: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSeconds: z.number().int().nullable(),
  bytes: z.number().int().nullable(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
  renditions: z.unknown().nullable(),
  /** Path of the poster image (listed earlier in the file). */
  poster: z.string().nullable(),
  createdAt: isoDate,
});

export const articleRecord = z.object({
  slug: z.string().min(1),
  legacyId: z.string().nullable(),
  kicker: z.string(),
  headline: z.string(),
  standfirst: z.string(),
  body: z.string(),
  bodyText: z.string(),
  byline: z.string(),
  sourceCredit: z.string(),
  status: z.enum(['draft', 'scheduled', 'published', 'unpublished']),
  contentType: z.enum(['text', 'video']),
  section: z.string().min(1),
  leadMedia: z.string().nullable(),
  authorEmail: z.string().nullable(),
  publishedAt: nullableDate,
  modifiedAt: nullableDate,
  breakingUntil: nullableDate,
  version: z.number().int().min(1),
  createdAt: isoDate,
  updatedAt: isoDate,
  /** Tag slugs in their order on the article. */
  tags: z.array(z.string()),
  /** Slugs it answered to before (they answer 301). */
  oldSlugs: z.array(z.object({ slug: z.string().min(1), createdAt: isoDate })),
});

export const relatedLinkRecord = z.object({
  article: z.string().min(1),
  position: z.number().int(),
  target: z.string().nullable(),
  targetLegacyId: z.string().nullable(),
  url: z.string().nullable(),
  kicker: z.string(),
  title: z.string(),
  contentType: z.enum(['text', 'video']),
  media: z.string().nullable(),
  createdAt: isoDate,
});

export const correctionRecord = z.object({ article: z.string().min(1), note: z.string(), authorEmail: z.string().nullable(), createdAt: isoDate });

export const recordSchemas = {
  sections: sectionRecord,
  tags: tagRecord,
  media: mediaRecord,
  articles: articleRecord,
  relatedLinks: relatedLinkRecord,
  corrections: correctionRecord,
} as const;

export type TransferRecords = { [K in TransferCollection]: z.infer<(typeof recordSchemas)[K]> };
export type TransferCounts = Record<TransferCollection, number>;
