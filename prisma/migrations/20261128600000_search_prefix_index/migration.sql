-- Prefix indexes of 2 and 3 characters on the full-text index (docs/decisions/0027-search-at-a-million.md).
-- The last word of every search is a prefix (lib/search/sqlite.ts). Without a prefix index FTS5 reads
-- the doclist of every word that starts with it and merges them all in memory before the first row:
-- at 1,000,000 articles "co" or "the" took up to 0.8 s, with better-sqlite3 holding the event loop.
-- With prefix='2 3' the index also keeps one doclist per 2- and 3-letter prefix, read in rowid order
-- like a word's. FTS5 cannot add prefix indexes to a table in place: the table is made again with the
-- same columns, content and tokenizer, and rebuilt from "Article" (minutes at a million articles, once,
-- at start). Its triggers on "Article" name the table, not its definition, so they stay as they are.
DROP TABLE "ArticleSearch";

CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "headline", "kicker", "standfirst", "bodyText",
    content='Article', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
);

INSERT INTO "ArticleSearch"("ArticleSearch") VALUES ('rebuild');
