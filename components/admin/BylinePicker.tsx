'use client';
// The byline of the article form: its contributors in order. Names are found as they are typed (the
// newsroom's contributor search, /api/admin/contributors/find), added with a button, moved up or down
// and removed with buttons, so the order is set with the keyboard as well as the mouse. What the form
// posts is the hidden input `contributors`: their ids in order ("4,9"). Writers pick; only editors
// manage the profiles (/admin/contributors).
import { useEffect, useRef, useState } from 'react';

export type BylinePickEntry = { id: number; name: string; jobTitle: string };

// Controlled: the article form keeps the byline, so a refused save (which remounts the fields) keeps it.
type Props = { picked: BylinePickEntry[]; onChange: (next: BylinePickEntry[]) => void; error?: string; max: number };

const button = 'rounded border border-gray-500 px-2 py-1 text-xs disabled:opacity-40';

export function BylinePicker({ picked, onChange: setPicked, error, max }: Props) {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<BylinePickEntry[] | null>(null);
  const [status, setStatus] = useState('');
  const focusAfter = useRef<string | null>(null);

  useEffect(() => {
    const words = query.trim();
    if (!words) {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/admin/contributors/find?q=${encodeURIComponent(words)}`, { signal: controller.signal, credentials: 'same-origin' })
        .then((response) => (response.ok ? response.json() : { results: [] }))
        .then((body: { results?: BylinePickEntry[] }) => setResults(body.results ?? []))
        .catch(() => {});
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  useEffect(() => {
    if (!focusAfter.current) return;
    document.getElementById(focusAfter.current)?.focus();
    focusAfter.current = null;
  });

  function move(index: number, by: -1 | 1) {
    const next = [...picked];
    const [entry] = next.splice(index, 1);
    next.splice(index + by, 0, entry!);
    setPicked(next);
    // Focus stays on the button just used, on the row that moved (unless it reached an end).
    const edge = (by === -1 && index + by === 0) || (by === 1 && index + by === next.length - 1);
    focusAfter.current = `byline-${edge ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down'}-${entry!.id}`;
    setStatus(`${entry!.name} is now ${ordinal(index + by + 1)} in the byline.`);
  }

  function remove(index: number) {
    const entry = picked[index]!;
    setPicked(picked.filter((_, at) => at !== index));
    focusAfter.current = 'byline-search';
    setStatus(`${entry.name} removed from the byline.`);
  }

  function add(entry: BylinePickEntry) {
    if (picked.some((one) => one.id === entry.id) || picked.length >= max) return;
    setPicked([...picked, entry]);
    setQuery('');
    focusAfter.current = 'byline-search';
    setStatus(`${entry.name} added to the byline, ${ordinal(picked.length + 1)}.`);
  }

  return (
    <fieldset className="rounded border border-gray-300 p-3" aria-describedby={error ? 'contributors-error' : undefined} data-testid="byline-picker">
      <legend className="px-1 text-sm font-semibold">Byline</legend>
      <input type="hidden" name="contributors" value={picked.map((entry) => entry.id).join(',')} />
      {picked.length ? (
        <ol className="space-y-1" aria-label="Contributors in byline order">
          {picked.map((entry, index) => (
            <li key={entry.id} className="flex flex-wrap items-center gap-2 text-sm" data-testid="byline-entry">
              <span className="min-w-0 flex-1" dir="auto">
                {entry.name}
                {entry.jobTitle ? <span className="text-gray-700">, {entry.jobTitle}</span> : null}
              </span>
              <button type="button" id={`byline-up-${entry.id}`} className={button} disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move up: ${entry.name}`}>Up</button>
              <button type="button" id={`byline-down-${entry.id}`} className={button} disabled={index === picked.length - 1} onClick={() => move(index, 1)} aria-label={`Move down: ${entry.name}`}>Down</button>
              <button type="button" className={button} onClick={() => remove(index)} aria-label={`Remove: ${entry.name}`}>Remove</button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-sm text-gray-700">No byline: the article is credited to the newsroom (or to its source credit).</p>
      )}
      <label htmlFor="byline-search" className="mt-2 block text-sm">Add a contributor</label>
      <input
        id="byline-search"
        type="search"
        dir="auto"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={(event) => {
          // Enter picks the first match rather than submitting the article form.
          if (event.key === 'Enter') {
            event.preventDefault();
            const first = results?.find((entry) => !picked.some((one) => one.id === entry.id));
            if (first) add(first);
          }
        }}
        autoComplete="off"
        placeholder="Type a name"
        className="mt-1 block w-full rounded border border-gray-500 px-3 py-2"
        disabled={picked.length >= max}
      />
      {results ? (
        results.length ? (
          <ul className="mt-1 space-y-1" aria-label="Matching contributors">
            {results.map((entry) => (
              <li key={entry.id}>
                <button type="button" className={button} disabled={picked.some((one) => one.id === entry.id)} onClick={() => add(entry)} aria-label={`Add to byline: ${entry.name}`}>
                  {entry.name}
                  {entry.jobTitle ? `, ${entry.jobTitle}` : ''}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-sm">No contributor matches. Editors add profiles under Contributors.</p>
        )
      ) : null}
      {/* aria-live without role="status", as the body editor's: the form keeps its one status (the save notice). */}
      <p className="sr-only" aria-live="polite" data-testid="byline-picker-status">{status}</p>
      {error ? <p id="contributors-error" className="mt-1 text-sm font-semibold text-red-800">{error}</p> : null}
    </fieldset>
  );
}

function ordinal(n: number): string {
  return ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'][n - 1] ?? `number ${n}`;
}
