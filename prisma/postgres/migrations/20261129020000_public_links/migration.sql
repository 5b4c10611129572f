-- A tag's and a contributor's links carry their article's public time (docs/decisions/0029-public-links.md):
-- "publicFrom" is the article's publishedAt while its status is 'published', else NULL. A tag page,
-- an author page and their feeds then read their newest public articles from one index, seeking to
-- the tag (or contributor) and walking its own links newest first, instead of walking the site's date
-- index until a page of articles with the tag has gone by. Triggers keep the column, in the same
-- statement as every write that changes it (saves, publishing, the due work, unpublishing, trash,
-- imports, restores, copies): no write path in lib/ can forget it.
-- AlterTable
ALTER TABLE "ArticleContributor" ADD COLUMN     "publicFrom" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "ArticleTag" ADD COLUMN     "publicFrom" TIMESTAMP(3);

-- The links there already.
UPDATE "ArticleTag" link SET "publicFrom" = a."publishedAt" FROM "Article" a WHERE a."id" = link."articleId" AND a."status" = 'published';
UPDATE "ArticleContributor" link SET "publicFrom" = a."publishedAt" FROM "Article" a WHERE a."id" = link."articleId" AND a."status" = 'published';

-- CreateIndex
CREATE INDEX "ArticleContributor_contributorId_publicFrom_articleId_idx" ON "ArticleContributor"("contributorId", "publicFrom", "articleId");

-- CreateIndex
CREATE INDEX "ArticleTag_tagId_publicFrom_articleId_idx" ON "ArticleTag"("tagId", "publicFrom", "articleId");

-- A new link takes its article's public time, whatever the inserting statement said. SET search_path
-- FROM CURRENT: the functions find "Article" whatever the caller's search_path (pg_restore runs with an
-- empty one; see 20261128500000_media_uses).
CREATE FUNCTION "link_publicFrom"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    NEW."publicFrom" := (SELECT a."publishedAt" FROM "Article" a WHERE a."id" = NEW."articleId" AND a."status" = 'published');
    RETURN NEW;
END;
$$;

CREATE TRIGGER "ArticleTag_publicFrom_bi" BEFORE INSERT ON "ArticleTag"
    FOR EACH ROW EXECUTE FUNCTION "link_publicFrom"();

CREATE TRIGGER "ArticleContributor_publicFrom_bi" BEFORE INSERT ON "ArticleContributor"
    FOR EACH ROW EXECUTE FUNCTION "link_publicFrom"();

-- An article whose status or publication time changes moves all its links with it.
CREATE FUNCTION "Article_links_publicFrom"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    public_from TIMESTAMP(3) := CASE WHEN NEW."status" = 'published' THEN NEW."publishedAt" END;
BEGIN
    UPDATE "ArticleTag" SET "publicFrom" = public_from WHERE "articleId" = NEW."id";
    UPDATE "ArticleContributor" SET "publicFrom" = public_from WHERE "articleId" = NEW."id";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Article_publicFrom_au" AFTER UPDATE OF "status", "publishedAt" ON "Article"
    FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt")
    EXECUTE FUNCTION "Article_links_publicFrom"();
