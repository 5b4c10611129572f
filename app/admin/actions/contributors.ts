'use server';
// Contributor profiles managed by editors and admins (/admin/contributors): create, edit, retire,
// restore. Each action authorises itself (origin, session, role) and hands the form's fields to the
// one command (lib/contributors/commands.ts), which checks the role again and parses the one schema.
import { runButtonAction } from '@/app/admin/actions/guard';
import { refreshPublicPages } from '@/lib/cache/refresh';
import { createContributor, setContributorRetired, updateContributor } from '@/lib/contributors/commands';
import { formValues, textFields } from '@/lib/forms/form-data';
import { validRecordId } from '@/lib/articles/params';

const profileForm = textFields('id', 'name', 'slug', 'jobTitle', 'bio', 'photoId', 'website', 'x', 'mastodon', 'bluesky', 'userId');
const listPage = '/admin/contributors';

function idOf(form: FormData): number | null {
  const id = form.get('id');
  return typeof id === 'string' ? validRecordId(id) : null;
}

export async function createContributorAction(form: FormData): Promise<void> {
  await runButtonAction('contributors.manage', `${listPage}/new`, async ({ user, ip }) => {
    const created = await createContributor({ id: user.id, role: user.role, ip }, formValues(profileForm, form));
    return { notice: 'contributor-created', path: `${listPage}/${created.id}` };
  });
}

export async function updateContributorAction(form: FormData): Promise<void> {
  const id = idOf(form);
  await runButtonAction('contributors.manage', id ? `${listPage}/${id}` : listPage, async ({ user, ip }) => {
    await updateContributor({ id: user.id, role: user.role, ip }, formValues(profileForm, form));
    // The save recorded its refresh with it: carried out before the editor sees the answer.
    await refreshPublicPages();
    return { notice: 'contributor-saved' };
  });
}

function retirement(retired: boolean) {
  return async (form: FormData): Promise<void> => {
    const id = idOf(form);
    await runButtonAction('contributors.manage', id ? `${listPage}/${id}` : listPage, async ({ user, ip }) => {
      await setContributorRetired({ id: user.id, role: user.role, ip }, { id: form.get('id') }, retired);
      return { notice: retired ? 'contributor-retired' : 'contributor-restored' };
    });
  };
}

export async function retireContributorAction(form: FormData): Promise<void> {
  await retirement(true)(form);
}
export async function restoreContributorAction(form: FormData): Promise<void> {
  await retirement(false)(form);
}
