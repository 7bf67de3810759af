// The duplicate-id check's memory, measured directly: SeenIds fed N fresh ids (N from the first argument, 1.6 million
// by default: a gigabyte stream of short documents), with this process's heap, array buffers and RSS after a full
// collection before and after, and at each tenth of the way. The table's bytes: the JS heap it holds (after a full
// collection), its array buffers and the RSS outside V8's heap (SQLite's page cache is native memory); RSS as a whole
// also counts the young generation the loop's garbage grows, which a stream's main thread has at its largest anyway.
// Run with the collector exposed:
//   node --expose-gc --import tsx scripts/seen-ids-memory.ts [N]
import { readdirSync, readlinkSync, statSync } from 'node:fs';
import { SeenIds } from '../src/ingest/seen-ids.ts';
import { contentHash } from '../src/store/store.ts';

const MB = 2 ** 20;
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const n = Number(process.argv[2] ?? 1_600_000);
const hashes = Array.from({ length: 1000 }, (_, i) => contentHash(`text ${i}`));
const usage = () => {
  gc();
  const m = process.memoryUsage();
  // RSS outside V8's heap: native memory (SQLite's page cache, malloc) and array buffers
  return { heap: m.heapUsed / MB, buffers: m.arrayBuffers / MB, native: (m.rss - m.heapTotal) / MB, rss: m.rss / MB };
};
const fmt = (u: ReturnType<typeof usage>, base: ReturnType<typeof usage>) =>
  `heap +${(u.heap - base.heap).toFixed(1)} MB, array buffers +${(u.buffers - base.buffers).toFixed(1)} MB, ` +
  `RSS outside the JS heap +${(u.native - base.native).toFixed(1)} MB, RSS +${(u.rss - base.rss).toFixed(1)} MB`;
const base = usage();
const seen = new SeenIds();
const t0 = process.cpuUsage();
let conflicts = 0;
for (let i = 0; i < n; i++) {
  if (seen.conflicts(`stream-${i}`, hashes[i % 1000]!)) conflicts++;
  if ((i + 1) % (n / 10) === 0) console.log(`${i + 1} ids: ${fmt(usage(), base)}`);
}
const cpu = process.cpuUsage(t0);
// SQLite's temporary files (etilqs_…) are unlinked as they open: found through this process's open descriptors
const onDisk = readdirSync('/proc/self/fd')
  .map((fd) => `/proc/self/fd/${fd}`)
  .filter((p) => {
    try {
      return /etilqs_/.test(readlinkSync(p));
    } catch {
      return false;
    }
  })
  .reduce((sum, p) => sum + statSync(p).size, 0);
console.log(
  `${seen.spilled} ids on disk in ${(onDisk / MB).toFixed(1)} MB; ${seen.diskReads} of the ${n} fresh ids asked the on-disk index (the filter's false hits)`,
);
// every id read again: once with its text (no conflict), once with another (a conflict)
let again = 0;
for (let i = 0; i < n; i += 97) {
  if (seen.conflicts(`stream-${i}`, hashes[i % 1000]!)) again++;
  if (!seen.conflicts(`stream-${i}`, hashes[(i + 1) % 1000]!)) again++;
}
console.log(`${n} ids, ${conflicts + again} wrong answers; ${((cpu.user + cpu.system) / 1000 / n) * 1000} µs CPU an id, its loop included`);

seen.close();
