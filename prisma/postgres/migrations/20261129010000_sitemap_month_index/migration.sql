-- The public-articles index gets modifiedAt as its last column (lib/sitemaps/queries.ts,
-- sitemapMonths): the sitemap index counts each month's articles and takes their latest change, and
-- without modifiedAt in the index every row of the month was read from the table, 0.9-2.4 s a month
-- at 1,000,000 articles on SQLite with the event loop held, after every publish. The order of
-- (status, publishedAt, id) is unchanged, so every keyset read keeps its plan.
DROP INDEX "Article_status_publishedAt_id_idx";
CREATE INDEX "Article_status_publishedAt_id_modifiedAt_idx" ON "Article"("status", "publishedAt", "id", "modifiedAt");
-- PostgreSQL weighs index paths of equal cost in the order of the indexes' creation: made again after
-- the new one, the section index stays the one a section's pages seek with where the two tie (small
-- tables; lib/articles/queries.test.ts).
DROP INDEX "Article_sectionId_status_publishedAt_id_idx";
CREATE INDEX "Article_sectionId_status_publishedAt_id_idx" ON "Article"("sectionId", "status", "publishedAt", "id");
