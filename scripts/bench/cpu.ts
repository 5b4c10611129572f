// CPU time (user + system) of a process and everything it started, from /proc: what the server spent
// on a load, whatever else the machine was doing meanwhile (on a shared machine req/s follows the
// neighbours; CPU per request follows the code).
import fs from 'node:fs';
import { childrenOf } from './rss';

const ticksPerSecond = 100; // USER_HZ on Linux

function cpuTicks(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, so after its closing parenthesis): utime is
    // the 14th field of the line, stime the 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

export function treeCpuMilliseconds(pid: number): number {
  const seen = new Set<number>();
  const visit = (id: number): number => {
    if (seen.has(id)) return 0;
    seen.add(id);
    return cpuTicks(id) + childrenOf(id).reduce((sum, child) => sum + visit(child), 0);
  };
  return (visit(pid) * 1000) / ticksPerSecond;
}
