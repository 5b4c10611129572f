// Resident memory of a process and everything it started (next start may fork), from /proc.
import fs from 'node:fs';

export function childrenOf(pid: number): number[] {
  const children: number[] = [];
  try {
    for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
      const list = fs.readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list) children.push(...list.split(/\s+/).map(Number));
    }
  } catch {
    // The process is gone or /proc is not there: no children to count.
  }
  return children;
}

function rssKilobytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export function treeRssMegabytes(pid: number): number {
  const seen = new Set<number>();
  const visit = (id: number): number => {
    if (seen.has(id)) return 0;
    seen.add(id);
    return rssKilobytes(id) + childrenOf(id).reduce((sum, child) => sum + visit(child), 0);
  };
  return visit(pid) / 1024;
}
