-- Audience (docs/decisions/0022-audience-counts.md): views per article per UTC hour, and the most-read list.
-- CreateTable
CREATE TABLE "ArticleViewHour" (
    "articleId" INTEGER NOT NULL,
    "hour" INTEGER NOT NULL,
    "views" INTEGER NOT NULL,

    CONSTRAINT "ArticleViewHour_pkey" PRIMARY KEY ("articleId","hour")
);

-- CreateTable
CREATE TABLE "MostReadEntry" (
    "rank" INTEGER NOT NULL,
    "articleId" INTEGER NOT NULL,
    "views" INTEGER NOT NULL,

    CONSTRAINT "MostReadEntry_pkey" PRIMARY KEY ("rank")
);

-- CreateIndex
CREATE INDEX "ArticleViewHour_hour_idx" ON "ArticleViewHour"("hour");

-- CreateIndex
CREATE UNIQUE INDEX "MostReadEntry_articleId_key" ON "MostReadEntry"("articleId");

-- AddForeignKey
ALTER TABLE "ArticleViewHour" ADD CONSTRAINT "ArticleViewHour_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MostReadEntry" ADD CONSTRAINT "MostReadEntry_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;
