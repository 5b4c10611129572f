import type { ReactNode } from 'react';

/** The strip above a front's preview: it says the arrangement is not saved, readers never see it. */
export function FrontPreviewBar({ children }: { children: ReactNode }) {
  return (
    <div role="note" aria-label="Preview" data-testid="front-preview-bar" className="bg-amber-300 px-4 py-2 text-center text-sm font-semibold text-black">
      Preview of an unsaved arrangement: readers see it only once it is saved. {children}
    </div>
  );
}
