-- The story model (docs/decisions/0017-story-blocks.md): the body becomes a JSON document of typed
-- blocks. SQL cannot turn HTML into blocks, so each article's HTML body moves to "ArticleBodyHtml" and
-- each revision whose snapshot holds an HTML body is listed in "RevisionBodyHtml": the converter that
-- runs at start (lib/articles/body/convert-stored.ts, called after the migrations) writes the blocks
-- and deletes the waiting row in one transaction. Once it has run both tables are empty, and the check
-- at every later start reads nothing.
-- Full-text search (ArticleSearch, FTS5) reads "bodyText", which this leaves as it is: the converter
-- writes the blocks' plain text there where it differs, and the update trigger re-indexes the row.
-- (No semicolon may appear inside a comment or statement here: the driver adapter splits scripts on them.)
CREATE TABLE "ArticleBodyHtml" (
    "articleId" INTEGER NOT NULL PRIMARY KEY,
    "html" TEXT NOT NULL,
    CONSTRAINT "ArticleBodyHtml_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "RevisionBodyHtml" (
    "revisionId" INTEGER NOT NULL PRIMARY KEY,
    CONSTRAINT "RevisionBodyHtml_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "Revision" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

INSERT INTO "ArticleBodyHtml" ("articleId", "html") SELECT "id", "body" FROM "Article" WHERE "body" <> '';

INSERT INTO "RevisionBodyHtml" ("revisionId") SELECT "id" FROM "Revision" WHERE json_valid("snapshot") AND json_type("snapshot", '$.body') = 'text';

ALTER TABLE "Article" DROP COLUMN "body";

ALTER TABLE "Article" ADD COLUMN "body" JSONB NOT NULL DEFAULT '{"version":1,"blocks":[]}';

ALTER TABLE "Article" ADD COLUMN "wordCount" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Article" ADD COLUMN "language" TEXT NOT NULL DEFAULT '';
