// Fault injection for the crash tests (lib/**/crash.test.ts): LEDE_FAULT_KILL_AT=name:N makes the
// process SIGKILL itself the Nth time it passes the fault point `name` (N defaults to 1), as `kill -9`
// or a power cut would, with no chance to clean up. Never set in production: unset, a point costs one
// comparison.
const hits = new Map<string, number>();

export function faultPoint(name: string): void {
  const wanted = process.env.LEDE_FAULT_KILL_AT;
  if (!wanted) return;
  const [point, count = '1'] = wanted.split(':');
  if (point !== name) return;
  const hit = (hits.get(name) ?? 0) + 1;
  hits.set(name, hit);
  if (hit === Number(count)) process.kill(process.pid, 'SIGKILL');
}
