// JSON-LD for crawlers, typed with schema-dts. Each builder returns top-level objects (an array, not an
// @graph: validators such as structured-data-testing-tool and many scrapers only read top-level
// @type). components/seo/JsonLd.tsx embeds them safely.
import type {
  BreadcrumbList,
  ImageObject,
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person,
  ProfilePage,
  SearchAction,
  Thing,
  VideoObject,
  WebSite,
  WithContext,
} from 'schema-dts';
import { config } from '@/lib/config';
import type { ArticleView, MediaView } from '@/lib/articles/types';
import type { BylineEntry, ContributorProfile } from '@/lib/contributors/types';
import type { BodyReferences } from '@/lib/articles/body/references';
import { absoluteUrl, articlePath, sectionPath } from '@/lib/articles/urls';
import { articleImageSet, shareImage, stillOf } from '@/lib/seo/images';
import { articleDescription } from '@/lib/seo/metadata';
import { publisherLogo } from '@/lib/seo/site';
import { headlineMaxLength, truncateText } from '@/lib/seo/text';

export type JsonLdThing = WithContext<Thing>;
export type Crumb = { name: string; path: string };

const context = 'https://schema.org' as const;
const organizationId = (): string => absoluteUrl('/#organization');
const websiteId = (): string => absoluteUrl('/#website');

function logo(): ImageObject {
  return { '@type': 'ImageObject', url: absoluteUrl(publisherLogo.path), width: `${publisherLogo.width}`, height: `${publisherLogo.height}` };
}

/** The publisher as Google's article documentation asks: a NewsMediaOrganization with a logo. */
export function publisherJsonLd(): Exclude<NewsMediaOrganization, string> {
  return { '@type': 'NewsMediaOrganization', '@id': organizationId(), name: config.SITE_NAME, url: absoluteUrl('/'), logo: logo() };
}

/** Seconds → ISO 8601 duration (PT1H2M3S), as schema.org's Duration wants. */
export function isoDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = whole % 60;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${rest || (!hours && !minutes) ? `${rest}S` : ''}`;
}

/** A contributor as schema.org's Person: name, author page, job title, photo and profiles (sameAs). */
export function personJsonLd(entry: BylineEntry): Exclude<Person, string> {
  const photo = entry.photo ? stillOf(entry.photo) : null;
  return {
    '@type': 'Person',
    '@id': `${absoluteUrl(entry.path)}#person`,
    name: entry.name,
    url: absoluteUrl(entry.path),
    ...(entry.jobTitle ? { jobTitle: entry.jobTitle } : {}),
    ...(photo ? { image: photo.url } : {}),
    ...(entry.sameAs.length ? { sameAs: entry.sameAs } : {}),
  };
}

function authors(article: ArticleView): (Person | Organization)[] {
  // The byline's contributors in its order; without any (agency copy, the newsroom's own) the newsroom itself.
  return article.byline.length
    ? article.byline.map(personJsonLd)
    : [{ '@type': 'NewsMediaOrganization', name: config.SITE_NAME, url: absoluteUrl('/') }];
}

/** ProfilePage for an author page: its main entity is the contributor as a Person. */
export function profilePageJsonLd(contributor: ContributorProfile): WithContext<ProfilePage> {
  const url = absoluteUrl(contributor.path);
  return {
    '@context': context,
    '@type': 'ProfilePage',
    '@id': url,
    url,
    name: contributor.name,
    dateModified: contributor.updatedAt,
    mainEntity: { ...personJsonLd(contributor), ...(contributor.bio ? { description: contributor.bio } : {}) },
    isPartOf: { '@id': websiteId() },
  };
}

function videoJsonLd(article: ArticleView, url: string): WithContext<VideoObject> | null {
  const media = article.media;
  if (article.contentType !== 'video' || media?.kind !== 'video') return null;
  const thumbnail = stillOf(media) ?? shareImage(null, article.headline);
  return {
    '@context': context,
    '@type': 'VideoObject',
    '@id': `${url}#video`,
    name: truncateText(article.headline, 100),
    description: articleDescription(article),
    thumbnailUrl: thumbnail.url,
    uploadDate: article.publishedAt,
    contentUrl: absoluteUrl(media.url),
    encodingFormat: media.mimeType,
    ...(media.durationSeconds ? { duration: isoDuration(media.durationSeconds) } : {}),
    ...(media.width && media.height ? { width: `${media.width}`, height: `${media.height}` } : {}),
    publisher: { '@id': organizationId() },
  };
}

