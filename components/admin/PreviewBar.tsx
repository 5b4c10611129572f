import type { ReactNode } from 'react';

/** The strip above a preview that says it is one: readers never see this page. */
export function PreviewBar({ children }: { children: ReactNode }) {
  return (
    <div role="note" aria-label="Preview" className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-black">
      Preview: this is how readers will see the article. It is not public until it is published. {children}
    </div>
  );
}
