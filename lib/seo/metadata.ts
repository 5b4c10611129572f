// Next Metadata for every public page: title, description, absolute canonical, Open Graph, Twitter,
// robots and feed autodiscovery. Pages call these from generateMetadata; the title template
// ("%s | SITE_NAME") lives in app/layout.tsx.
import type { Metadata } from 'next';
import { config } from '@/lib/config';
import type { ArticleView, TagRef } from '@/lib/articles/types';
import type { ContributorProfile } from '@/lib/contributors/types';
import { absoluteUrl, articlePath, searchPath, sectionPath, tagPath } from '@/lib/articles/urls';
import { feedMimeTypes, feedPath, type FeedScope } from '@/lib/feeds/urls';
import { shareImage } from '@/lib/seo/images';
import { openGraphLocale } from '@/lib/seo/site';
import { describe } from '@/lib/seo/text';

export type SectionMeta = { slug: string; name: string; description?: string };
/** A keyset page of a list (/{section}/older/{cursor}...): its own path is its canonical. */
export type ListPage = { path: string };

/** Indexable pages: large image previews and full snippets allowed. */
export const indexableRobots: NonNullable<Metadata['robots']> = {
  index: true,
  follow: true,
  'max-image-preview': 'large',
  'max-snippet': -1,
  'max-video-preview': -1,
  googleBot: { index: true, follow: true, 'max-image-preview': 'large', 'max-snippet': -1, 'max-video-preview': -1 },
};

/** Search results, previews, admin and error pages: kept out of the index, links still followed. */
export const noindexRobots: NonNullable<Metadata['robots']> = {
  index: false,
  follow: true,
  googleBot: { index: false, follow: true },
};

function feedAlternates(scope: FeedScope, title: string): NonNullable<Metadata['alternates']>['types'] {
  return {
    [feedMimeTypes.rss]: [{ url: absoluteUrl(feedPath(scope, 'rss')), title: `${title} (RSS)` }],
    [feedMimeTypes.atom]: [{ url: absoluteUrl(feedPath(scope, 'atom')), title: `${title} (Atom)` }],
  };
}

type ListMetaInput = { title: string; description: string; path: string; feed: FeedScope; feedTitle: string };

function listMetadata({ title, description, path, feed, feedTitle }: ListMetaInput): Metadata {
  const url = absoluteUrl(path);
  const image = shareImage(null, config.SITE_NAME);
  return {
    title,
    description,
    alternates: { canonical: url, types: feedAlternates(feed, feedTitle) },
    robots: indexableRobots,
    openGraph: {
      type: 'website',
      url,
      title,
      description,
      siteName: config.SITE_NAME,
      locale: openGraphLocale(),
      images: [image],
    },
    twitter: { card: 'summary_large_image', title, description, images: [{ url: image.url, alt: image.alt }] },
  };
}

export function homeMetadata(): Metadata {
  const meta = listMetadata({
    title: config.SITE_NAME,
    description: describe(config.SITE_DESCRIPTION),
    path: '/',
    feed: { kind: 'site' },
    feedTitle: config.SITE_NAME,
  });
  // The home page's title is the site's name alone, not "Lede | Lede".
  return { ...meta, title: { absolute: config.SITE_NAME } };
}

export function sectionMetadata(section: SectionMeta, page?: ListPage): Metadata {
  const older = page && page.path !== sectionPath(section.slug);
  return listMetadata({
    title: older ? `${section.name}: more stories` : section.name,
    description: describe(section.description || `The latest ${section.name} news from ${config.SITE_NAME}.`),
    path: page?.path ?? sectionPath(section.slug),
    feed: { kind: 'section', slug: section.slug },
    feedTitle: `${config.SITE_NAME}: ${section.name}`,
  });
}

