-- The story model (docs/decisions/0017-story-blocks.md): the body becomes a JSON document of typed
-- blocks. The HTML column is renamed out of the way, not dropped: the converter that runs at start
-- (lib/articles/body/convert-stored.ts, called after the migrations) turns each row's HTML into blocks
-- and empties "legacyBodyHtml" in the same write. A later release drops the column.
-- Full-text search (ArticleSearch, FTS5) reads "bodyText", which this leaves as it is: the converter
-- writes the blocks' plain text there, and the update trigger re-indexes the row.
-- (No semicolon may appear inside a comment or statement here: the driver adapter splits scripts on them.)
ALTER TABLE "Article" RENAME COLUMN "body" TO "legacyBodyHtml";

ALTER TABLE "Article" ADD COLUMN "body" JSONB NOT NULL DEFAULT '{"version":1,"blocks":[]}';

ALTER TABLE "Article" ADD COLUMN "wordCount" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Article" ADD COLUMN "language" TEXT NOT NULL DEFAULT '';
