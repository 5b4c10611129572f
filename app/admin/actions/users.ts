'use server';
// Account management for admins: create, disable and enable, set a new password.
import { runButtonAction } from '@/app/admin/actions/guard';
import { CommandError } from '@/lib/commands/error';
import { generateStrongPassword } from '@/lib/auth/password-strength';
import { parseFormData, textFields } from '@/lib/forms/form-data';
import { AccountError, createUser, newUserSchema, setDisabled, setPassword } from '@/lib/users/commands';

// The commands parse the fields (lib/users/commands.ts): the actions pick them, '' when absent.
const accountForm = textFields('email', 'name', 'role', 'password', 'disabled');

// Invalid input becomes the page's error message, like an AccountError (a CommandError: the guard
// shows it as it shows article commands' refusals).
async function asCommand<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Error && error.name === 'ZodError') {
      // Say which rule the input broke (a weak password, a bad address), not only that something did.
      const first = (error as Error & { issues?: Array<{ message: string }> }).issues?.[0]?.message;
      throw new CommandError('invalid', first ?? 'Check the e-mail address, the role and the password (12 characters or more).');
    }
    throw error;
  }
}

export async function createUserAction(form: FormData): Promise<void> {
  await runButtonAction('users.manage', '/admin/users', async ({ user }) => {
    const { email, name, role, password } = parseFormData(accountForm, form);
    const input = newUserSchema.safeParse({ email, name, role, password: password || generateStrongPassword([email]) });
    if (!input.success) throw new CommandError('invalid', input.error.issues[0]?.message ?? 'Check the fields.');
    await asCommand(() => createUser(input.data, user.id));
    return { notice: 'user-created' };
  });
}

export async function setUserDisabledAction(form: FormData): Promise<void> {
  await runButtonAction('users.manage', '/admin/users', async ({ user }) => {
    const { email, disabled } = parseFormData(accountForm, form);
    if (email.toLowerCase() === user.email) throw new AccountError('You cannot disable your own account.');
    await asCommand(() => setDisabled(email, disabled === 'yes', user.id));
    return { notice: 'user-updated' };
  });
}

export async function setUserPasswordAction(form: FormData): Promise<void> {
  await runButtonAction('users.manage', '/admin/users', async ({ user }) => {
    const { email, password } = parseFormData(accountForm, form);
    await asCommand(() => setPassword(email, password, user.id));
    return { notice: 'user-updated' };
  });
}
