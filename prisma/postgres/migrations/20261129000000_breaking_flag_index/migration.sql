-- The breaking flag gets an index of its own (lib/articles/breaking-plan.test.ts). The due work asks
-- for ended flags (breakingUntil <= now) and the next to end (breakingUntil > now, the earliest),
-- neither naming a status, so the index led by status was read whole: 50-165 ms at 1,000,000 articles
-- every 5 s under traffic, with SQLite holding the event loop. The banner's look-up uses it too.
DROP INDEX "Article_status_breakingUntil_idx";
CREATE INDEX "Article_breakingUntil_idx" ON "Article"("breakingUntil");
