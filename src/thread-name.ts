// Names the calling thread as Linux shows it (`top -H`, `ps -L`, /proc/PID/task/TID/comm), so that the extraction
// threads can be told apart from V8's and libuv's, which all show as "node"; the stream bench reads the names to split
// a run's CPU time by thread. Linux keeps 15 bytes of a name. Elsewhere: nothing.
import { writeFileSync } from 'node:fs';

export function nameThisThread(name: string): void {
  try {
    writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
  } catch {
    // not Linux, or no /proc: the thread keeps the name it had
  }
}
