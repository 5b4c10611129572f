-- Curated fronts (docs/newsroom.md): the home page's and each section's pinned slots.
-- CreateTable
CREATE TABLE "Front" (
    "id" SERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "sectionId" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Front_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrontSlot" (
    "id" SERIAL NOT NULL,
    "frontId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "articleId" INTEGER,
    "headline" TEXT NOT NULL DEFAULT '',
    "mediaId" INTEGER,

    CONSTRAINT "FrontSlot_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Front_key_key" ON "Front"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Front_sectionId_key" ON "Front"("sectionId");

-- CreateIndex
CREATE INDEX "FrontSlot_articleId_idx" ON "FrontSlot"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "FrontSlot_frontId_position_key" ON "FrontSlot"("frontId", "position");

-- AddForeignKey
ALTER TABLE "Front" ADD CONSTRAINT "Front_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrontSlot" ADD CONSTRAINT "FrontSlot_frontId_fkey" FOREIGN KEY ("frontId") REFERENCES "Front"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrontSlot" ADD CONSTRAINT "FrontSlot_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrontSlot" ADD CONSTRAINT "FrontSlot_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;
