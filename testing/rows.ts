// Rows for the crawler tests (sitemaps, feeds, redirects): written through Prisma into the test
// file's own SQLite copy (testing/setup-database.ts), never mocked.
import { bodyColumns } from '@/lib/articles/body/columns';
import { htmlToBlocks } from '@/lib/articles/body/from-html';
import { db } from '@/lib/db/client';
import type { ArticleStatus, ContentType } from '@/lib/generated/prisma/client';

let counter = 0;
const next = (): number => (counter += 1);

export async function makeSection(slug: string, name = slug, position = 0) {
  return db.section.create({ data: { slug, name, position } });
}

export async function makeTag(slug: string, name = slug) {
  return db.tag.create({ data: { slug, name } });
}

export async function makeImage(width = 1600, height = 900) {
  return db.media.create({ data: { kind: 'image', path: `test/${next()}-photo.jpg`, mimeType: 'image/jpeg', width, height, alt: 'A photo' } });
}

export async function makeVideo(durationSeconds: number | null = 95) {
  const poster = await makeImage(1280, 720);
  return db.media.create({
    data: { kind: 'video', path: `test/${next()}-clip.mp4`, mimeType: 'video/mp4', width: 1280, height: 720, durationSeconds, posterId: poster.id },
  });
}

export type ArticleInput = {
  sectionId: number;
  slug?: string;
  headline?: string;
  status?: ArticleStatus;
  contentType?: ContentType;
  publishedAt?: Date | null;
  modifiedAt?: Date | null;
  leadMediaId?: number | null;
  legacyId?: string | null;
  tagIds?: number[];
  oldSlugs?: string[];
  /** HTML for brevity: stored as the blocks it reads into (lib/articles/body/from-html.ts), with their text and word count. */
  body?: string;
  standfirst?: string;
  /** A contributor of this name is made (slug contributor-{n}) and is the article's byline. */
  byline?: string;
  /** Contributor ids in byline order. */
  contributorIds?: number[];
  kicker?: string;
};

/** A contributor row with no checks (the name is stored as given: the XML tests give hostile ones). */
export async function makeContributor(input: { name?: string; slug?: string; jobTitle?: string; photoId?: number | null; retiredAt?: Date | null } = {}) {
  const n = next();
  return db.contributor.create({ data: { name: `Contributor ${n}`, slug: `contributor-${n}`, ...input } });
}

export async function makeArticle(input: ArticleInput) {
  const n = next();
  const { tagIds = [], oldSlugs = [], body = `<p>Body of story ${n}.</p>`, byline, contributorIds = [], ...rest } = input;
  const bylineIds = byline === undefined ? contributorIds : [(await makeContributor({ name: byline })).id, ...contributorIds];
  return db.article.create({
    data: {
      slug: `story-${n}`,
      headline: `Story number ${n}`,
      standfirst: `Standfirst of story ${n}.`,
      ...bodyColumns({ version: 1, blocks: htmlToBlocks(body) }),
      status: 'published',
      publishedAt: new Date(Date.UTC(2024, 0, 1) + n * 60_000),
      ...rest,
      tags: { create: tagIds.map((tagId, position) => ({ tagId, position })) },
      contributors: { create: bylineIds.map((contributorId, position) => ({ contributorId, position })) },
      oldSlugs: { create: oldSlugs.map((slug) => ({ slug })) },
    },
  });
}
