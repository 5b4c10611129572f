-- Curated fronts (docs/newsroom.md): the home page's and each section's pinned slots.
-- CreateTable
CREATE TABLE "Front" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "sectionId" INTEGER,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Front_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FrontSlot" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "frontId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "articleId" INTEGER,
    "headline" TEXT NOT NULL DEFAULT '',
    "mediaId" INTEGER,
    CONSTRAINT "FrontSlot_frontId_fkey" FOREIGN KEY ("frontId") REFERENCES "Front" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "FrontSlot_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FrontSlot_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "Front_key_key" ON "Front"("key");

-- CreateIndex
CREATE UNIQUE INDEX "Front_sectionId_key" ON "Front"("sectionId");

-- CreateIndex
CREATE INDEX "FrontSlot_articleId_idx" ON "FrontSlot"("articleId");

-- CreateIndex
CREATE UNIQUE INDEX "FrontSlot_frontId_position_key" ON "FrontSlot"("frontId", "position");
