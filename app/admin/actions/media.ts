'use server';
// Deleting media from the library. Like every action: proof of origin, session and role inside itself
// (authorise), then the command, which checks the role again. Outcomes go back as short codes
// (components/admin/outcomes.ts holds the words).
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { authorise } from '@/lib/auth/current';
import { postedRecordId, parseFormData } from '@/lib/forms/form-data';
import { deleteMedia, MediaDeleteError } from '@/lib/media/delete';

const deleteForm = z.object({ mediaId: postedRecordId });

export async function deleteMediaAction(form: FormData): Promise<void> {
  const { mediaId } = parseFormData(deleteForm, form);
  const auth = await authorise('media.manage');
  if (!auth.ok) {
    if (auth.status === 401) redirect('/admin/login');
    redirect('/admin/media?error=media-forbidden');
  }
  try {
    await deleteMedia(auth.user, mediaId, auth.ip);
  } catch (error) {
    if (error instanceof MediaDeleteError) {
      // In use: back to the confirmation, which lists what uses it.
      if (error.kind === 'in-use') redirect(`/admin/media?error=media-in-use&delete=${mediaId}`);
      redirect(`/admin/media?error=media-${error.kind}`);
    }
    throw error;
  }
  redirect('/admin/media?notice=media-deleted');
}
