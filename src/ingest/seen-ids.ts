// The ids a run has read, each with its first text's hash: a later document under the same id with another text is
// a duplicate-id dead letter. Any earlier id may come back, so the check needs every id, exactly (an id wrongly taken
// for an earlier one would lose its document). Kept in memory that grew with the stream (as 12-byte fingerprints in
// an open-addressing table, 25 -> 50 MB over a gigabyte of short documents, the last step of its RSS); here memory is
// bounded whatever the stream's length:
// - the latest ids (at most SPILL) in a Map, id -> text hash;
// - when that is full, its ids go to an on-disk index: a private temporary SQLite database (an empty file name:
//   SQLite puts it in SQLITE_TMPDIR, TMPDIR or /var/tmp and unlinks it as it opens it, so nothing is left behind even
//   if the process is killed), with a page cache of CACHE_KB; about 37 bytes of disk an id (59 MB at 1.6 million ids);
//   a run of fewer than SPILL documents never opens it;
// - a Bloom filter of the ids on disk (fixed, BLOOM_BITS): a fresh id, nearly every id of a stream, is answered from
//   memory; only a filter hit asks the index (1,679 of 1.6 million fresh ids; more as a stream grows past that:
//   slower, never wrong), which holds the ids themselves, so the answer is exact.
// Measured by scripts/seen-ids-memory.ts: RSS +37.6 MB over the start at 0.32 and at 1.6 million ids (JS heap 0.5 MB,
// the filter 2 MB, 8.6 MB outside the JS heap; the rest is the young generation the loop's garbage grows), where the
// old table's went +20.5 -> +126.5 MB. A batch of 16,384 ids left ~12 MB more outside the JS heap (malloc keeping what
// the batch's keys took), a 2 MB page cache ~4 MB more.
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';

const SPILL = 4096;
const BLOOM_BITS = 2 ** 24; // 2 MB
const BLOOM_PROBES = 7;
const CACHE_KB = 512;

// An id as the index's key, exactly: UTF-8 when it is well formed; its UTF-16 code units after a 0xff byte (which
// UTF-8 never has) when it holds a lone surrogate, which UTF-8 would turn into U+FFFD.
const LONE_SURROGATE = /\p{Cs}/u;
const key = (id: string): Buffer => (LONE_SURROGATE.test(id) ? Buffer.concat([Buffer.of(0xff), Buffer.from(id, 'utf16le')]) : Buffer.from(id, 'utf8'));

// The text's hash on disk: its last 128 bits (a hash's hex digits end it).
const digest = (textHash: string): Buffer => Buffer.from(textHash.slice(-32), 'hex');

export class SeenIds {
  private recent = new Map<string, string>();
  private disk: DiskIds | null = null;

  /** spillAt: how many ids the Map holds before they go to disk (smaller in tests). */
  constructor(private readonly spillAt = SPILL) {}

  /**
   * Remembers id with its text's hash (a hex digest, as contentHash gives) the first time; afterwards true when the
   * id comes back with another text.
   */
  conflicts(id: string, textHash: string): boolean {
    const known = this.recent.get(id);
    if (known !== undefined) return known !== textHash;
    const onDisk = this.disk?.get(id);
    if (onDisk) return !onDisk.equals(digest(textHash));
    this.recent.set(id, textHash);
    if (this.recent.size >= this.spillAt) {
      this.disk ??= new DiskIds();
      this.disk.add(this.recent);
      this.recent = new Map();
    }
    return false;
  }

  /** Ids moved to the on-disk index so far. */
  get spilled(): number {
    return this.disk?.size ?? 0;
  }

  /** Look-ups that went to the on-disk index so far. */
  get diskReads(): number {
    return this.disk?.reads ?? 0;
  }

  close(): void {
    this.disk?.close();
    this.disk = null;
  }
}

class DiskIds {
  size = 0;
  /** Look-ups that reached the index: ids read again, and the filter's false hits. */
  reads = 0;
  private readonly bloom = new Int32Array(BLOOM_BITS / 32);
  private readonly db: BetterSqlite3.Database;
  private readonly select: BetterSqlite3.Statement<[Buffer], Buffer>;
  private readonly insert: BetterSqlite3.Statement<[Buffer, Buffer]>;

  constructor() {
    // loaded here, not at start: a run that never spills does not pay for it
    const Database = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    this.db = new Database('');
    this.db.pragma('journal_mode = OFF');
    this.db.pragma('synchronous = OFF');
    this.db.pragma(`cache_size = -${CACHE_KB}`);
    this.db.exec('CREATE TABLE ids (id BLOB PRIMARY KEY, text BLOB NOT NULL) WITHOUT ROWID');
    this.select = this.db.prepare<[Buffer], Buffer>('SELECT text FROM ids WHERE id = ?').pluck();
    this.insert = this.db.prepare<[Buffer, Buffer]>('INSERT INTO ids VALUES (?, ?)');
  }

  /** The last 128 bits of id's text hash, when id is on disk. */
  get(id: string): Buffer | undefined {
    if (!this.mayHave(id, false)) return undefined;
    this.reads++;
    return this.select.get(key(id));
  }

  add(ids: Map<string, string>): void {
    // in key order, so the inserts walk the index's pages once
    const rows = [...ids].map(([id, text]) => [key(id), digest(text)] as const).sort((a, b) => Buffer.compare(a[0], b[0]));
    this.db.transaction(() => {
      for (const [k, text] of rows) this.insert.run(k, text);
    })();
    for (const id of ids.keys()) this.mayHave(id, true);
    this.size += ids.size;
  }

  close(): void {
    this.db.close();
  }

  /** The Bloom filter: whether id may be on disk (false: it is not), setting its bits when add is true. */
  private mayHave(id: string, add: boolean): boolean {
    // two 32-bit FNV-1a hashes of the UTF-16 code units, probes h1 + i·h2
    let h1 = 0x811c9dc5;
    let h2 = 0x050c5d1f;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x01000193) ^ (h2 >>> 15);
    }
    h1 = mix(h1);
    h2 = mix(h2) | 1;
    for (let i = 0; i < BLOOM_PROBES; i++) {
      const bit = (h1 + Math.imul(i, h2)) & (BLOOM_BITS - 1);
      const mask = 1 << (bit & 31);
      if (add) this.bloom[bit >>> 5]! |= mask;
      else if (!(this.bloom[bit >>> 5]! & mask)) return false;
    }
    return true;
  }
}

/** MurmurHash3's finaliser: every bit of h moves every bit of the result. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}
