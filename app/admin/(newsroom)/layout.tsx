import type { ReactNode } from 'react';
import { signOutAction } from '@/app/admin/actions/session';
import { AdminShell } from '@/components/admin/AdminShell';
import { requirePageUser } from '@/lib/auth/current';

// The frame of every signed-in page. Each page still checks the session itself: layouts do not run
// again on client navigation, and actions never rely on them.
export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  return (
    <AdminShell user={user} signOut={signOutAction}>
      {children}
    </AdminShell>
  );
}
