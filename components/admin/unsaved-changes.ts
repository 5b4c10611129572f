// Whether the article form holds text that is not saved: one flag in the browser, shared by the form's
// guard (UnsavedChangesGuard) and the publishing buttons (SavedOnlyForm), which are separate islands.
// The server cannot know what a form holds; this is the browser's half of the safety net.
type Listener = () => void;

let unsaved = false;
const listeners = new Set<Listener>();

export const unsavedChanges = {
  get: () => unsaved,
  set(value: boolean) {
    if (value === unsaved) return;
    unsaved = value;
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener) {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  },
};

export const leaveQuestion = 'You have unsaved changes in this article. Leave the page and lose them?';
export const publishRefusal = 'You have unsaved changes. Save them first: publishing puts the last saved version on the site, not what is in the form.';
