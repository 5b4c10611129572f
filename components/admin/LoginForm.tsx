'use client';
// The sign-in form: a client island only to keep the e-mail and show the message after a refusal.
import { useActionState } from 'react';

type State = { message: string; email: string };

export function LoginForm({ action }: { action: (state: State, form: FormData) => Promise<State> }) {
  const [state, formAction, pending] = useActionState(action, { message: '', email: '' });
  return (
    <form action={formAction} className="space-y-4" aria-describedby={state.message ? 'login-message' : undefined}>
      {state.message ? (
        <p id="login-message" role="alert" className="rounded border border-red-700 bg-red-50 p-3 text-sm text-red-900">
          {state.message}
        </p>
      ) : null}
      <div>
        <label htmlFor="email" className="block text-sm font-semibold">
          E-mail
        </label>
        <input id="email" name="email" type="text" inputMode="email" autoComplete="username" required defaultValue={state.email} key={state.email} className="mt-1 w-full rounded border border-gray-500 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-semibold">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-gray-500 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-accent px-4 py-2 font-semibold text-white hover:bg-red-900 disabled:opacity-60">
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
