-- Contributors (docs/decisions/0021-contributors.md): a byline becomes an ordered list of contributor
-- profiles. SQL cannot split "By A and B" into people, so each article's free-text byline moves to
-- "ArticleBylineText": the converter that runs at start (lib/contributors/convert-bylines.ts, called
-- after the migrations) makes or reuses the contributors, writes the byline rows and deletes the
-- waiting row in one transaction. Once it has run the table is empty, and Article has no byline column.
-- (No semicolon may appear inside a comment or statement here: the driver adapter splits scripts on them.)
CREATE TABLE "Contributor" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "jobTitle" TEXT NOT NULL DEFAULT '',
    "bio" TEXT NOT NULL DEFAULT '',
    "photoId" INTEGER,
    "website" TEXT NOT NULL DEFAULT '',
    "x" TEXT NOT NULL DEFAULT '',
    "mastodon" TEXT NOT NULL DEFAULT '',
    "bluesky" TEXT NOT NULL DEFAULT '',
    "userId" INTEGER,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contributor_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ContributorSlug" (
    "slug" TEXT NOT NULL,
    "contributorId" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ContributorSlug_pkey" PRIMARY KEY ("slug")
);

CREATE TABLE "ArticleContributor" (
    "articleId" INTEGER NOT NULL,
    "contributorId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ArticleContributor_pkey" PRIMARY KEY ("articleId","contributorId")
);

CREATE TABLE "ArticleBylineText" (
    "articleId" INTEGER NOT NULL,
    "byline" TEXT NOT NULL,

    CONSTRAINT "ArticleBylineText_pkey" PRIMARY KEY ("articleId")
);

CREATE UNIQUE INDEX "Contributor_slug_key" ON "Contributor"("slug");

CREATE UNIQUE INDEX "Contributor_userId_key" ON "Contributor"("userId");

CREATE INDEX "Contributor_name_idx" ON "Contributor"("name");

CREATE INDEX "ContributorSlug_contributorId_idx" ON "ContributorSlug"("contributorId");

CREATE INDEX "ArticleContributor_contributorId_articleId_idx" ON "ArticleContributor"("contributorId", "articleId");

ALTER TABLE "Contributor" ADD CONSTRAINT "Contributor_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Media"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "Contributor" ADD CONSTRAINT "Contributor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "ContributorSlug" ADD CONSTRAINT "ContributorSlug_contributorId_fkey" FOREIGN KEY ("contributorId") REFERENCES "Contributor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ArticleContributor" ADD CONSTRAINT "ArticleContributor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ArticleContributor" ADD CONSTRAINT "ArticleContributor_contributorId_fkey" FOREIGN KEY ("contributorId") REFERENCES "Contributor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ArticleBylineText" ADD CONSTRAINT "ArticleBylineText_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

INSERT INTO "ArticleBylineText" ("articleId", "byline") SELECT "id", "byline" FROM "Article" WHERE btrim("byline") <> '';

ALTER TABLE "Article" DROP COLUMN "byline";
