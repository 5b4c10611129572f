import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { breakingAction, correctionAction, deleteAction, publishAction, saveArticleAction, scheduleAction, unpublishAction } from '@/app/admin/actions/articles';
import { addRelatedArticleAction, addRelatedUrlAction, moveRelatedLinkAction, removeRelatedLinkAction } from '@/app/admin/actions/related';
import { ArticleForm } from '@/components/admin/ArticleForm';
import { maxBylineContributors } from '@/lib/contributors/byline-input';
import { BreakingPanel } from '@/components/admin/BreakingPanel';
import { CorrectionsPanel } from '@/components/admin/CorrectionsPanel';
import { DeletePanel } from '@/components/admin/DeletePanel';
import { Notice } from '@/components/admin/Notice';
import { PublishPanel } from '@/components/admin/PublishPanel';
import { RelatedLinksEditor } from '@/components/admin/RelatedLinksEditor';
import { articleEditParams, findArticlesToRelate, getArticleForEdit, sectionOptions } from '@/lib/articles/admin-queries';
import { toArticleFormValues } from '@/lib/articles/form-values';
import { mediaOptions } from '@/lib/media/library';
import { toLocalDateTimeInput } from '@/lib/articles/schema';
import { requirePageUser } from '@/lib/auth/current';
import { can, canEditArticle } from '@/lib/auth/roles';
import { config } from '@/lib/config';
import { validRecordId } from '@/lib/articles/params';
import { parseSearchParams, type SearchParams } from '@/lib/forms/search-params';
import { ViewsChart } from '@/components/admin/audience/ViewsChart';
import { articleViewsByHour } from '@/lib/audience/queries';

export const metadata: Metadata = { title: 'Edit article' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function EditArticlePage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const id = validRecordId((await params).id);
  if (!id) notFound();
  const query = parseSearchParams(articleEditParams, await searchParams);
  const { relatedQuery } = query;
  const [article, sections, media, results, views] = await Promise.all([
    getArticleForEdit(id, user),
    sectionOptions(),
    mediaOptions(),
    findArticlesToRelate(relatedQuery, id, user),
    articleViewsByHour(id),
  ]);
  // Not there, or not this viewer's to read: the same 404 (docs/decisions/0010).
  if (!article) notFound();
  const editable = canEditArticle(user, article);
  const zone = config.SITE_TIMEZONE;
  const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
  return (
    <>
      <div className="mb-4 flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="font-serif text-3xl font-bold">Edit article</h1>
        <Link href={`/admin/articles/${id}/preview`} className="text-blue-800 underline">Preview</Link>
        <Link href={`/admin/articles/${id}/revisions`} className="text-blue-800 underline">Revisions</Link>
        <span className="text-sm text-gray-700">By {article.author ?? 'nobody'}</span>
      </div>
      <Notice notice={query.notice} error={query.error} />
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="space-y-6">
          {editable ? (
            <ArticleForm
              action={saveArticleAction}
              articleId={id}
              version={article.version}
              initial={toArticleFormValues(article.values)}
              byline={article.byline}
              maxByline={maxBylineContributors}
              sections={sections}
              media={media}
              siteLanguage={config.SITE_LANGUAGE}
              slugHint={article.status === 'published' ? `Lives at ${article.path}. A new slug keeps the old address working (301).` : 'Leave empty to make one from the headline.'}
            />
          ) : (
            <p className="rounded border border-gray-400 bg-gray-50 p-3">
              Only editors can change this article now that it is {article.status}. <Link className="text-blue-800 underline" href={`/admin/articles/${id}/preview`}>Read it in the preview.</Link>
            </p>
          )}
          {editable ? (
            <RelatedLinksEditor
              articleId={id}
              links={article.related}
              query={relatedQuery}
              results={results}
              pictures={media}
              actions={{ addArticle: addRelatedArticleAction, addUrl: addRelatedUrlAction, move: moveRelatedLinkAction, remove: removeRelatedLinkAction }}
            />
          ) : null}
          {article.status === 'published' || views.some((point) => point.views) ? (
            <section aria-labelledby="views-heading">
              <h2 id="views-heading" className="mb-2 font-serif text-xl font-bold">Views, last 7 days</h2>
              <ViewsChart id="article-views" title="Views per hour of this article, last 7 days" points={views} timeZone={zone} />
            </section>
          ) : null}
        </div>
        <aside className="space-y-4" aria-label="Publishing and notes">
          <PublishPanel
            articleId={id}
            version={article.version}
            status={article.status}
            publishedAt={article.publishedAt}
            modifiedAt={article.modifiedAt}
            path={article.path}
            canPublish={can(user.role, 'article.publish')}
            timeZone={zone}
            scheduleDefault={toLocalDateTimeInput(article.status === 'scheduled' ? article.publishedAt : inAnHour, zone)}
            actions={{ publish: publishAction, schedule: scheduleAction, unpublish: unpublishAction }}
          />
          {article.status === 'published' && can(user.role, 'article.breaking') ? (
            <BreakingPanel articleId={id} until={article.breakingUntil} timeZone={zone} defaultUntil={toLocalDateTimeInput(article.breakingUntil ?? inAnHour, zone)} action={breakingAction} />
          ) : null}
          {article.status === 'published' || article.corrections.length ? (
            <CorrectionsPanel articleId={id} corrections={article.corrections} canCorrect={article.status === 'published' && can(user.role, 'article.correct')} timeZone={zone} action={correctionAction} />
          ) : null}
          {can(user.role, 'article.delete') ? <DeletePanel articleId={id} action={deleteAction} /> : null}
        </aside>
      </div>
    </>
  );
}
