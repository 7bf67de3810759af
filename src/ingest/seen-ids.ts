// The ids a run has read, each with a fingerprint of its first text: a later document under the same id with
// another text is a duplicate-id dead letter. The only state a run keeps per document, so it is kept small:
// one open-addressing table of 12-byte slots (a 64-bit fingerprint of the id, 32 bits of the text's hash), 16 to
// 32 bytes an id, instead of a Map of strings (about 110 bytes an id). A stream of short documents (1.5 million
// in a gigabyte) costs about 25 MB here.
import { createHash } from 'node:crypto';

const WORDS = 3;
const INITIAL = 1 << 12;

export class SeenIds {
  private slots = new Uint32Array(INITIAL * WORDS);
  private size = 0;

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
    const slot = this.find(a, b);
    const at = slot * WORDS;
    if (this.slots[at] === a) return this.slots[at + 2] !== text;
    this.slots[at] = a;
    this.slots[at + 1] = b;
    this.slots[at + 2] = text;
    if (++this.size * 4 > this.capacity * 3) this.grow();
    return false;
  }

  private get capacity(): number {
    return this.slots.length / WORDS;
  }

  /** The slot holding (a, b), or the empty slot where it goes: linear probing from b's bits. */
  private find(a: number, b: number): number {
    const mask = this.capacity - 1;
    for (let i = b & mask; ; i = (i + 1) & mask) {
      const at = i * WORDS;
      if (this.slots[at] === 0 || (this.slots[at] === a && this.slots[at + 1] === b)) return i;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    for (let at = 0; at < old.length; at += WORDS) {
      if (old[at] === 0) continue;
      const to = this.find(old[at]!, old[at + 1]!) * WORDS;
      this.slots.set(old.subarray(at, at + WORDS), to);
    }
  }
}
