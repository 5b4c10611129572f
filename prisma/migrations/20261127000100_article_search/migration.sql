-- Full-text search over articles (SQLite FTS5), written by hand: Prisma's schema language has no
-- full-text index for SQLite. An external-content table reads headline, kicker, standfirst and the
-- plain text of the body from "Article" itself; the triggers keep the index in step with every write.
-- lib/search/sqlite.ts queries it; PostgreSQL uses a tsvector column and a GIN index instead.
CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "headline", "kicker", "standfirst", "bodyText",
    content='Article', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);

CREATE TRIGGER "ArticleSearch_ai" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearch"(rowid, "headline", "kicker", "standfirst", "bodyText")
    VALUES (new."id", new."headline", new."kicker", new."standfirst", new."bodyText");
END;

CREATE TRIGGER "ArticleSearch_ad" AFTER DELETE ON "Article" BEGIN
    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "headline", "kicker", "standfirst", "bodyText")
    VALUES ('delete', old."id", old."headline", old."kicker", old."standfirst", old."bodyText");
END;

-- Only a change of the indexed text re-indexes: status flips and counters leave the index alone.
CREATE TRIGGER "ArticleSearch_au" AFTER UPDATE OF "headline", "kicker", "standfirst", "bodyText" ON "Article" BEGIN
    INSERT INTO "ArticleSearch"("ArticleSearch", rowid, "headline", "kicker", "standfirst", "bodyText")
    VALUES ('delete', old."id", old."headline", old."kicker", old."standfirst", old."bodyText");
    INSERT INTO "ArticleSearch"(rowid, "headline", "kicker", "standfirst", "bodyText")
    VALUES (new."id", new."headline", new."kicker", new."standfirst", new."bodyText");
END;
