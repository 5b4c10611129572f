-- The outbox of page refreshes (docs/decisions/0011-cache-coherence.md).
-- CreateTable
CREATE TABLE "PageRefresh" (
    "id" SERIAL NOT NULL,
    "tags" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PageRefresh_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PageRefresh_createdAt_idx" ON "PageRefresh"("createdAt");


