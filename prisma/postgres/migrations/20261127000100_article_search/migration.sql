-- (No semicolon may appear inside a comment or statement here: the driver adapter splits scripts on them.)
-- Full-text search over articles (PostgreSQL), written by hand: the twin of the SQLite FTS5 migration.
-- A stored generated tsvector column holds headline (weight A), standfirst (B), kicker (C) and the
-- plain text of the body (D), and a GIN index serves the @@ matches. ts_rank weighs A, B, C, D as
-- 1.0, 0.4, 0.2, 0.1 by default: the proportions of the bm25 column weights of lib/search/sqlite.ts
-- (10, 4, 2, 1). lib/search/postgres.ts ranks with ts_rank and highlights with ts_headline.
-- The "lede_search" configuration mirrors the FTS5 tokenizer (unicode61 remove_diacritics 2): words lower-cased,
-- accents folded (unaccent), no stemming, no stop words, so both databases find the same articles.
-- The text is plain (never HTML), but the parser would take "<word>" for a tag and skip it: every "<"
-- is read as a space so that, as in FTS5, the word inside counts.
-- unaccent is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS "unaccent";

CREATE TEXT SEARCH CONFIGURATION "lede_search" (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION "lede_search"
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH "unaccent", simple;

ALTER TABLE "Article" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('lede_search'::regconfig, replace("headline", '<', ' ')), 'A') ||
    setweight(to_tsvector('lede_search'::regconfig, replace("standfirst", '<', ' ')), 'B') ||
    setweight(to_tsvector('lede_search'::regconfig, replace("kicker", '<', ' ')), 'C') ||
    setweight(to_tsvector('lede_search'::regconfig, replace("bodyText", '<', ' ')), 'D')
) STORED;

CREATE INDEX "Article_searchVector_idx" ON "Article" USING GIN ("searchVector");
