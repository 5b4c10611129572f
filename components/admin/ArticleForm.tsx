'use client';
// The article form: headline to slug, with the body editor. A client island because it keeps what the
// editor typed across a refused save (validation, a conflict) and shows the conflict beside it.
import { useActionState, useState, type ReactNode } from 'react';
import { BodyEditor } from '@/components/admin/BodyEditor';
import { BylinePicker, type BylinePickEntry } from '@/components/admin/BylinePicker';
import { ConflictPanel } from '@/components/admin/ConflictPanel';
import { HeadlineInput } from '@/components/admin/HeadlineInput';
import { UnsavedChangesGuard } from '@/components/admin/UnsavedChangesGuard';
import type { ArticleFormState, ArticleFormValues } from '@/components/admin/article-form-types';
import { articleSlugPatternSource } from '@/lib/forms/slug-pattern';

type Option = { id: number; label: string };

type Props = {
  action: (state: ArticleFormState, form: FormData) => Promise<ArticleFormState>;
  articleId: number | null;
  version: number | null;
  initial: ArticleFormValues;
  /** The byline's contributors in order, named (the form's value holds their ids). */
  byline: BylinePickEntry[];
  /** Most contributors one byline names. */
  maxByline: number;
  sections: Option[];
  media: Option[];
  /** Shown under the slug field: where the article lives. */
  slugHint: string;
  /** SITE_LANGUAGE: what an article with no language of its own is written in. */
  siteLanguage: string;
};

const input = 'mt-1 block w-full rounded border border-gray-500 px-3 py-2';

function Field({ id, label, error, hint, children }: { id: string; label: string; error?: string; hint?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">{label}</label>
      {children}
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-gray-700">{hint}</p> : null}
      {error ? <p id={`${id}-error`} className="mt-1 text-sm font-semibold text-red-800">{error}</p> : null}
    </div>
  );
}

