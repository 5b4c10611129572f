-- Sections managed in the newsroom (docs/newsroom.md): retiring, and the old slugs a rename leaves.
-- AlterTable
ALTER TABLE "Section" ADD COLUMN "retiredAt" DATETIME;

-- CreateTable
CREATE TABLE "SectionSlug" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "sectionId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SectionSlug_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SectionSlug_sectionId_idx" ON "SectionSlug"("sectionId");
