// How the SQLite store keeps a transaction's short texts and records: deflated together, one block a kind and a
// transaction (packed_blocks, migration 6), each row's column holding only where its value lies in the block. A
// short value deflated alone pays zlib's set-up for a few hundred bytes and finds repeats only in itself and the
// dictionary; some dozens of them in one stream cost a fraction of the CPU and take less room. A block counts the
// rows pointing into it (`live`) and goes when the last one is rewritten. Long values are still packed alone
// (pack.ts). Blocks are kept small (32 KB before deflating): readers page by document id, which need not follow
// the order documents were written in, so a page of 500 may touch 500 blocks; with 512 KB blocks, paging a store
// of 10,000 random ids cost as much as before but grew with the square of its size.
import type { Param, Queries } from './db.ts';
import { BLOCK_REF, deflateWith, inflateWith, type PackedKind } from './pack.ts';

/** Values longer than this (UTF-8 bytes) are packed alone; a block closes once it holds this many bytes. */
export const BLOCK_VALUE_MAX = 16 * 1024;
const BLOCK_MAX = 32 * 1024;

interface Ref {
  block: number;
  start: number;
  length: number;
}

/** Bytes of n as a varint (7 bits a byte, low first). */
const varintLength = (n: number): number => {
  let len = 1;
  for (; n >= 0x80; len++) n = Math.floor(n / 0x80);
  return len;
};

const writeVarint = (out: Buffer, at: number, n: number): number => {
  while (n >= 0x80) {
    out[at++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 0x80);
  }
  out[at++] = n;
  return at;
};

/** A reference as its bytes, written straight into one buffer (two of them a document: no array of bytes first). */
function encodeRef(block: number, start: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(1 + varintLength(block) + varintLength(start) + varintLength(length));
  out[0] = BLOCK_REF;
  writeVarint(out, writeVarint(out, writeVarint(out, 1, block), start), length);
  return out;
}

function decodeRef(v: unknown): Ref | null {
  if (!(v instanceof Uint8Array) || v[0] !== BLOCK_REF) return null;
  const n: number[] = [];
  let value = 0;
  let scale = 1;
  for (let i = 1; i < v.length; i++) {
    value += (v[i]! & 0x7f) * scale;
    scale *= 0x80;
    if (v[i]! < 0x80) {
      n.push(value);
      value = 0;
      scale = 1;
    }
  }
  if (n.length !== 3) throw new Error('a damaged block reference in the store');
  return { block: n[0]!, start: n[1]!, length: n[2]! };
}

/**
 * Writes the short ones of these values into blocks (one INSERT each) and returns what each row's column holds:
 * a reference for those, the long ones deflated alone.
 */
export async function writeBlocks(q: Queries, kind: PackedKind, values: readonly string[]): Promise<Param[]> {
  const out: Param[] = new Array(values.length);
  // the bytes of the block being filled, written in place value by value (no buffer a value, no copy to join them);
  // a block holds less than BLOCK_MAX + BLOCK_VALUE_MAX bytes. One a call: another store's write may run at an await.
  const scratch = Buffer.allocUnsafe(BLOCK_MAX + BLOCK_VALUE_MAX);
  // where each value of the block being filled lies: index, start and length, three numbers a value (no object each)
  let members: number[] = [];
  let size = 0;
  const close = async () => {
    if (!members.length) return;
    const [row] = await q.all('INSERT INTO packed_blocks (live, data) VALUES (?, ?) RETURNING id', [
      members.length / 3,
      deflateWith(kind, scratch.subarray(0, size)),
    ]);
    const block = Number(row!.id);
    for (let m = 0; m < members.length; m += 3) out[members[m]!] = encodeRef(block, members[m + 1]!, members[m + 2]!);
    members = [];
    size = 0;
  };
  for (let index = 0; index < values.length; index++) {
    const value = values[index]!;
    // a value of up to BLOCK_VALUE_MAX / 3 UTF-16 units is at most BLOCK_VALUE_MAX bytes of UTF-8 (3 a unit at most):
    // written without being measured first (a pass over each text and record fewer); the scratch has room for it
    if (value.length > BLOCK_VALUE_MAX / 3 && Buffer.byteLength(value, 'utf8') > BLOCK_VALUE_MAX) {
      out[index] = deflateWith(kind, value);
      continue;
    }
    const length = scratch.write(value, size, 'utf8');
    members.push(index, size, length);
    size += length;
    if (size >= BLOCK_MAX) await close();
  }
  await close();
  return out;
}

/** Rows rewritten or removed: the blocks their old values pointed into count them no more, and go when none is left. */
export async function releaseBlocks(q: Queries, oldValues: readonly unknown[]): Promise<void> {
  const counts = new Map<number, number>();
  for (const v of oldValues) {
    const ref = decodeRef(v);
    if (ref) counts.set(ref.block, (counts.get(ref.block) ?? 0) + 1);
  }
  for (const [block, n] of counts) {
    await q.run('UPDATE packed_blocks SET live = live - ? WHERE id = ?', [n, block]);
    await q.run('DELETE FROM packed_blocks WHERE id = ? AND live <= 0', [block]);
  }
}

/**
 * The last blocks inflated, so that reading documents or records one at a time in write order (rerun, the incidents'
 * rebuild, review) inflates each block once, not once a row. A block never changes and its id is never given
 * again (AUTOINCREMENT), so what is kept stays right whatever else writes to the store.
 */
export class BlockCache {
  private readonly blocks = new Map<string, Buffer>();
  constructor(private readonly size = 8) {}

  get(kind: PackedKind, id: number): Buffer | undefined {
    const k = `${kind}:${id}`;
    const b = this.blocks.get(k);
    if (b) {
      this.blocks.delete(k);
      this.blocks.set(k, b);
    }
    return b;
  }

  set(kind: PackedKind, id: number, block: Buffer): void {
    this.blocks.set(`${kind}:${id}`, block);
    if (this.blocks.size > this.size) this.blocks.delete(this.blocks.keys().next().value!);
  }
}

/**
 * The values of a page of rows, references resolved: each block they point into read and inflated once.
 * `unpack` reads a value that is not a reference (packed alone, or plain).
 */
export async function readValues(
  q: Queries,
  kind: PackedKind,
  values: readonly unknown[],
  unpack: (v: unknown) => string,
  cache: BlockCache,
): Promise<string[]> {
  const refs = values.map(decodeRef);
  const blocks = new Map<number, Buffer>();
  for (const r of refs) {
    const hit = r && !blocks.has(r.block) ? cache.get(kind, r.block) : undefined;
    if (hit) blocks.set(r!.block, hit);
  }
  const ids = [...new Set(refs.filter((r) => r != null && !blocks.has(r.block)).map((r) => r!.block))];
  for (let i = 0; i < ids.length; i += 500) {
    const page = ids.slice(i, i + 500);
    const rows = await q.all(`SELECT id, data FROM packed_blocks WHERE id IN (${page.map(() => '?').join(', ')})`, page);
    for (const r of rows) {
      const block = inflateWith(kind, r.data as Buffer);
      blocks.set(Number(r.id), block);
      cache.set(kind, Number(r.id), block);
    }
  }
  return values.map((v, i) => {
    const ref = refs[i];
    if (!ref) return unpack(v);
    const block = blocks.get(ref.block);
    if (!block) throw new Error(`the store lost block ${ref.block} that a ${kind} points into`);
    return block.toString('utf8', ref.start, ref.start + ref.length);
  });
}