export function tagMetadata(tag: TagRef, page?: ListPage): Metadata {
  const older = page && page.path !== tagPath(tag.slug);
  return listMetadata({
    title: older ? `${tag.name}: more stories` : tag.name,
    description: describe(`News about ${tag.name} from ${config.SITE_NAME}.`),
    path: page?.path ?? tagPath(tag.slug),
    feed: { kind: 'tag', slug: tag.slug },
    feedTitle: `${config.SITE_NAME}: ${tag.name}`,
  });
}

/** An author page (/author/{slug}) and its older/newer pages: a profile, with the author's feeds. */
export function authorMetadata(contributor: ContributorProfile, page?: ListPage): Metadata {
  const older = page && page.path !== contributor.path;
  const meta = listMetadata({
    title: older ? `${contributor.name}: more stories` : contributor.name,
    description: describe(contributor.bio || `${contributor.name}${contributor.jobTitle ? `, ${contributor.jobTitle}` : ''}: stories on ${config.SITE_NAME}.`),
    path: page?.path ?? contributor.path,
    feed: { kind: 'author', slug: contributor.slug },
    feedTitle: `${config.SITE_NAME}: ${contributor.name}`,
  });
  return { ...meta, openGraph: { ...meta.openGraph, type: 'profile' } };
}

/** Search results are thin, endless and user-driven: noindex, and the canonical is the bare search page. */
export function searchMetadata(query: string): Metadata {
  const trimmed = query.trim();
  return {
    title: trimmed ? `Search: ${trimmed}` : 'Search',
    description: `Search ${config.SITE_NAME}.`,
    alternates: { canonical: absoluteUrl(trimmed ? searchPath(trimmed) : '/search'), types: feedAlternates({ kind: 'site' }, config.SITE_NAME) },
    robots: noindexRobots,
  };
}

export function notFoundMetadata(): Metadata {
  return { title: 'Page not found', description: `This page is not on ${config.SITE_NAME}.`, robots: noindexRobots };
}

/** Admin screens and previews: never indexed (next.config.js also sends X-Robots-Tag for /admin). */
export function privateMetadata(title: string): Metadata {
  return { title, robots: { index: false, follow: false, googleBot: { index: false, follow: false } } };
}

/** The headline alone: the kicker ("VIDEO") is a label the page shows apart, not part of the title. */
export function articleTitle(article: Pick<ArticleView, 'kicker' | 'headline'>): string {
  return article.headline;
}

export function articleDescription(article: Pick<ArticleView, 'standfirst' | 'bodyText' | 'headline'>): string {
  return describe(article.standfirst || article.bodyText || article.headline);
}

export function articleMetadata(article: ArticleView): Metadata {
  const url = absoluteUrl(articlePath(article));
  const title = articleTitle(article);
  const description = articleDescription(article);
  const image = shareImage(article.media, article.headline);
  const video = article.contentType === 'video' && article.media?.kind === 'video' ? article.media : null;
  return {
    title,
    description,
    authors: article.byline.length ? article.byline.map((entry) => ({ name: entry.name, url: absoluteUrl(entry.path) })) : undefined,
    keywords: article.tags.map((tag) => tag.name),
    alternates: {
      canonical: url,
      types: feedAlternates({ kind: 'section', slug: article.section.slug }, `${config.SITE_NAME}: ${article.section.name}`),
    },
    robots: indexableRobots,
    openGraph: {
      type: 'article',
      url,
      title,
      description,
      siteName: config.SITE_NAME,
      locale: openGraphLocale(),
      publishedTime: article.publishedAt,
      modifiedTime: article.modifiedAt,
      section: article.section.name,
      tags: article.tags.map((tag) => tag.name),
      authors: article.byline.length ? article.byline.map((entry) => absoluteUrl(entry.path)) : undefined,
      images: [image],
      videos: video
        ? [{ url: absoluteUrl(video.url), type: video.mimeType, width: video.width ?? undefined, height: video.height ?? undefined }]
        : undefined,
    },
    twitter: { card: 'summary_large_image', title, description, images: [{ url: image.url, alt: image.alt }] },
  };
}
