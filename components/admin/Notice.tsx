import { errorMessageFor } from '@/components/admin/outcomes';

const notices: Record<string, string> = {
  'contributor-created': 'Contributor added. Writers can now put them in a byline.',
  'contributor-saved': 'Profile saved. Their author page and bylines show it now.',
  'contributor-retired': 'Contributor retired: no longer offered for bylines. Their page and bylines stay.',
  'contributor-restored': 'Contributor restored: offered for bylines again.',
  created: 'Draft created.',
  saved: 'Saved.',
  published: 'Published. The public pages show it now.',
  scheduled: 'Scheduled. It goes live at its time.',
  unpublished: 'Unpublished. Its page now answers “not found”.',
  corrected: 'Correction added.',
  breaking: 'Breaking-news flag updated.',
  'related-added': 'Related link added.',
  'related-moved': 'Related links reordered.',
  'related-removed': 'Related link removed.',
  deleted: 'Article deleted. It can be restored from “Deleted”.',
  restored: 'Article restored as a draft.',
  'revision-restored': 'Revision restored as a new version.',
  uploaded: 'Uploaded.',
  'media-deleted': 'Media deleted, with all its files.',
  'user-created': 'Account created.',
  'user-updated': 'Account updated.',
  'section-created': 'Section created. It is last in the navigation.',
  'section-renamed': 'Section saved. Its old address now leads to the new one.',
  'section-moved': 'Navigation reordered.',
  'section-retired': 'Section retired: it has left the navigation and the home page. Its articles stay online.',
  'section-restored': 'Section restored to the navigation.',
  'front-saved': 'Front saved. The public page shows it now.',
};

/**
 * The outcome of the last button action, carried in the query string as codes: known notices and
 * known error codes only (components/admin/outcomes.ts); any other text shows nothing.
 */
export function Notice({ notice, error }: { notice?: string; error?: string }) {
  const text = notice && Object.hasOwn(notices, notice) ? notices[notice] : undefined;
  const problem = errorMessageFor(error);
  if (problem) {
    return (
      <p role="alert" className="mb-4 rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">
        {problem}
      </p>
    );
  }
  if (!text) return null;
  return (
    <p role="status" className="mb-4 rounded border border-green-800 bg-green-50 p-3 text-sm text-green-900">
      {text}
    </p>
  );
}
