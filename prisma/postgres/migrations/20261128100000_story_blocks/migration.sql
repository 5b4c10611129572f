-- The story model (docs/decisions/0017-story-blocks.md): the body becomes a JSON document of typed
-- blocks. SQL cannot turn HTML into blocks, so each article's HTML body moves to "ArticleBodyHtml" and
-- each revision whose snapshot holds an HTML body is listed in "RevisionBodyHtml": the converter that
-- runs at start (lib/articles/body/convert-stored.ts, called after the migrations) writes the blocks
-- and deletes the waiting row in one transaction. Once it has run both tables are empty, and the check
-- at every later start reads nothing.
-- Full-text search reads "bodyText" (the generated "searchVector"), which this leaves as it is.
-- (No semicolon may appear inside a comment or statement here: the driver adapter splits scripts on them.)
CREATE TABLE "ArticleBodyHtml" (
    "articleId" INTEGER NOT NULL,
    "html" TEXT NOT NULL,

    CONSTRAINT "ArticleBodyHtml_pkey" PRIMARY KEY ("articleId")
);

CREATE TABLE "RevisionBodyHtml" (
    "revisionId" INTEGER NOT NULL,

    CONSTRAINT "RevisionBodyHtml_pkey" PRIMARY KEY ("revisionId")
);

INSERT INTO "ArticleBodyHtml" ("articleId", "html") SELECT "id", "body" FROM "Article" WHERE "body" <> '';

INSERT INTO "RevisionBodyHtml" ("revisionId") SELECT "id" FROM "Revision" WHERE jsonb_typeof("snapshot"->'body') = 'string';

ALTER TABLE "Article" DROP COLUMN "body";

ALTER TABLE "Article" ADD COLUMN "body" JSONB NOT NULL DEFAULT '{"version":1,"blocks":[]}';

ALTER TABLE "Article" ADD COLUMN "wordCount" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Article" ADD COLUMN "language" TEXT NOT NULL DEFAULT '';

ALTER TABLE "ArticleBodyHtml" ADD CONSTRAINT "ArticleBodyHtml_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "RevisionBodyHtml" ADD CONSTRAINT "RevisionBodyHtml_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision"("id") ON DELETE CASCADE ON UPDATE CASCADE;
