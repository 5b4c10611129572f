'use client';
// A publishing button's form that refuses while the article form holds unsaved changes: publishing
// puts the last SAVED version on the site, so pressing it with other text in the form would publish
// something the editor is not looking at (docs/decisions/0018-editor-safety-nets.md).
import { useState, useSyncExternalStore, type ReactNode } from 'react';
import { publishRefusal, unsavedChanges } from '@/components/admin/unsaved-changes';

type Props = { action: (form: FormData) => Promise<void>; className?: string; children: ReactNode; id: string };

export function SavedOnlyForm({ action, className, children, id }: Props) {
  const unsaved = useSyncExternalStore(unsavedChanges.subscribe, unsavedChanges.get, () => false);
  const [refused, setRefused] = useState(false);
  return (
    <form
      action={action}
      className={className}
      onSubmit={(event) => {
        if (!unsavedChanges.get()) return;
        event.preventDefault();
        setRefused(true);
      }}
    >
      {children}
      {refused && unsaved ? (
        <p id={`${id}-refused`} role="alert" className="mt-2 text-sm font-semibold text-red-800">{publishRefusal}</p>
      ) : null}
    </form>
  );
}
