// Whether a child run through tsx died of SIGKILL: tsx runs the script in a process of its own and
// exits 128 + 9 when that one is killed; node run directly reports the signal.
export const diedOfSigkill = (run: { signal: NodeJS.Signals | null; status: number | null }): boolean => run.signal === 'SIGKILL' || run.status === 137;
