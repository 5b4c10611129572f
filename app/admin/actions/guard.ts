// Shared by the newsroom's server actions (not an action file itself): turn a refusal or a command
// error into what the editor sees, and refresh the public pages a write touched (lib/cache/refresh.ts).
import { redirect } from 'next/navigation';
import { errorCodeFor, type ErrorCode } from '@/components/admin/outcomes';
import { authorise, type Authorised } from '@/lib/auth/current';
import type { Permission } from '@/lib/auth/roles';
import { CommandError } from '@/lib/commands/error';
import { refreshPublicPages, type ArticleChange } from '@/lib/cache/refresh';

/** Where to go back to after a button action, with a notice or an error code for the page to show. */
export function back(path: string, outcome: { notice?: string; error?: ErrorCode }): never {
  const params = new URLSearchParams();
  if (outcome.notice) params.set('notice', outcome.notice);
  if (outcome.error) params.set('error', outcome.error);
  redirect(`${path}${params.size ? `?${params}` : ''}`);
}

/**
 * For form actions that answer with a redirect: authorise, run, refresh, go back. A request without a
 * session goes to the sign-in page; a foreign or forbidden one changes nothing and says why.
 */
export async function runButtonAction(
  permission: Permission | undefined,
  path: string,
  work: (auth: Authorised) => Promise<{ change?: ArticleChange | null; notice: string; path?: string }>,
): Promise<never> {
  const auth = await authorise(permission);
  if (!auth.ok) {
    if (auth.status === 401) redirect('/admin/login');
    back(path, { error: errorCodeFor([auth.message], 'forbidden') });
  }
  let result: Awaited<ReturnType<typeof work>>;
  try {
    result = await work(auth);
  } catch (error) {
    if (error instanceof CommandError) {
      // The field's own message says more than "Some fields need attention."
      back(path, { error: errorCodeFor([Object.values(error.fields)[0], error.message], error.kind) });
    }
    throw error;
  }
  // The write recorded its refresh with it; carried out here before the editor is answered.
  if (result.change) await refreshPublicPages();
  back(result.path ?? path, { notice: result.notice });
}
