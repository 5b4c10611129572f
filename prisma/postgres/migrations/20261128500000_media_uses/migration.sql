-- Which articles use which media (docs/decisions/0024-media-uses.md): the lead media and every
-- picture and video block of the body. Deleting media reads this index instead of scanning every
-- body. A trigger on "Article" keeps it, in the same statement as every write of the body or the
-- lead media (saves, publishing, imports, restores, the converter's raw UPDATEs): no write path in
-- lib/ can forget it. The foreign key to "Media" refuses a use of media that is gone: a save racing a
-- deletion waits on the deletion's row lock and then fails, instead of leaving a body that names
-- deleted media.
-- CreateEnum
CREATE TYPE "MediaUseKind" AS ENUM ('lead', 'picture', 'video');

-- CreateTable
CREATE TABLE "MediaUse" (
    "mediaId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" "MediaUseKind" NOT NULL,

    CONSTRAINT "MediaUse_pkey" PRIMARY KEY ("mediaId","articleId","kind")
);

-- CreateIndex
CREATE INDEX "MediaUse_articleId_idx" ON "MediaUse"("articleId");

-- CreateIndex (the media-use check asks for a related link's picture by media, too)
CREATE INDEX "RelatedLink_mediaId_idx" ON "RelatedLink"("mediaId");

-- AddForeignKey
ALTER TABLE "MediaUse" ADD CONSTRAINT "MediaUse_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MediaUse" ADD CONSTRAINT "MediaUse_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The uses of the articles there already (a body naming media that no longer exists names nothing
-- to protect: the JOIN leaves it out rather than failing the upgrade).
INSERT INTO "MediaUse" ("mediaId", "articleId", "kind")
SELECT DISTINCT m."id", a."id", (b.value->>'type')::"MediaUseKind"
FROM "Article" a
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(a."body"->'blocks') = 'array' THEN a."body"->'blocks' ELSE '[]'::jsonb END) AS b(value)
JOIN "Media" m ON m."id"::text = b.value->>'mediaId'
WHERE b.value->>'type' IN ('picture', 'video');

INSERT INTO "MediaUse" ("mediaId", "articleId", "kind")
SELECT a."leadMediaId", a."id", 'lead' FROM "Article" a WHERE a."leadMediaId" IS NOT NULL;

-- SET search_path FROM CURRENT: the function finds "MediaUse" in the schema it was made in whatever the
-- caller's search_path (pg_restore runs with an empty one: a restore's COPY into "Article" failed with
-- relation "MediaUse" does not exist).
CREATE FUNCTION "MediaUse_of_article"() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        DELETE FROM "MediaUse" WHERE "articleId" = NEW."id";
    END IF;
    INSERT INTO "MediaUse" ("mediaId", "articleId", "kind")
    SELECT DISTINCT (b.value->>'mediaId')::integer, NEW."id", (b.value->>'type')::"MediaUseKind"
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(NEW."body"->'blocks') = 'array' THEN NEW."body"->'blocks' ELSE '[]'::jsonb END) AS b(value)
    WHERE b.value->>'type' IN ('picture', 'video');
    IF NEW."leadMediaId" IS NOT NULL THEN
        INSERT INTO "MediaUse" ("mediaId", "articleId", "kind") VALUES (NEW."leadMediaId", NEW."id", 'lead');
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "MediaUse_article_ai" AFTER INSERT ON "Article"
    FOR EACH ROW EXECUTE FUNCTION "MediaUse_of_article"();

-- Only a change of the body or the lead media rewrites the article's uses (status flips do not).
CREATE TRIGGER "MediaUse_article_au" AFTER UPDATE OF "body", "leadMediaId" ON "Article"
    FOR EACH ROW WHEN (OLD."body" IS DISTINCT FROM NEW."body" OR OLD."leadMediaId" IS DISTINCT FROM NEW."leadMediaId")
    EXECUTE FUNCTION "MediaUse_of_article"();
