'use client';
// Asks before the editor leaves an article with unsaved changes: a reload, closing the tab or typing an
// address (beforeunload, the browser's own question) and a link inside the app (our question, since
// the app's links navigate without unloading the page).
import { useEffect } from 'react';
import { leaveQuestion, unsavedChanges } from '@/components/admin/unsaved-changes';

type Props = {
  formId: string;
  /** After each answer of the save action: true when what the form holds was not saved (refused, conflict). */
  unsavedAfterAnswer: boolean;
  attempt: number;
};

export function UnsavedChangesGuard({ formId, unsavedAfterAnswer, attempt }: Props) {
  // A refused save gives back what was typed: it is still unsaved. The first render is clean.
  useEffect(() => unsavedChanges.set(attempt > 0 && unsavedAfterAnswer), [attempt, unsavedAfterAnswer]);

  useEffect(() => {
    const form = document.getElementById(formId);
    if (!form) return;
    const edited = () => unsavedChanges.set(true);
    // The save itself: from here the form's text is the server's to keep or give back.
    const saving = () => unsavedChanges.set(false);
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (!unsavedChanges.get()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    const click = (event: MouseEvent) => {
      if (!unsavedChanges.get() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      const url = new URL(link.href, location.href);
      // A link to a place on this same page leaves nothing.
      if (url.origin === location.origin && url.pathname === location.pathname && url.search === location.search && url.hash) return;
      if (window.confirm(leaveQuestion)) {
        unsavedChanges.set(false);
        return;
      }
      // Before the app's router sees the click (this listener captures at the document).
      event.preventDefault();
      event.stopPropagation();
    };
    form.addEventListener('input', edited);
    form.addEventListener('change', edited);
    form.addEventListener('submit', saving);
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', click, true);
    return () => {
      form.removeEventListener('input', edited);
      form.removeEventListener('change', edited);
      form.removeEventListener('submit', saving);
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', click, true);
      unsavedChanges.set(false);
    };
  }, [formId]);

  return null;
}
