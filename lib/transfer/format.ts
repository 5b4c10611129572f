// Lede's export format: one JSON document that is also readable a line at a time. The header line
// opens the object, each collection opens on a line of its own ("sections":[), every record sits on
// one line (a leading comma after the first), and "]" and "}" close on lines of their own. So
// JSON.parse reads the whole file, and the importer streams it with flat memory.
// Records name each other by natural keys (slugs, media paths, user emails), never by database ids,
// so a file imports into an empty database or merges into a live one.
// Every record passes the same schemas as the newsroom's own writes (lib/articles/schema.ts, the
// section, upload and media-path rules): an export is input like any other, so a body is sanitised,
// a slug must be a slug and a media path must stay inside MEDIA_ROOT, whoever wrote the file.
import { z } from 'zod';
import { articleContentSchema, correctionSchema, relatedUrlSchema, requiredSlugSchema, slugSchema, tagNameSchema } from '@/lib/articles/schema';
import { mediaPathSchema } from '@/lib/media/media-path';
import { uploadFieldsSchema } from '@/lib/media/upload';
import { sectionInputSchema } from '@/lib/sections/commands';

export const transferFormat = 'lede-export';
export const transferVersion = 1;
export const transferCollections = ['sections', 'tags', 'media', 'articles', 'relatedLinks', 'corrections'] as const;
export type TransferCollection = (typeof transferCollections)[number];

const isoDate = z.iso.datetime({ offset: true });
const nullableDate = isoDate.nullable();
// An article's slug as the newsroom's form takes it, but never empty: the file names the article by it.
const articleSlug = slugSchema.refine((slug) => slug !== '', 'A slug is required.');
const sectionSlug = sectionInputSchema.shape.slug;

export const sectionRecord = sectionInputSchema.pick({ slug: true, name: true, description: true }).extend({
  position: z.number().int(),
  createdAt: isoDate,
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

/** The body is sanitised by articleContentSchema's body field; its plain text is made again from it. */
export const articleRecord = articleContentSchema.extend({
  slug: articleSlug,
  legacyId: z.string().nullable(),
  /** Read and ignored: the plain text is always made from the sanitised body. */
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
  /** Slugs it answered to before (they answer 301). */
  oldSlugs: z.array(z.object({ slug: articleSlug, createdAt: isoDate })),
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
  articles: articleRecord,
  relatedLinks: relatedLinkRecord,
  corrections: correctionRecord,
} as const;

export type TransferRecords = { [K in TransferCollection]: z.output<(typeof recordSchemas)[K]> };
export type TransferCounts = Record<TransferCollection, number>;
