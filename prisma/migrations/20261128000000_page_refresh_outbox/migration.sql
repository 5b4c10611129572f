-- The outbox of page refreshes (docs/decisions/0011-cache-coherence.md).
-- CreateTable
CREATE TABLE "PageRefresh" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "tags" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "PageRefresh_createdAt_idx" ON "PageRefresh"("createdAt");


