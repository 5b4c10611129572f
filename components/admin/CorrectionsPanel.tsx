import { AdminDate } from '@/components/admin/AdminDate';

type Props = {
  articleId: number;
  corrections: { id: number; note: string; createdAt: string }[];
  canCorrect: boolean;
  timeZone: string;
  action: (form: FormData) => Promise<void>;
};

export function CorrectionsPanel({ articleId, corrections, canCorrect, timeZone, action }: Props) {
  return (
    <section aria-labelledby="corrections-heading" className="rounded border border-gray-300 p-4">
      <h2 id="corrections-heading" className="mb-2 font-serif text-xl font-bold">Corrections</h2>
      {corrections.length ? (
        <ul className="mb-3 space-y-2 text-sm">
          {corrections.map((correction) => (
            <li key={correction.id}><AdminDate iso={correction.createdAt} timeZone={timeZone} />: {correction.note}</li>
          ))}
        </ul>
      ) : <p className="mb-3 text-sm text-gray-700">None.</p>}
      {canCorrect ? (
        <form action={action} className="space-y-1">
          <input type="hidden" name="articleId" value={articleId} />
          <label htmlFor="correction-note" className="block text-sm font-semibold">New correction (shown on the article, dated now)</label>
          <textarea id="correction-note" name="note" rows={3} required minLength={3} maxLength={2000} className="block w-full rounded border border-gray-500 px-2 py-1" />
          <button type="submit" className="rounded border border-gray-700 px-4 py-1.5 font-semibold">Add correction</button>
        </form>
      ) : null}
    </section>
  );
}
