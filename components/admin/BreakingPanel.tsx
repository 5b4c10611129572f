import { AdminDate } from '@/components/admin/AdminDate';

type Props = { articleId: number; until: string | null; timeZone: string; defaultUntil: string; action: (form: FormData) => Promise<void> };

/** Breaking news: a banner on every public page until the chosen time. */
export function BreakingPanel({ articleId, until, timeZone, defaultUntil, action }: Props) {
  return (
    <section aria-labelledby="breaking-heading" className="rounded border border-gray-300 p-4">
      <h2 id="breaking-heading" className="mb-2 font-serif text-xl font-bold">Breaking news</h2>
      {until ? <p className="mb-2 text-sm">Breaking until <AdminDate iso={until} timeZone={timeZone} />.</p> : <p className="mb-2 text-sm text-gray-700">Not breaking news.</p>}
      <form action={action} className="space-y-1">
        <input type="hidden" name="articleId" value={articleId} />
        <label htmlFor="breaking-until" className="block text-sm font-semibold">Breaking until ({timeZone})</label>
        <input id="breaking-until" name="until" type="datetime-local" defaultValue={defaultUntil} className="block w-full rounded border border-gray-500 px-2 py-1" />
        <div className="flex gap-2">
          <button type="submit" name="intent" value="set" className="rounded bg-accent px-4 py-1.5 font-semibold text-white">{until ? 'Change' : 'Flag as breaking'}</button>
          {until ? <button type="submit" name="intent" value="end" className="rounded border border-gray-700 px-4 py-1.5 font-semibold">End now</button> : null}
        </div>
      </form>
    </section>
  );
}
