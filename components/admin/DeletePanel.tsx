export function DeletePanel({ articleId, action }: { articleId: number; action: (form: FormData) => Promise<void> }) {
  return (
    <section aria-labelledby="delete-heading" className="rounded border border-red-300 p-4">
      <h2 id="delete-heading" className="mb-2 font-serif text-xl font-bold">Delete</h2>
      <form action={action} className="space-y-2 text-sm">
        <input type="hidden" name="articleId" value={articleId} />
        <p>Deleting takes the article off the site. It can be restored (as a draft) from “Deleted”.</p>
        <div className="flex items-center gap-2">
          <input id="delete-confirm" name="confirm" type="checkbox" value="yes" required />
          <label htmlFor="delete-confirm">Yes, delete this article</label>
        </div>
        <button type="submit" className="rounded bg-red-800 px-4 py-1.5 font-semibold text-white">Delete article</button>
      </form>
    </section>
  );
}
