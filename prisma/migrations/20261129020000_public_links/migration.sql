-- A tag's and a contributor's links carry their article's public time (docs/decisions/0029-public-links.md):
-- "publicFrom" is the article's publishedAt while its status is 'published', else NULL. A tag page,
-- an author page and their feeds then read their newest public articles from one index, seeking to
-- the tag (or contributor) and walking its own links newest first. Before, they walked the site's
-- date index until a page of articles with the tag had gone by: 1,087 ms on SQLite, holding the
-- event loop, for a tag on one old article among 1,000,000. Triggers keep the column, in the same
-- statement as every write that changes it (saves, publishing, the due work, unpublishing, trash,
-- imports, restores, copies): no write path in lib/ can forget it.
-- AlterTable
ALTER TABLE "ArticleContributor" ADD COLUMN "publicFrom" DATETIME;

-- AlterTable
ALTER TABLE "ArticleTag" ADD COLUMN "publicFrom" DATETIME;

-- The links there already.
UPDATE "ArticleTag" SET "publicFrom" = (SELECT a."publishedAt" FROM "Article" a WHERE a."id" = "ArticleTag"."articleId" AND a."status" = 'published');
UPDATE "ArticleContributor" SET "publicFrom" = (SELECT a."publishedAt" FROM "Article" a WHERE a."id" = "ArticleContributor"."articleId" AND a."status" = 'published');

-- CreateIndex
CREATE INDEX "ArticleContributor_contributorId_publicFrom_articleId_idx" ON "ArticleContributor"("contributorId", "publicFrom", "articleId");

-- CreateIndex
CREATE INDEX "ArticleTag_tagId_publicFrom_articleId_idx" ON "ArticleTag"("tagId", "publicFrom", "articleId");

-- A new link takes its article's public time, whatever the inserting statement said.
CREATE TRIGGER "ArticleTag_publicFrom_ai" AFTER INSERT ON "ArticleTag" BEGIN
    UPDATE "ArticleTag" SET "publicFrom" = (SELECT a."publishedAt" FROM "Article" a WHERE a."id" = new."articleId" AND a."status" = 'published')
    WHERE "articleId" = new."articleId" AND "tagId" = new."tagId";
END;

CREATE TRIGGER "ArticleContributor_publicFrom_ai" AFTER INSERT ON "ArticleContributor" BEGIN
    UPDATE "ArticleContributor" SET "publicFrom" = (SELECT a."publishedAt" FROM "Article" a WHERE a."id" = new."articleId" AND a."status" = 'published')
    WHERE "articleId" = new."articleId" AND "contributorId" = new."contributorId";
END;

-- An article whose status or publication time changes moves all its links with it.
CREATE TRIGGER "Article_publicFrom_au" AFTER UPDATE OF "status", "publishedAt" ON "Article"
WHEN old."status" IS NOT new."status" OR old."publishedAt" IS NOT new."publishedAt" BEGIN
    UPDATE "ArticleTag" SET "publicFrom" = CASE WHEN new."status" = 'published' THEN new."publishedAt" END WHERE "articleId" = new."id";
    UPDATE "ArticleContributor" SET "publicFrom" = CASE WHEN new."status" = 'published' THEN new."publishedAt" END WHERE "articleId" = new."id";
END;
