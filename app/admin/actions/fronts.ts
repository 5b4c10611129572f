'use server';
// Saving a curated front (/admin/fronts/{home|section}). The action authorises itself (origin,
// session, editor role) and hands the form's fields to the one command (lib/fronts/commands.ts),
// which parses them with the one schema (lib/fronts/schema.ts).
import { runButtonAction } from '@/app/admin/actions/guard';
import { refreshPublicPages } from '@/lib/cache/refresh';
import { saveFront } from '@/lib/fronts/commands';
import { arrangementFields } from '@/lib/fronts/schema';

export async function saveFrontAction(form: FormData): Promise<void> {
  const posted = form.get('front');
  const address = typeof posted === 'string' && /^[a-z0-9-]{1,60}$/.test(posted) ? posted : 'home';
  const page = `/admin/fronts/${address}`;
  await runButtonAction('fronts.manage', page, async ({ user, ip }) => {
    await saveFront(arrangementFields(address, form), { id: user.id, ip });
    // The save recorded its refresh with it: carried out before the editor sees the answer.
    await refreshPublicPages();
    return { notice: 'front-saved' };
  });
}
