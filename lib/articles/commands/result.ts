// What every article command returns or throws: typed outcomes the server actions turn into
// messages and statuses, and the public change the action then refreshes (commands never revalidate).
import type { ArticleChange } from '@/lib/cache/refresh';
import type { Role } from '@/lib/generated/prisma/client';

export type Actor = { id: number; role: Role };

export type CommandFailure = 'not-found' | 'forbidden' | 'invalid' | 'conflict';

export class ArticleCommandError extends Error {
  constructor(
    readonly kind: CommandFailure,
    message: string,
    /** Field → message, for showing beside the form's inputs. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ArticleCommandError';
  }

  get status(): 403 | 404 | 409 | 422 {
    return this.kind === 'forbidden' ? 403 : this.kind === 'not-found' ? 404 : this.kind === 'conflict' ? 409 : 422;
  }
}

/** The public pages a write touched, or null when nothing public changed (a draft's edit). */
export type Changed = { change: ArticleChange | null };
