import type { UserRow } from '@/lib/users/commands';

type Action = (form: FormData) => Promise<void>;

export function UserAdmin({ users, roles, self, actions }: { users: UserRow[]; roles: readonly string[]; self: string; actions: { create: Action; setDisabled: Action; setPassword: Action } }) {
  const field = 'mt-1 block w-full rounded border border-gray-500 px-2 py-1';
  return (
    <>
      <table className="mb-6 w-full border-collapse text-left text-sm">
        <caption className="sr-only">Accounts</caption>
        <thead>
          <tr className="border-b-2 border-gray-400">
            <th scope="col" className="py-2 pr-3">E-mail</th>
            <th scope="col" className="py-2 pr-3">Name</th>
            <th scope="col" className="py-2 pr-3">Role</th>
            <th scope="col" className="py-2 pr-3">State</th>
            <th scope="col" className="py-2 pr-3">New password</th>
            <th scope="col" className="py-2">Access</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} className="border-b border-gray-200">
              <td className="py-2 pr-3">{user.email}</td>
              <td className="py-2 pr-3">{user.name}</td>
              <td className="py-2 pr-3">{user.role}</td>
              <td className="py-2 pr-3">{user.disabled ? 'disabled' : 'active'}</td>
              <td className="py-2 pr-3">
                <form action={actions.setPassword} className="flex gap-1">
                  <input type="hidden" name="email" value={user.email} />
                  <label htmlFor={`password-${user.id}`} className="sr-only">New password for {user.email}</label>
                  <input id={`password-${user.id}`} name="password" type="password" autoComplete="new-password" minLength={12} required className="w-36 rounded border border-gray-500 px-2 py-0.5" />
                  <button type="submit" className="rounded border border-gray-700 px-2 py-0.5">Set</button>
                </form>
              </td>
              <td className="py-2">
                {user.email === self ? <span className="text-gray-700">you</span> : (
                  <form action={actions.setDisabled}>
                    <input type="hidden" name="email" value={user.email} />
                    <input type="hidden" name="disabled" value={user.disabled ? 'no' : 'yes'} />
                    <button type="submit" className="rounded border border-gray-700 px-2 py-0.5" aria-label={`${user.disabled ? 'Enable' : 'Disable'} ${user.email}`}>{user.disabled ? 'Enable' : 'Disable'}</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form action={actions.create} className="grid gap-3 rounded border border-gray-300 p-4 sm:grid-cols-4" aria-labelledby="new-user-heading">
        <h2 id="new-user-heading" className="font-serif text-xl font-bold sm:col-span-4">New account</h2>
        <div>
          <label htmlFor="new-email" className="block text-sm font-semibold">E-mail</label>
          <input id="new-email" name="email" type="email" required className={field} />
        </div>
        <div>
          <label htmlFor="new-name" className="block text-sm font-semibold">Name</label>
          <input id="new-name" name="name" className={field} />
        </div>
        <div>
          <label htmlFor="new-role" className="block text-sm font-semibold">Role</label>
          <select id="new-role" name="role" defaultValue="writer" className={field}>
            {roles.map((role) => <option key={role} value={role}>{role}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="new-password" className="block text-sm font-semibold">Password (12+ characters)</label>
          <input id="new-password" name="password" type="password" autoComplete="new-password" minLength={12} required className={field} />
        </div>
        <div className="sm:col-span-4">
          <button type="submit" className="rounded bg-ink px-4 py-1.5 text-sm font-semibold text-white">Create account</button>
        </div>
      </form>
    </>
  );
}
