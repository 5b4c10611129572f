'use server';
// Sections managed by editors and admins (/admin/sections): create, rename, reorder, retire, restore.
// Each action authorises itself (origin, session, role) and hands the form's fields to the one
// command (lib/sections/commands.ts), which validates them with its schema.
import { runButtonAction } from '@/app/admin/actions/guard';
import { refreshPublicPages } from '@/lib/cache/refresh';
import { textFields, formValues } from '@/lib/forms/form-data';
import { changeSection } from '@/lib/sections/commands';

const sectionForm = textFields('id', 'name', 'slug', 'description', 'direction');
const page = '/admin/sections';

function sectionAction(action: 'create' | 'rename' | 'move' | 'retire' | 'restore') {
  return async (form: FormData): Promise<void> => {
    await runButtonAction('sections.manage', page, async ({ user, ip }) => {
      const { notice } = await changeSection({ ...formValues(sectionForm, form), action }, { id: user.id, ip });
      // The change recorded its refresh with it: carried out before the editor sees the answer.
      await refreshPublicPages();
      return { notice };
    });
  };
}

export async function createSectionAction(form: FormData): Promise<void> {
  await sectionAction('create')(form);
}
export async function renameSectionAction(form: FormData): Promise<void> {
  await sectionAction('rename')(form);
}
export async function moveSectionAction(form: FormData): Promise<void> {
  await sectionAction('move')(form);
}
export async function retireSectionAction(form: FormData): Promise<void> {
  await sectionAction('retire')(form);
}
export async function restoreSectionAction(form: FormData): Promise<void> {
  await sectionAction('restore')(form);
}
