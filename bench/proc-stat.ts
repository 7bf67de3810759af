// The CPU time Linux counts for a process or one of its threads, read from its /proc stat file: the benches that time
// child processes (runners, stream) and threads (store, stream) read it the same way.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/**
 * The name and the CPU seconds (utime + stime, the 14th and 15th fields, in clock ticks of 1/100 s) of a /proc stat
 * file: `/proc/PID/stat` for a process (all its threads), `/proc/PID/task/TID/stat` for a thread. The fields are read
 * after the name's closing parenthesis, the last one in the line: a name may hold ") " itself.
 */
function procStat(file: string): { name: string; cpu: number } {
  const stat = readFileSync(file, 'utf8');
  const close = stat.lastIndexOf(')');
  const f = stat.slice(close + 2).split(' ');
  return { name: stat.slice(stat.indexOf('(') + 1, close), cpu: (Number(f[11] ?? 0) + Number(f[12] ?? 0)) / 100 };
}

/** CPU seconds of a process, all its threads. */
export const processCpu = (pid: number): number => procStat(`/proc/${pid}/stat`).cpu;

/**
 * Each thread of a process (`self` for this one) by its thread id: its name and CPU seconds. A thread that exits between
 * the listing and the read is left out; none on a system without /proc.
 */
export function threadStats(pid: number | 'self'): Map<string, { name: string; cpu: number }> {
  const out = new Map<string, { name: string; cpu: number }>();
  const dir = `/proc/${pid}/task`;
  if (!existsSync(dir)) return out;
  for (const tid of readdirSync(dir)) {
    try {
      out.set(tid, procStat(`${dir}/${tid}/stat`));
    } catch {
      // the thread exited after the listing
    }
  }
  return out;
}
