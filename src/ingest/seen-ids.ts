// The ids a run has read, each with a fingerprint of its first text: a later document under the same id with
// another text is a duplicate-id dead letter. The only state a run keeps per document, so it is kept small:
// one open-addressing table of 12-byte slots (a 64-bit fingerprint of the id, 32 bits of the text's hash), 16 to
// 32 bytes an id, instead of a Map of strings (about 110 bytes an id). A stream of short documents (1.5 million
// in a gigabyte) costs 25 to 50 MB here. The table is cut in 64 shards by the fingerprint's top bits, each doubling
// on its own, so only one shard's old copy is alive beside its new one: one table doubling held both copies at once
// (peak RSS 372 MB on a gigabyte stream, 334 MB sharded). Hashed ids fill the shards evenly, so they still double at
// about the same point of a stream: sharding removes that transient, not the growth (25 -> 50 MB near 1.57 million ids).
import { createHash } from 'node:crypto';

const WORDS = 3;
const SHARD_BITS = 6;
const INITIAL = 1 << 6;

class Shard {
  slots = new Uint32Array(INITIAL * WORDS);
  size = 0;
}

export class SeenIds {
  private shards = Array.from({ length: 1 << SHARD_BITS }, () => new Shard());

  /**
   * Remembers id with its text's hash (a hex digest, as contentHash gives) the first time; afterwards true when the
   * id comes back with another text. Two ids share a fingerprint once in about 10^19 pairs.
   */
  conflicts(id: string, textHash: string): boolean {
    // over the id's UTF-16 code units: as UTF-8 a lone surrogate would become U+FFFD and share a fingerprint with it
    const d = createHash('sha1').update(id, 'utf16le').digest();
    // word 0 is never 0: an empty slot is all zeros
    const a = (d.readUInt32LE(0) | 1) >>> 0;
    const b = d.readUInt32LE(4);
    const text = Number.parseInt(textHash.slice(-8), 16) >>> 0;
    const shard = this.shards[a >>> (32 - SHARD_BITS)]!;
    const { slots } = shard;
    const at = find(slots, a, b) * WORDS;
    if (slots[at] === a) return slots[at + 2] !== text;
    slots[at] = a;
    slots[at + 1] = b;
    slots[at + 2] = text;
    if (++shard.size * 4 > (slots.length / WORDS) * 3) grow(shard);
    return false;
  }
}

/** The slot holding (a, b), or the empty slot where it goes: linear probing from b's bits. */
function find(slots: Uint32Array, a: number, b: number): number {
  const mask = slots.length / WORDS - 1;
  for (let i = b & mask; ; i = (i + 1) & mask) {
    const at = i * WORDS;
    if (slots[at] === 0 || (slots[at] === a && slots[at + 1] === b)) return i;
  }
}

function grow(shard: Shard): void {
  const old = shard.slots;
  shard.slots = new Uint32Array(old.length * 2);
  for (let at = 0; at < old.length; at += WORDS) {
    if (old[at] === 0) continue;
    const to = find(shard.slots, old[at]!, old[at + 1]!) * WORDS;
    shard.slots.set(old.subarray(at, at + WORDS), to);
  }
}