const describe = (id: string, error?: string, hint?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export function ArticleForm({ action, articleId, version, initial, byline: initialByline, maxByline, sections, media, slugHint, siteLanguage }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle', message: '', fields: {}, values: null, conflict: null, attempt: 0 });
  const [byline, setByline] = useState(initialByline);
  const values = state.values ?? initial;
  const errors = state.fields;
  // Remount the fields after each answer so they show what was typed, not what the page first had.
  const key = state.attempt;
  return (
    <form id="article-form" action={formAction} className="space-y-4" noValidate data-testid="article-form">
      <UnsavedChangesGuard formId="article-form" attempt={state.attempt} unsavedAfterAnswer={state.status === 'error' || state.status === 'conflict'} />
      {state.conflict && articleId ? <ConflictPanel conflict={state.conflict} message={state.message} articleId={articleId} /> : null}
      {state.status === 'error' ? (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">{state.message}</p>
      ) : null}
      <input type="hidden" name="articleId" value={articleId ?? ''} />
      {/* The version the form was opened on, for "Save mine over theirs" to merge against. */}
      <input type="hidden" name="baseVersion" value={version ?? ''} />
      <div key={key} className="space-y-4">
        <Field id="kicker" label="Kicker" error={errors.kicker} hint="A word or two above the headline, such as ANALYSIS or VIDEO.">
          <input id="kicker" name="kicker" dir="auto" defaultValue={values.kicker} maxLength={100} className={input} aria-describedby={describe('kicker', errors.kicker, 'x')} />
        </Field>
        <Field id="headline" label="Headline (required)" error={errors.headline}>
          <HeadlineInput id="headline" name="headline" dir="auto" defaultValue={values.headline} required aria-invalid={errors.headline ? true : undefined} aria-describedby={describe('headline', errors.headline)} className={`${input} font-serif text-xl`} />
        </Field>
        <Field id="standfirst" label="Standfirst" error={errors.standfirst} hint="One or two sentences under the headline.">
          <textarea id="standfirst" name="standfirst" dir="auto" defaultValue={values.standfirst} rows={3} maxLength={1000} className={input} aria-describedby={describe('standfirst', errors.standfirst, 'x')} />
        </Field>
        <div>
          <p id="body-label" className="mb-1 text-sm font-semibold">Body</p>
          <BodyEditor name="body" initialValue={values.body} labelId="body-label" describedBy={errors.body ? 'body-error' : undefined} articleId={articleId} />
          {errors.body ? <p id="body-error" className="mt-1 text-sm font-semibold text-red-800">{errors.body}</p> : null}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="sectionId" label="Section (required)" error={errors.sectionId}>
            <select id="sectionId" name="sectionId" defaultValue={values.sectionId} required className={input} aria-describedby={describe('sectionId', errors.sectionId)}>
              <option value="">Choose a section</option>
              {sections.map((section) => <option key={section.id} value={section.id}>{section.label}</option>)}
            </select>
          </Field>
          <Field id="contentType" label="Content type" error={errors.contentType}>
            <select id="contentType" name="contentType" defaultValue={values.contentType} className={input}>
              <option value="text">Text</option>
              <option value="video">Video</option>
            </select>
          </Field>
          <Field id="tags" label="Tags" error={errors.tags} hint="Separated by commas.">
            <input id="tags" name="tags" dir="auto" defaultValue={values.tags} className={input} aria-describedby={describe('tags', errors.tags, 'x')} />
          </Field>
          <Field id="leadMediaId" label="Lead media" error={errors.leadMediaId} hint="Upload pictures and videos under Media.">
            <select id="leadMediaId" name="leadMediaId" defaultValue={values.leadMediaId} className={input} aria-describedby={describe('leadMediaId', errors.leadMediaId, 'x')}>
              <option value="">None</option>
              {media.map((item) => <option key={item.id} value={item.id}>{item.label}</option>)}
            </select>
          </Field>
          <BylinePicker picked={byline} onChange={setByline} error={errors.contributors} max={maxByline} />
          <Field id="sourceCredit" label="Source credit" error={errors.sourceCredit} hint="Such as: Reuters, or Press TV.">
            <input id="sourceCredit" name="sourceCredit" dir="auto" defaultValue={values.sourceCredit} maxLength={200} className={input} aria-describedby={describe('sourceCredit', errors.sourceCredit, 'x')} />
          </Field>
          {/* Empty is the site's language (stored as ''), so an article follows SITE_LANGUAGE until given its own. */}
          <Field id="language" label="Language" error={errors.language} hint={`A code such as fa, ar or en-GB. Empty: the site’s language (${siteLanguage}).`}>
            <input id="language" name="language" dir="ltr" defaultValue={values.language} placeholder={siteLanguage} maxLength={35} autoComplete="off" spellCheck={false} aria-invalid={errors.language ? true : undefined} className={input} aria-describedby={describe('language', errors.language, 'x')} />
          </Field>
        </div>
        <Field id="slug" label="Slug" error={errors.slug} hint={slugHint}>
          <input id="slug" name="slug" defaultValue={values.slug} maxLength={80} pattern={articleSlugPatternSource} aria-invalid={errors.slug ? true : undefined} className={`${input} font-mono`} aria-describedby={describe('slug', errors.slug, 'x')} />
        </Field>
      </div>
      <div className="flex flex-wrap gap-3">
        {/* The version this form was opened on travels with the button: a stale save is a conflict. */}
        <button type="submit" name="version" value={version ?? ''} disabled={pending} className="rounded bg-accent px-5 py-2 font-semibold text-white disabled:opacity-60">
          {pending ? 'Saving…' : articleId ? 'Save' : 'Create draft'}
        </button>
        {state.conflict ? (
          <button type="submit" name="version" value={state.conflict.version} disabled={pending} className="rounded border-2 border-amber-700 bg-white px-5 py-2 font-semibold text-amber-900">
            Save mine over theirs
          </button>
        ) : null}
      </div>
    </form>
  );
}
