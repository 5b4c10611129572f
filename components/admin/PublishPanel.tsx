import { AdminDate } from '@/components/admin/AdminDate';
import { SavedOnlyForm } from '@/components/admin/SavedOnlyForm';
import { StatusBadge } from '@/components/admin/StatusBadge';

type Action = (form: FormData) => Promise<void>;

type Props = {
  articleId: number;
  version: number;
  status: 'draft' | 'scheduled' | 'published' | 'unpublished';
  publishedAt: string | null;
  modifiedAt: string | null;
  path: string;
  canPublish: boolean;
  timeZone: string;
  scheduleDefault: string;
  actions: { publish: Action; schedule: Action; unpublish: Action };
};

/** Status and the publishing buttons; writers see the status and a note instead of buttons. */
export function PublishPanel({ articleId, version, status, publishedAt, modifiedAt, path, canPublish, timeZone, scheduleDefault, actions }: Props) {
  const hidden = (
    <>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <section aria-labelledby="publish-heading" className="rounded border border-gray-300 p-4">
      <h2 id="publish-heading" className="mb-2 font-serif text-xl font-bold">Publishing</h2>
      <p className="mb-1 text-sm">Status: <StatusBadge status={status} /> <span className="text-gray-700">(version {version})</span></p>
      {publishedAt ? <p className="text-sm">{status === 'scheduled' ? 'Goes live' : 'Published'}: <AdminDate iso={publishedAt} timeZone={timeZone} /></p> : null}
      {modifiedAt && status === 'published' ? <p className="text-sm">Modified: <AdminDate iso={modifiedAt} timeZone={timeZone} /></p> : null}
      {status === 'published' ? (
        <p className="mt-1 text-sm"><a href={path} className="text-blue-800 underline">View on the site</a></p>
      ) : null}
      {!canPublish ? (
        <p className="mt-3 text-sm text-gray-800">An editor publishes this article when it is ready.</p>
      ) : (
        <div className="mt-3 space-y-3">
          {status !== 'published' ? (
            <SavedOnlyForm action={actions.publish} id="publish-now">
              {hidden}
              <button type="submit" className="w-full rounded bg-green-800 px-4 py-2 font-semibold text-white">Publish now</button>
            </SavedOnlyForm>
          ) : null}
          {status !== 'published' ? (
            <SavedOnlyForm action={actions.schedule} className="space-y-1" id="schedule">
              {hidden}
              <label htmlFor="publishAt" className="block text-sm font-semibold">Publish at ({timeZone})</label>
              <input id="publishAt" name="publishAt" type="datetime-local" required defaultValue={scheduleDefault} className="block w-full rounded border border-gray-500 px-2 py-1" />
              <button type="submit" className="w-full rounded border border-gray-700 px-4 py-1.5 font-semibold">{status === 'scheduled' ? 'Reschedule' : 'Schedule'}</button>
            </SavedOnlyForm>
          ) : null}
          {status === 'published' || status === 'scheduled' ? (
            <form action={actions.unpublish}>
              {hidden}
              <button type="submit" className="w-full rounded border border-red-800 px-4 py-1.5 font-semibold text-red-900">
                {status === 'scheduled' ? 'Cancel the schedule' : 'Unpublish'}
              </button>
            </form>
          ) : null}
        </div>
      )}
    </section>
  );
}
