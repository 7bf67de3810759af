// How the SQLite store keeps its large values: deflated with a preset dictionary of the same kind of content
// (src/store/dictionaries, made from the project's example articles by scripts/store-dictionaries.ts), behind one
// tag byte. A short document or record deflated alone barely halves; with the dictionary a record takes about a
// third of that. Values written before are read as they are: plain TEXT, or a BLOB deflated without dictionary.
// PostgreSQL compresses large values itself (TOAST) and keeps plain text.
import { readFileSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Param } from './db.ts';

export type PackedKind = 'text' | 'record' | 'incident';

// A raw deflate stream never starts with block type 3 (bits 1–2 set): this byte cannot begin an older BLOB.
const DICTIONARY_1 = 0x0e;
/** The tag of a reference into a block of values (blocks.ts). */
export const BLOCK_REF = 0x0f;
const dictionaries = new Map<PackedKind, Buffer>();
const dictionary = (kind: PackedKind): Buffer => {
  let d = dictionaries.get(kind);
  if (!d) dictionaries.set(kind, (d = readFileSync(new URL(`./dictionaries/${kind}-1.dict`, import.meta.url))));
  return d;
};

/**
 * zlib's level for each kind (reading does not depend on it). Measured on 32 KB blocks of the stream bench's texts
 * and records (CPU to deflate them, size against level 6): texts at 4 took 0.59× the CPU for +2.6 % of their size,
 * records at 3 take 0.45× for +14 % (level 3 packs these records tighter than 4 does). Texts at 2 (zlib's fast
 * matcher, no lazy matches) take ~0.75× level 4's CPU for +5 % of their size (0.398 against 0.379 of the text): the
 * store's file grows by ~1.8 % of the input (0.94× → ~0.96× on the 64 MB stream, within its 1× target).
 */
const LEVEL: Record<PackedKind, number> = { text: 2, record: 3, incident: 6 };

/** The bytes deflated with the dictionary of their kind, behind its tag byte (a value alone, or a block: blocks.ts). */
export function deflateWith(kind: PackedKind, bytes: string | Buffer): Buffer {
  const body = deflateRawSync(bytes, { dictionary: dictionary(kind), level: LEVEL[kind] });
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = DICTIONARY_1;
  body.copy(out, 1);
  return out;
}

export function inflateWith(kind: PackedKind, v: Uint8Array): Buffer {
  if (v[0] === DICTIONARY_1) return inflateRawSync(v.subarray(1), { dictionary: dictionary(kind) });
  return inflateRawSync(v);
}

/** A value packed alone, or plain, as it was written; a reference into a block is read by blocks.ts's readValues. */
export function unpack(kind: PackedKind, v: unknown): string {
  if (!(v instanceof Uint8Array)) return String(v);
  if (v[0] === BLOCK_REF) throw new Error(`a ${kind} kept in a block read as a value of its own`);
  return inflateWith(kind, v).toString('utf8');
}

/** What a column of this kind is written as: packed in SQLite, the string itself in PostgreSQL. */
export const packerFor =
  (dialect: string) =>
  (kind: PackedKind, s: string): Param =>
    dialect === 'sqlite' ? deflateWith(kind, s) : s;
