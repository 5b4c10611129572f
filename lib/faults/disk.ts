// A full disk is the operator's to fix, and the message must say so plainly rather than as a stack
// trace: the errno of a file write, SQLite's SQLITE_FULL, PostgreSQL's disk_full (SQLSTATE 53100).
export function isDiskFull(error: unknown): boolean {
  for (let cause = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; cause && depth < 5; cause = cause.cause as typeof cause, depth += 1) {
    if (cause.code === 'ENOSPC' || cause.code === 'EDQUOT' || cause.code === 'SQLITE_FULL' || cause.code === '53100') return true;
    if (typeof cause.message === 'string' && /database or disk is full|No space left on device|SQLITE_FULL|could not extend file/i.test(cause.message)) return true;
  }
  return false;
}
