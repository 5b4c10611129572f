// How a newsroom command refuses: a kind the caller maps to a message or an HTTP status, the message,
// and field messages for the form. Shared by every aggregate's commands (articles, accounts), so the
// server actions' guard (app/admin/actions/guard.ts) handles one error type whatever refused.

export type CommandFailure = 'not-found' | 'forbidden' | 'invalid' | 'conflict';

export class CommandError extends Error {
  constructor(
    readonly kind: CommandFailure,
    message: string,
    /** Field → message, for showing beside the form's inputs. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'CommandError';
  }

  get status(): 403 | 404 | 409 | 422 {
    return this.kind === 'forbidden' ? 403 : this.kind === 'not-found' ? 404 : this.kind === 'conflict' ? 409 : 422;
  }
}
