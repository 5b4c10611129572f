-- Which articles use which media (docs/decisions/0024-media-uses.md): the lead media and every
-- picture and video block of the body. Deleting media reads this index instead of scanning every
-- body. Triggers on "Article" keep it, in the same statement as every write of the body or the lead
-- media (saves, publishing, imports, restores, the converter's raw UPDATEs): no write path in lib/
-- can forget it. The foreign key to "Media" refuses a use of media that is gone, so a save racing a
-- deletion fails instead of leaving a body that names deleted media.
-- CreateTable
CREATE TABLE "MediaUse" (
    "mediaId" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,

    PRIMARY KEY ("mediaId", "articleId", "kind"),
    CONSTRAINT "MediaUse_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "MediaUse_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "MediaUse_articleId_idx" ON "MediaUse"("articleId");

-- CreateIndex (the media-use check asks for a related link's picture by media, too)
CREATE INDEX "RelatedLink_mediaId_idx" ON "RelatedLink"("mediaId");

-- The uses of the articles there already (a body naming media that no longer exists names nothing
-- to protect: the JOIN leaves it out rather than failing the upgrade).
INSERT INTO "MediaUse" ("mediaId", "articleId", "kind")
SELECT DISTINCT m."id", a."id", json_extract(b.value, '$.type')
FROM "Article" a, json_each(a."body", '$.blocks') AS b
JOIN "Media" m ON m."id" = json_extract(b.value, '$.mediaId')
WHERE json_extract(b.value, '$.type') IN ('picture', 'video');

INSERT INTO "MediaUse" ("mediaId", "articleId", "kind")
SELECT a."leadMediaId", a."id", 'lead' FROM "Article" a WHERE a."leadMediaId" IS NOT NULL;

CREATE TRIGGER "MediaUse_article_ai" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "MediaUse" ("mediaId", "articleId", "kind")
    SELECT DISTINCT json_extract(b.value, '$.mediaId'), new."id", json_extract(b.value, '$.type')
    FROM json_each(new."body", '$.blocks') AS b
    WHERE json_extract(b.value, '$.type') IN ('picture', 'video');
    INSERT INTO "MediaUse" ("mediaId", "articleId", "kind")
    SELECT new."leadMediaId", new."id", 'lead' WHERE new."leadMediaId" IS NOT NULL;
END;

-- Only a change of the body or the lead media rewrites the article's uses (status flips do not).
CREATE TRIGGER "MediaUse_article_au" AFTER UPDATE OF "body", "leadMediaId" ON "Article"
WHEN old."body" IS NOT new."body" OR old."leadMediaId" IS NOT new."leadMediaId" BEGIN
    DELETE FROM "MediaUse" WHERE "articleId" = new."id";
    INSERT INTO "MediaUse" ("mediaId", "articleId", "kind")
    SELECT DISTINCT json_extract(b.value, '$.mediaId'), new."id", json_extract(b.value, '$.type')
    FROM json_each(new."body", '$.blocks') AS b
    WHERE json_extract(b.value, '$.type') IN ('picture', 'video');
    INSERT INTO "MediaUse" ("mediaId", "articleId", "kind")
    SELECT new."leadMediaId", new."id", 'lead' WHERE new."leadMediaId" IS NOT NULL;
END;
