-- Sections managed in the newsroom (docs/newsroom.md): retiring, and the old slugs a rename leaves.
-- AlterTable
ALTER TABLE "Section" ADD COLUMN "retiredAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "SectionSlug" (
    "slug" TEXT NOT NULL,
    "sectionId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SectionSlug_pkey" PRIMARY KEY ("slug")
);

-- CreateIndex
CREATE INDEX "SectionSlug_sectionId_idx" ON "SectionSlug"("sectionId");

-- AddForeignKey
ALTER TABLE "SectionSlug" ADD CONSTRAINT "SectionSlug_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;
