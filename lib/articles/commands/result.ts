// What every article command returns or throws: typed outcomes the server actions turn into
// messages and statuses, and the public change the action then refreshes (commands never revalidate).
import type { ArticleChange } from '@/lib/cache/refresh';
import type { Role } from '@/lib/generated/prisma/client';
import { CommandError } from '@/lib/commands/error';

export type Actor = { id: number; role: Role };

/** An article command refused (the kinds and statuses are every command's: lib/commands/error.ts). */
export class ArticleCommandError extends CommandError {
  override name = 'ArticleCommandError';
}

/** The public pages a write touched, or null when nothing public changed (a draft's edit). */
export type Changed = { change: ArticleChange | null };