/** The pictures of the body's picture blocks that loaded, in body order, each once. */
function bodyPictures(article: ArticleView, references: BodyReferences): MediaView[] {
  const seen = new Set<number>([article.media?.id ?? 0]);
  const pictures: MediaView[] = [];
  for (const block of article.body.blocks) {
    const media = block.type === 'picture' ? references.media[block.mediaId] : undefined;
    if (media?.kind === 'image' && !seen.has(media.id)) {
      seen.add(media.id);
      pictures.push(media);
    }
  }
  return pictures;
}

/** NewsArticle (+ VideoObject for video articles) for an article page: the lead media's pictures in
 * three ratios, then the body's pictures; the word count of the body. */
export function articleJsonLd(article: ArticleView, references: BodyReferences = { media: {}, articles: {} }): JsonLdThing[] {
  const url = absoluteUrl(articlePath(article));
  const video = videoJsonLd(article, url);
  // Without lead media the first body picture leads (in its crops), rather than the site's images.
  const pictures = bodyPictures(article, references);
  const lead = article.media ?? pictures[0] ?? null;
  const rest = (article.media ? pictures : pictures.slice(1)).flatMap((media) => {
    const still = stillOf(media);
    return still ? [still] : [];
  });
  const images = [...articleImageSet(lead, article.headline), ...rest].map(
    (image): ImageObject => ({ '@type': 'ImageObject', url: image.url, width: `${image.width}`, height: `${image.height}` }),
  );
  const news: WithContext<NewsArticle> = {
    '@context': context,
    '@type': 'NewsArticle',
    '@id': `${url}#article`,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    headline: truncateText(article.headline, headlineMaxLength),
    description: articleDescription(article),
    image: images,
    datePublished: article.publishedAt,
    dateModified: article.modifiedAt,
    author: authors(article),
    publisher: publisherJsonLd(),
    articleSection: article.section.name,
    keywords: article.tags.map((tag) => tag.name).join(', ') || undefined,
    inLanguage: article.language,
    wordCount: article.wordCount,
    isAccessibleForFree: true,
    ...(video ? { video: { '@id': `${url}#video` } } : {}),
  };
  return video ? [news, video] : [news];
}

/** BreadcrumbList: Home › Section › Article (the last crumb is the page itself). */
export function breadcrumbJsonLd(items: readonly Crumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': context,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: item.name,
      item: absoluteUrl(item.path),
    })),
  };
}

/** The crumbs of an article page, for breadcrumbJsonLd. */
export function articleCrumbs(article: ArticleView): Crumb[] {
  return [
    { name: config.SITE_NAME, path: '/' },
    { name: article.section.name, path: sectionPath(article.section.slug) },
    { name: truncateText(article.headline, headlineMaxLength), path: articlePath(article) },
  ];
}

// schema.org's SearchAction takes Google's `query-input`, which schema-dts does not model.
type SearchActionWithInput = SearchAction & { 'query-input': string };

/** Home: the WebSite with its search box, and the organisation behind it. */
export function homeJsonLd(): JsonLdThing[] {
  const search: SearchActionWithInput = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl('/search')}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  };
  const website: WithContext<WebSite> = {
    '@context': context,
    '@type': 'WebSite',
    '@id': websiteId(),
    url: absoluteUrl('/'),
    name: config.SITE_NAME,
    description: config.SITE_DESCRIPTION,
    inLanguage: config.SITE_LANGUAGE,
    publisher: { '@id': organizationId() },
    potentialAction: search,
  };
  const organization: WithContext<NewsMediaOrganization> = { '@context': context, ...publisherJsonLd() };
  return [website, organization];
}

/**
 * JSON for inside <script type="application/ld+json">: `<` is escaped so "</script>" (or "<!--") in a
 * headline cannot end the block, and U+2028/2029 so the text stays valid JavaScript. JSON.parse reads
 * the escapes back as the same characters.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
