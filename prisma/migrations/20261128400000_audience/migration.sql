-- Audience (docs/decisions/0022-audience-counts.md): views per article per UTC hour, and the most-read list.
-- CreateTable
CREATE TABLE "ArticleViewHour" (
    "articleId" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "views" INTEGER NOT NULL,

    PRIMARY KEY ("articleId", "hour"),
    CONSTRAINT "ArticleViewHour_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MostReadEntry" (
    "rank" INTEGER NOT NULL PRIMARY KEY,
    "articleId" INTEGER NOT NULL,
    "views" INTEGER NOT NULL,
    CONSTRAINT "MostReadEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ArticleViewHour_hour_idx" ON "ArticleViewHour"("hour");

-- CreateIndex
CREATE UNIQUE INDEX "MostReadEntry_articleId_key" ON "MostReadEntry"("articleId");
