import type { FieldDiff } from '@/lib/revisions/diff';
import { BlockDiff } from '@/components/admin/BlockDiff';
import { DiffParts } from '@/components/admin/DiffParts';

type Conflict = { version: number; savedBy: string | null; savedAt: string | null; rows: FieldDiff[]; keptTheirs: string[] };

/** Both versions side by side, field by field, with the words that differ marked. */
export function ConflictPanel({ conflict, message, articleId }: { conflict: Conflict; message: string; articleId: number }) {
  return (
    <section role="alert" aria-labelledby="conflict-heading" className="mb-6 rounded border-2 border-amber-600 bg-amber-50 p-4" data-testid="conflict">
      <h2 id="conflict-heading" className="font-serif text-xl font-bold">Edit conflict</h2>
      <p className="mt-1 text-sm">{message}</p>
      <p className="mt-1 text-sm">
        Version {conflict.version} was saved by {conflict.savedBy ?? 'someone'}
        {conflict.savedAt ? ` at ${new Date(conflict.savedAt).toISOString().replace('T', ' ').slice(0, 19)} UTC` : ''}.
      </p>
      {conflict.rows.length === 0 ? (
        <p className="mt-2 text-sm">Their version and yours have the same content.</p>
      ) : (
        <table className="mt-3 w-full table-fixed border-collapse text-left text-sm">
          <caption className="sr-only">Their saved version compared with what saving yours would save</caption>
          <thead>
            <tr className="border-b border-amber-700">
              <th scope="col" className="w-32 py-1 pr-2">Field</th>
              <th scope="col" className="py-1 pr-2">Their version (saved)</th>
              <th scope="col" className="py-1 pr-2">Yours (not saved yet)</th>
              <th scope="col" className="py-1">Changes from theirs to yours</th>
            </tr>
          </thead>
          <tbody>
            {conflict.rows.map((row) => (
              <tr key={row.field} className="border-b border-amber-200 align-top" data-testid={`conflict-${row.field}`}>
                <th scope="row" className="py-1 pr-2">{row.label}</th>
                <td className="whitespace-pre-wrap break-words py-1 pr-2" data-testid="theirs">{row.before}</td>
                <td className="whitespace-pre-wrap break-words py-1 pr-2" data-testid="yours">{row.after}</td>
                <td className="py-1">{row.blocks ? <BlockDiff changes={row.blocks} /> : <DiffParts parts={row.parts} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {conflict.keptTheirs.length ? (
        <p className="mt-3 text-sm" data-testid="conflict-kept">
          You did not change {conflict.keptTheirs.join(', ')}: saving yours keeps their {conflict.keptTheirs.length === 1 ? 'version of it' : 'versions of these'}.
        </p>
      ) : null}
      <p className="mt-3 text-sm">
        Your text is still in the form below. Use <strong>Save mine over theirs</strong> to keep yours (theirs stays in the{' '}
        <a className="text-blue-800 underline" href={`/admin/articles/${articleId}/revisions`}>revision history</a>), or{' '}
        <a className="text-blue-800 underline" href={`/admin/articles/${articleId}`}>load their version</a> (yours is then discarded).
      </p>
    </section>
  );
}
