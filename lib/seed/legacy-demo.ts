// The demo's legacy article (prisma/legacy/lavrov-syria-2016-11-02.txt) in the Middle East section:
// its six related items become articles of their own (headline, kicker, picture and the date their
// picture's .NET ticks give), then the article itself is written by the importer's own code, which
// links them in `sort` order. Missing pictures get distinct placeholders of the right kind.
import fs from 'node:fs';
import path from 'node:path';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import type { Section } from '@/lib/generated/prisma/client';
import { uniqueArticleSlug } from '@/lib/articles/slug';
import { paragraphsToBody } from '@/lib/legacy/body';
import { legacyIdFromFileName } from '@/lib/legacy/legacy-id';
import { legacyPictureMedia } from '@/lib/legacy/media';
import { parseLegacyArticle } from '@/lib/legacy/parser';
import { saveLegacyArticle } from '@/lib/legacy/write';
import { savePlaceholderVideo } from '@/lib/media/placeholder-video';
import { ensureTags } from '@/lib/tags/commands';

export const demoLegacyFile = path.join(/* turbopackIgnore: true */ config.projectRoot, 'prisma', 'legacy', 'lavrov-syria-2016-11-02.txt');

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

export async function seedLegacyDemo(section: Section): Promise<{ articleId: number; articles: number }> {
  const article = parseLegacyArticle(fs.readFileSync(demoLegacyFile), path.relative(config.projectRoot, demoLegacyFile));
  return db.$transaction(
    async (tx) => {
      for (const item of article.related) {
        const media = await legacyPictureMedia(tx, item.pic, item.headline, { placeholders: 'distinct' });
        const bodyFields = paragraphsToBody([
          `${item.headline}: this report was published on ${dateFormat.format(new Date(item.picDate))} and comes from the archive of the old site.`,
          'Its full text has not been carried over yet; the headline, picture and date are those it was first published with.',
        ]);
        await tx.article.create({
          data: {
            legacyId: item.id,
            slug: await uniqueArticleSlug(item.headline, { client: tx }),
            kicker: item.kicker,
            headline: item.headline,
            ...bodyFields,
            status: 'published',
            contentType: item.mediaKind === 'video' ? 'video' : 'text',
            sectionId: section.id,
            leadMediaId: media.id,
            publishedAt: new Date(item.picDate),
            modifiedAt: new Date(item.picDate),
          },
        });
      }

      const video = await savePlaceholderVideo(
        {
          videoPath: 'demo/lavrov-video.mp4',
          posterPath: 'demo/lavrov-video-poster.jpg',
          posterSeed: 2,
          alt: `Video report: ${article.headline} (placeholder footage)`,
          posterAlt: 'Poster frame of the video report',
          // Honest about what plays: a test pattern stands in for the report the archive does not hold.
          caption: 'Placeholder footage: the original video report is not part of the demo archive.',
        },
        tx,
      );
      const saved = await saveLegacyArticle(tx, article, {
        legacyId: legacyIdFromFileName(demoLegacyFile),
        sectionId: section.id,
        leadMediaId: video.id,
        placeholders: 'distinct',
      });
      // The legacy format carries no tags; an editor would file the story under these.
      const tags = await ensureTags(['Syria', 'Russia', 'Diplomacy'], tx);
      await tx.articleTag.createMany({ data: tags.map((tag, position) => ({ articleId: saved.articleId, tagId: tag.id, position })) });
      return { articleId: saved.articleId, articles: article.related.length + 1 };
    },
    { maxWait: 60_000, timeout: 120_000 },
  );
}
