-- Contributors (docs/decisions/0021-contributors.md): a byline becomes an ordered list of contributor
-- profiles. SQL cannot split "By A and B" into people, so each article's free-text byline moves to
-- "ArticleBylineText": the converter that runs at start (lib/contributors/convert-bylines.ts, called
-- after the migrations) makes or reuses the contributors, writes the byline rows and deletes the
-- waiting row in one transaction. Once it has run the table is empty, and Article has no byline column.
-- (No semicolon may appear inside a comment or statement here: the driver adapter splits scripts on them.)
CREATE TABLE "Contributor" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Contributor_photoId_fkey" FOREIGN KEY ("photoId") REFERENCES "Media" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Contributor_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

CREATE TABLE "ContributorSlug" (
    "slug" TEXT NOT NULL PRIMARY KEY,
    "contributorId" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContributorSlug_contributorId_fkey" FOREIGN KEY ("contributorId") REFERENCES "Contributor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ArticleContributor" (
    "articleId" INTEGER NOT NULL,
    "contributorId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("articleId", "contributorId"),
    CONSTRAINT "ArticleContributor_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleContributor_contributorId_fkey" FOREIGN KEY ("contributorId") REFERENCES "Contributor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE TABLE "ArticleBylineText" (
    "articleId" INTEGER NOT NULL PRIMARY KEY,
    "byline" TEXT NOT NULL,
    CONSTRAINT "ArticleBylineText_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

CREATE UNIQUE INDEX "Contributor_slug_key" ON "Contributor"("slug");

CREATE UNIQUE INDEX "Contributor_userId_key" ON "Contributor"("userId");

CREATE INDEX "Contributor_name_idx" ON "Contributor"("name");

CREATE INDEX "ContributorSlug_contributorId_idx" ON "ContributorSlug"("contributorId");

CREATE INDEX "ArticleContributor_contributorId_articleId_idx" ON "ArticleContributor"("contributorId", "articleId");

INSERT INTO "ArticleBylineText" ("articleId", "byline") SELECT "id", "byline" FROM "Article" WHERE trim("byline") <> '';

ALTER TABLE "Article" DROP COLUMN "byline";
