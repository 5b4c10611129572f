import { contributorNames } from '@/lib/contributors/queries';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { restoreRevisionAction } from '@/app/admin/actions/revisions';
import { Notice } from '@/components/admin/Notice';
import { RevisionHistory } from '@/components/admin/RevisionHistory';
import { getArticleForEdit, sectionOptions } from '@/lib/articles/admin-queries';
import { requirePageUser } from '@/lib/auth/current';
import { canEditArticle } from '@/lib/auth/roles';
import { config } from '@/lib/config';
import { diffSnapshots } from '@/lib/revisions/diff';
import { getRevision, listRevisions, revisionCompareParams } from '@/lib/revisions/queries';
import { validRecordId } from '@/lib/articles/params';
import { parseSearchParams, type SearchParams } from '@/lib/forms/search-params';

export const metadata: Metadata = { title: 'Revisions' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function RevisionsPage({ params, searchParams }: Props) {
  const user = await requirePageUser();
  const id = validRecordId((await params).id);
  if (!id) notFound();
  const query = parseSearchParams(revisionCompareParams, await searchParams);
  const [article, revisions] = await Promise.all([getArticleForEdit(id, user), listRevisions(id, user)]);
  if (!article) notFound();
  // By default: what the last save changed.
  const to = query.to ?? revisions[0]?.version ?? null;
  const from = query.from ?? revisions[1]?.version ?? to;
  let diff = null;
  if (from !== null && to !== null) {
    const [a, b, sections] = await Promise.all([getRevision(id, from, user), getRevision(id, to, user), sectionOptions()]);
    const names = new Map(sections.map((s) => [s.id, s.label]));
    if (a && b) diff = diffSnapshots(a.snapshot, b.snapshot, { section: (sectionId) => names.get(sectionId) ?? `#${sectionId}`, contributor: await contributorNames([...a.snapshot.contributors, ...b.snapshot.contributors]) });
  }
  return (
    <>
      <h1 className="mb-1 font-serif text-3xl font-bold">Revisions</h1>
      <p className="mb-4"><Link href={`/admin/articles/${id}`} className="text-blue-800 underline">{article.values.headline}</Link></p>
      <Notice notice={query.notice} error={query.error} />
      <RevisionHistory
        articleId={id}
        currentVersion={article.version}
        revisions={revisions}
        from={from}
        to={to}
        diff={diff}
        canRestore={canEditArticle(user, article)}
        timeZone={config.SITE_TIMEZONE}
        restore={restoreRevisionAction}
      />
    </>
  );
}
