import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { searchArticles } from '@/lib/search';
import { config } from '@/lib/config';
import { db } from '@/lib/db/client';
import { mediaFile } from '@/lib/media/store';
import { parseLegacyArticle } from '@/lib/legacy/parser';
import { defaultGeneratedArticles, seedDemoContent } from '@/lib/seed/demo';
import { seedGeneratedArticles } from '@/lib/seed/generated';
import { demoLegacyFile } from '@/lib/seed/legacy-demo';
import { generatedPeople, generatedTagNames } from '@/lib/seed/prose';
import { demoContributors } from '@/lib/seed/contributors';
import { everyBlockSlug } from '@/lib/seed/every-block';
import { blockTypes, bodyDocumentSchema } from '@/lib/articles/body/schema';
import { bodyPlainText, countWords } from '@/lib/articles/body/text';

const lavrovSlug = 'russia-seeks-honest-cooperation-in-syria-lavrov';
// The counts follow from the demo's inputs, not from today's numbers: the legacy file's article and
// its related items, and the generated articles.
const legacyArticles = parseLegacyArticle(fs.readFileSync(demoLegacyFile), path.basename(demoLegacyFile)).related.length + 1;
// …and the showcase of every block type (lib/seed/every-block.ts).
const demoArticles = legacyArticles + 1 + defaultGeneratedArticles;
const generatedWhere = { legacyId: null, slug: { not: everyBlockSlug } };

