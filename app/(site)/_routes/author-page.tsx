// An author page (/author/{slug}) and its older/newer pages: one behaviour for the three routes. The
// proxy's resolver answers unknown slugs with 404 and old ones with a 301 before this runs.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { PageDirection } from '@/lib/articles/queries';
import { validSlug } from '@/lib/articles/params';
import { newerPath, olderPath } from '@/lib/articles/urls';
import { getAuthorPage } from '@/lib/contributors/queries';
import type { AuthorPage } from '@/lib/contributors/types';
import { authorMetadata, notFoundMetadata } from '@/lib/seo/metadata';
import { profilePageJsonLd } from '@/lib/seo/jsonld';
import { ArticleListPage } from '@/components/front/ArticleListPage';
import { AuthorProfile } from '@/components/contributors/AuthorProfile';
import { JsonLd } from '@/components/seo/JsonLd';

type Params = Promise<{ slug: string; cursor?: string }>;

async function load(params: Params, direction: PageDirection): Promise<(AuthorPage & { path: string }) | null> {
  const { slug: raw, cursor } = await params;
  const slug = validSlug(raw);
  if (!slug) return null;
  const found = await getAuthorPage(slug, cursor ?? null, direction);
  // A later page with nothing on it is no page (a cursor past the end).
  if (!found || (cursor !== undefined && found.page.articles.length === 0)) return null;
  const base = found.contributor.path;
  return { ...found, path: cursor === undefined ? base : (direction === 'older' ? olderPath : newerPath)(base, cursor) };
}

export function authorPageRoute(direction: PageDirection) {
  return {
    async generateMetadata({ params }: { params: Params }): Promise<Metadata> {
      const found = await load(params, direction);
      return found ? authorMetadata(found.contributor, { path: found.path }) : notFoundMetadata();
    },
    async Page({ params }: { params: Params }) {
      const found = await load(params, direction);
      if (!found) notFound();
      const { contributor, page } = found;
      const isFirstPage = found.path === contributor.path;
      return (
        <>
          {isFirstPage ? <JsonLd data={profilePageJsonLd(contributor)} /> : null}
          <ArticleListPage
            title={contributor.name}
            description={contributor.jobTitle || undefined}
            basePath={contributor.path}
            page={page}
            isFirstPage={isFirstPage}
            top={isFirstPage ? <AuthorProfile contributor={contributor} /> : undefined}
          />
        </>
      );
    },
  };
}
