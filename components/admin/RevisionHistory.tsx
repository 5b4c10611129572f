import { AdminDate } from '@/components/admin/AdminDate';
import { BlockDiff } from '@/components/admin/BlockDiff';
import { DiffParts } from '@/components/admin/DiffParts';
import type { FieldDiff } from '@/lib/revisions/diff';
import type { RevisionRow } from '@/lib/revisions/queries';
import { AdminTable } from '@/components/admin/AdminTable';

type Props = {
  articleId: number;
  currentVersion: number;
  revisions: RevisionRow[];
  from: number | null;
  to: number | null;
  diff: FieldDiff[] | null;
  canRestore: boolean;
  timeZone: string;
  restore: (form: FormData) => Promise<void>;
};

/** The list of versions (who, when, what), a form to compare two, their difference, and restore buttons. */
export function RevisionHistory({ articleId, currentVersion, revisions, from, to, diff, canRestore, timeZone, restore }: Props) {
  const select = 'rounded border border-gray-500 px-2 py-1';
  return (
    <>
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Compare two versions">
        <div>
          <label htmlFor="from" className="block text-sm font-semibold">From version</label>
          <select id="from" name="from" defaultValue={from ?? ''} className={select}>
            {revisions.map((r) => <option key={r.id} value={r.version}>{r.version}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="to" className="block text-sm font-semibold">To version</label>
          <select id="to" name="to" defaultValue={to ?? ''} className={select}>
            {revisions.map((r) => <option key={r.id} value={r.version}>{r.version}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded bg-ink px-4 py-1.5 text-sm font-semibold text-white">Compare</button>
      </form>

      {diff ? (
        <section aria-labelledby="diff-heading" className="mb-6 rounded border border-gray-300 p-4" data-testid="revision-diff">
          <h2 id="diff-heading" className="mb-2 font-serif text-xl font-bold">Version {from} → version {to}</h2>
          {diff.length === 0 ? <p>No differences.</p> : (
            <dl className="space-y-3 text-sm">
              {diff.map((field) => (
                <div key={field.field}>
                  <dt className="font-semibold">{field.label}</dt>
                  <dd>{field.blocks ? <BlockDiff changes={field.blocks} /> : <DiffParts parts={field.parts} />}</dd>
                </div>
              ))}
            </dl>
          )}
        </section>
      ) : null}

      <AdminTable caption="Versions, newest first" columns={['Version', 'Saved', 'By', 'What', 'Restore']}>
          {revisions.map((revision) => (
            <tr key={revision.id} className="border-b border-gray-200" data-testid="revision-row">
              <td className="py-2 pr-3">{revision.version}{revision.version === currentVersion ? ' (current)' : ''}</td>
              <td className="py-2 pr-3"><AdminDate iso={revision.createdAt} timeZone={timeZone} /></td>
              <td className="py-2 pr-3">{revision.author ?? '—'}</td>
              <td className="py-2 pr-3">{revision.note}</td>
              <td className="py-2">
                {canRestore && revision.version !== currentVersion ? (
                  <form action={restore}>
                    <input type="hidden" name="articleId" value={articleId} />
                    <input type="hidden" name="revision" value={revision.version} />
                    <input type="hidden" name="version" value={currentVersion} />
                    <button type="submit" className="rounded border border-gray-700 px-2 py-0.5" aria-label={`Restore version ${revision.version}`}>Restore</button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
      </AdminTable>
    </>
  );
}
