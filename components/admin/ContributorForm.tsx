import type { ContributorEdit } from '@/lib/contributors/queries';
import { articleSlugPatternSource } from '@/lib/forms/slug-pattern';

type Option = { id: number; label: string };

const input = 'mt-1 block w-full rounded border border-gray-500 px-3 py-2';

function Field({ id, label, hint, children }: { id: string; label: string; hint?: string; children: React.ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">{label}</label>
      {children}
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-gray-700">{hint}</p> : null}
    </div>
  );
}

/** A contributor profile's form (new or edit): plain HTML posting to a server action. */
export function ContributorForm({ action, contributor, photos, accounts }: {
  action: (form: FormData) => Promise<void>;
  contributor: ContributorEdit | null;
  photos: Option[];
  accounts: { id: number; label: string; contributorId: number | null }[];
}) {
  const value = (key: 'name' | 'slug' | 'jobTitle' | 'bio' | 'website' | 'x' | 'mastodon' | 'bluesky') => contributor?.[key] ?? '';
  return (
    <form action={action} className="max-w-2xl space-y-4" data-testid="contributor-form">
      {contributor ? <input type="hidden" name="id" value={contributor.id} /> : null}
      <Field id="name" label="Name (required)">
        <input id="name" name="name" dir="auto" required maxLength={120} defaultValue={value('name')} className={input} />
      </Field>
      <Field id="jobTitle" label="Job title" hint="Such as: Senior correspondent, Data editor, Guest writer, News agency.">
        <input id="jobTitle" name="jobTitle" dir="auto" maxLength={100} defaultValue={value('jobTitle')} className={input} aria-describedby="jobTitle-hint" />
      </Field>
      <Field id="bio" label="Short bio" hint="Plain text, up to 600 characters; a blank line starts a new paragraph.">
        <textarea id="bio" name="bio" dir="auto" rows={4} maxLength={600} defaultValue={value('bio')} className={input} aria-describedby="bio-hint" />
      </Field>
      <Field id="photoId" label="Photo" hint="From the media library (upload it under Media first).">
        <select id="photoId" name="photoId" defaultValue={contributor?.photoId ?? ''} className={input} aria-describedby="photoId-hint">
          <option value="">None</option>
          {photos.map((photo) => <option key={photo.id} value={photo.id}>{photo.label}</option>)}
        </select>
      </Field>
      <fieldset className="space-y-3 rounded border border-gray-300 p-3">
        <legend className="px-1 text-sm font-semibold">Links</legend>
        <Field id="website" label="Website" hint="https://…">
          <input id="website" name="website" type="url" maxLength={300} defaultValue={value('website')} className={input} aria-describedby="website-hint" />
        </Field>
        <Field id="x" label="X" hint="@handle or https://x.com/handle">
          <input id="x" name="x" maxLength={300} defaultValue={value('x')} className={input} aria-describedby="x-hint" />
        </Field>
        <Field id="mastodon" label="Mastodon" hint="@name@server or https://server/@name">
          <input id="mastodon" name="mastodon" maxLength={300} defaultValue={value('mastodon')} className={input} aria-describedby="mastodon-hint" />
        </Field>
        <Field id="bluesky" label="Bluesky" hint="name.bsky.social or https://bsky.app/profile/name.bsky.social">
          <input id="bluesky" name="bluesky" maxLength={300} defaultValue={value('bluesky')} className={input} aria-describedby="bluesky-hint" />
        </Field>
      </fieldset>
      <Field id="userId" label="Newsroom account" hint="Optional. A writer whose account is linked starts new articles with their own byline. Guest writers and agencies have none.">
        <select id="userId" name="userId" defaultValue={contributor?.userId ?? ''} className={input} aria-describedby="userId-hint">
          <option value="">None (guest writer or agency)</option>
          {accounts.map((account) => (
            <option key={account.id} value={account.id} disabled={account.contributorId !== null && account.contributorId !== contributor?.id}>
              {account.label}{account.contributorId !== null && account.contributorId !== contributor?.id ? ' (linked to another profile)' : ''}
            </option>
          ))}
        </select>
      </Field>
      <Field id="slug" label="Slug" hint={contributor ? `Their page is /author/${contributor.slug}. A new slug keeps the old address working (301).` : 'Leave empty to make one from the name.'}>
        <input id="slug" name="slug" maxLength={80} pattern={articleSlugPatternSource} defaultValue={contributor ? value('slug') : ''} className={`${input} font-mono`} aria-describedby="slug-hint" />
      </Field>
      <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-white">{contributor ? 'Save profile' : 'Add contributor'}</button>
    </form>
  );
}