describe('seedDemoContent', () => {
  let first: { seeded: boolean; articles: number };
  beforeAll(async () => {
    first = await seedDemoContent();
  });

  it('seeds an empty database once, and never again', async () => {
    expect(first).toEqual({ seeded: true, articles: demoArticles });
    expect(await seedDemoContent()).toEqual({ seeded: false, articles: 0 });
    expect(await db.article.count()).toBe(demoArticles);
  });

  it('makes the six sections in navigation order', async () => {
    const sections = await db.section.findMany({ orderBy: { position: 'asc' } });
    expect(sections.map((section) => section.slug)).toEqual(['world', 'middle-east', 'politics', 'business', 'science-tech', 'culture']);
    expect(sections.map((section) => section.name)).toContain('Science & Tech');
  });

  it('makes the legacy article a published video article in Middle East', async () => {
    const article = await db.article.findUniqueOrThrow({
      where: { slug: lavrovSlug },
      include: { section: true, leadMedia: { include: { poster: true } } },
    });
    expect(article).toMatchObject({
      kicker: 'VIDEO',
      headline: "Russia Seeks 'Honest' Cooperation in Syria: Lavrov",
      contentType: 'video',
      status: 'published',
      sourceCredit: 'Press TV',
      legacyId: 'lavrov-syria-2016-11-02',
    });
    expect(article.section.slug).toBe('middle-east');
    // Wed Nov 2, 2016 19:50:06 in Tehran (UTC+3:30).
    expect(article.publishedAt?.toISOString()).toBe('2016-11-02T16:20:06.000Z');
    const body = bodyDocumentSchema.parse(article.body);
    expect(body.blocks).toHaveLength(9);
    expect(body.blocks.every((block) => block.type === 'paragraph')).toBe(true);
    expect(article.bodyText).toMatch(/^Russian Foreign Minister Sergei Lavrov has said Wednesday that Russia seeks "honest cooperation"/);
    expect(article.bodyText).not.toContain('string(');
    expect(article.wordCount).toBe(countWords(article.bodyText));
    expect(article.bodyText).toContain('Moscow’s partners');
    expect(article.bodyText).not.toContain('<p>');
    expect(article.leadMedia).toMatchObject({ kind: 'video', mimeType: 'video/mp4', width: 320, height: 180, durationSeconds: 3 });
    expect(article.leadMedia?.poster).toMatchObject({ kind: 'image', width: 1280, height: 720 });
    const tags = await db.articleTag.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' }, select: { tag: { select: { slug: true } } } });
    expect(tags.map(({ tag }) => tag.slug)).toEqual(['syria', 'russia', 'diplomacy']);
    // Crawlers get 16:9, 4:3 and 1:1 crops of the poster, as an upload would make them.
    expect(Object.keys((article.leadMedia?.poster?.renditions as { crops: object } | null)?.crops ?? {}).sort()).toEqual(['16x9', '1x1', '4x3']);
    const video = fs.readFileSync(mediaFile(article.leadMedia!.path));
    expect(video.subarray(4, 8).toString()).toBe('ftyp');
    expect(video.length).toBeLessThan(60_000);
  });

  it('links its six related articles in sort order, the .mp4 one as video', async () => {
    const article = await db.article.findUniqueOrThrow({
      where: { slug: lavrovSlug },
      include: { relatedLinks: { orderBy: { position: 'asc' }, include: { targetArticle: { include: { leadMedia: true, section: true } }, media: true } } },
    });
    const links = article.relatedLinks;
    expect(links.map((link) => link.position)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(links.map((link) => link.targetLegacyId)).toEqual(['1879845', '1879918', '1879987', '1880272', '1880287', '1880388']);
    expect(links.map((link) => [link.kicker, link.title, link.contentType])).toEqual([
      ['', 'Russia, NATO Will Hold Parallel Military Drills in Balkan', 'text'],
      ['SYRIA VIDEO', "Army Inflicts Great Loss on Terrorists in Clashes in Northern Dara'a", 'video'],
      ['', 'FBI Sees No Relation between Trump, Russia’s Putin: Report', 'text'],
      ['', 'Russia Declares 10 Hours Truce in Aleppo for Humanitarian Aid on Friday', 'text'],
      ['', "Syria in Past 24 Hours: Terrorists in Damascus Receive Army's Ultimatum", 'text'],
      ['VIDEO', '200,000 Migrants are Suffering in Syria and Iraq', 'text'],
    ]);
    for (const link of links) {
      const target = link.targetArticle!;
      expect(target.legacyId).toBe(link.targetLegacyId);
      expect([target.kicker, target.headline, target.status, target.section.slug]).toEqual([link.kicker, link.title, 'published', 'middle-east']);
      expect(link.mediaId).toBe(target.leadMediaId);
      expect(link.media!.legacyPath).toMatch(/^\/2016\/11\/0[12]\/alalam_\d{18}_25f_4x3\.(jpg|mp4)$/);
      expect(link.media!.path).toBe(`legacy${link.media!.legacyPath}`);
      expect(fs.existsSync(mediaFile(link.media!.path))).toBe(true);
      expect(link.media!.alt).not.toBe('');
    }
    expect(links[1]!.media).toMatchObject({ kind: 'video', mimeType: 'video/mp4' });
    expect(links[1]!.media!.posterId).not.toBeNull();
    expect(links[1]!.targetArticle!.contentType).toBe('video');
    expect(links[0]!.media).toMatchObject({ kind: 'image', mimeType: 'image/jpeg', width: 1200, height: 900 });
    // The .NET ticks of the picture date the related article: 636135849798379447 = 2016-11-01T08:16:19.837Z.
    expect(links[0]!.targetArticle!.publishedAt?.toISOString()).toBe('2016-11-01T08:16:19.837Z');
    // Placeholders are distinct pictures, not one file six times.
    const files = links.filter((link) => link.media!.kind === 'image').map((link) => fs.readFileSync(mediaFile(link.media!.path)).toString('base64'));
    expect(new Set(files).size).toBe(files.length);
  });

  it('publishes the showcase of every block type in World, with real media and a card to the legacy article', async () => {
    const article = await db.article.findUniqueOrThrow({ where: { slug: everyBlockSlug }, include: { section: true } });
    expect(article).toMatchObject({ status: 'published', section: { slug: 'world' } });
    expect(await db.articleBodyHtml.count({ where: { articleId: article.id } })).toBe(0);
    const body = bodyDocumentSchema.parse(article.body);
    expect([...new Set(body.blocks.map((block) => block.type))].sort()).toEqual([...blockTypes].sort());
    const picture = body.blocks.find((block) => block.type === 'picture')!;
    const video = body.blocks.find((block) => block.type === 'video')!;
    const card = body.blocks.find((block) => block.type === 'articleCard')!;
    const embed = body.blocks.find((block) => block.type === 'embed')!;
    const pictureMedia = await db.media.findUniqueOrThrow({ where: { id: picture.mediaId } });
    expect(pictureMedia.kind).toBe('image');
    expect(picture.alt).not.toBe('');
    expect(fs.existsSync(mediaFile(pictureMedia.path))).toBe(true);
    const videoMedia = await db.media.findUniqueOrThrow({ where: { id: video.mediaId }, include: { poster: true } });
    expect(videoMedia.kind).toBe('video');
    expect(videoMedia.poster).not.toBeNull();
    expect(fs.existsSync(mediaFile(videoMedia.path))).toBe(true);
    expect(await db.article.findUniqueOrThrow({ where: { id: card.articleId }, select: { slug: true } })).toEqual({ slug: lavrovSlug });
    expect(embed).toMatchObject({ provider: 'youtube', url: 'https://www.youtube.com/watch?v=aqz-KE-bpKQ' });
    expect(article.bodyText).toBe(bodyPlainText(body));
    expect(article.wordCount).toBe(countWords(article.bodyText));
    expect(article.bodyText).toContain('Every block is checked by one schema.');
  });

  it('has contributors with photos, a byline of two in order on the showcase, and a guest writer', async () => {
    const people = await db.contributor.findMany({ where: { name: { in: demoContributors.map((one) => one.name) } }, orderBy: { id: 'asc' }, select: { name: true, slug: true, jobTitle: true, photo: { select: { kind: true } } } });
    expect(people.map((one) => [one.name, one.slug, one.jobTitle, one.photo?.kind])).toEqual([
      ['Amina Rahimi', 'amina-rahimi', 'Senior correspondent', 'image'],
      ['Tomas Varga', 'tomas-varga', 'Data editor', 'image'],
      ['Nadia Karimi', 'nadia-karimi', 'Guest writer', 'image'],
    ]);
    const showcase = await db.article.findUniqueOrThrow({ where: { slug: everyBlockSlug }, select: { contributors: { orderBy: { position: 'asc' }, select: { contributor: { select: { name: true } } } } } });
    expect(showcase.contributors.map((link) => link.contributor.name)).toEqual(['Amina Rahimi', 'Nadia Karimi']);
    // The generated stories' reporters are contributors too (the staff among them reused by name).
    expect(await db.contributor.count({ where: { name: { in: [...generatedPeople] } } })).toBe(generatedPeople.length);
    expect(await db.contributor.count({ where: { name: 'Amina Rahimi' } })).toBe(1);
  });

  it('generates the default number of published articles over the past 90 days, with pictures, tags and some video', async () => {
    const generated = await db.article.findMany({ where: generatedWhere, include: { leadMedia: true, tags: true, section: true, contributors: true } });
    expect(generated).toHaveLength(defaultGeneratedArticles);
    const now = Date.now();
    for (const article of generated) {
      expect(article.status).toBe('published');
      expect(article.publishedAt!.getTime()).toBeLessThanOrEqual(now);
      expect(article.publishedAt!.getTime()).toBeGreaterThan(now - 91 * 86_400_000);
      expect(article.leadMedia).not.toBeNull();
      expect(article.leadMedia!.width).toBeGreaterThan(0);
      expect(article.leadMedia!.height).toBeGreaterThan(0);
      expect(article.leadMedia!.alt).not.toBe('');
      expect(article.tags.length).toBeGreaterThanOrEqual(1);
      expect(article.tags.length).toBeLessThanOrEqual(3);
      const body = bodyDocumentSchema.parse(article.body);
      expect(body.blocks.length).toBeGreaterThanOrEqual(4);
      expect(body.blocks.length).toBeLessThanOrEqual(8);
      expect(article.bodyText).toBe(bodyPlainText(body));
      expect(article.wordCount).toBe(countWords(article.bodyText));
      expect(article.standfirst).not.toBe('');
      expect(article.contributors.length).toBe(1);
      expect(article.contentType === 'video').toBe(article.leadMedia!.kind === 'video');
    }
    const video = generated.filter((article) => article.contentType === 'video').length;
    expect(video).toBeGreaterThanOrEqual(8);
    expect(video).toBeLessThanOrEqual(40);
    expect(new Set(generated.map((article) => article.section.slug)).size).toBe(6);
    expect(new Set(generated.map((article) => article.leadMediaId)).size).toBeGreaterThanOrEqual(20);
    expect(generated.some((article) => article.kicker !== '' && article.kicker !== 'VIDEO')).toBe(true);
    expect(generated.some((article) => article.sourceCredit !== '')).toBe(true);
    // The tags of generated articles and those of the legacy article (Syria is both), each once.
    const legacyTags = await db.tag.findMany({ where: { articles: { some: { article: { slug: lavrovSlug } } } }, select: { name: true } });
    const tagNames = (await db.tag.findMany({ select: { name: true } })).map((tag) => tag.name).sort();
    expect(tagNames).toEqual([...new Set([...generatedTagNames, ...legacyTags.map((tag) => tag.name)])].sort());
    expect(await db.relatedLink.count({ where: { article: generatedWhere } })).toBeGreaterThan(10);
    // Every media file exists under MEDIA_ROOT.
    for (const media of await db.media.findMany()) expect(fs.existsSync(mediaFile(media.path)), media.path).toBe(true);
    expect(config.MEDIA_ROOT).not.toContain('/work/main/data');
  });

  it('adds more generated articles with fresh, reproducible slugs and searchable text', async () => {
    const before = await db.article.findMany({ where: generatedWhere, select: { slug: true, headline: true } });
    await seedGeneratedArticles(25, { batchSize: 10 });
    const after = await db.article.findMany({ where: generatedWhere, select: { id: true, slug: true, headline: true } });
    expect(after).toHaveLength(defaultGeneratedArticles + 25);
    expect(new Set(after.map((article) => article.slug)).size).toBe(defaultGeneratedArticles + 25);
    for (const article of after) expect(article.slug).toMatch(new RegExp(`-${article.id}(-g)*$`));
    // Same ids, same content: the first ones did not change.
    expect(after.slice(0, defaultGeneratedArticles).map(({ slug, headline }) => ({ slug, headline }))).toEqual(before);
    const newest = after[after.length - 1]!;
    // Generated articles are published, so search (FTS5 or tsvector, whichever the database has) finds them.
    const results = await searchArticles(newest.headline);
    expect(results.hits.map((hit) => hit.id)).toContain(newest.id);
  });
});
