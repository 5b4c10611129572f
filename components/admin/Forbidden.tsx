/** What a signed-in user sees on a page their role does not open. */
export function Forbidden({ what }: { what: string }) {
  return (
    <>
      <h1 className="mb-2 font-serif text-3xl font-bold">Not for your role</h1>
      <p>{what}</p>
    </>
  );
}
