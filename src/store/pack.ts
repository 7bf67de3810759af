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
const dictionaries = new Map<PackedKind, Buffer>();
const dictionary = (kind: PackedKind): Buffer => {
  let d = dictionaries.get(kind);
  if (!d) dictionaries.set(kind, (d = readFileSync(new URL(`./dictionaries/${kind}-1.dict`, import.meta.url))));
  return d;
};

function pack(kind: PackedKind, s: string): Buffer {
  const body = deflateRawSync(s, { dictionary: dictionary(kind) });
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = DICTIONARY_1;
  body.copy(out, 1);
  return out;
}

export function unpack(kind: PackedKind, v: unknown): string {
  if (!(v instanceof Uint8Array)) return String(v);
  if (v[0] === DICTIONARY_1) return inflateRawSync(v.subarray(1), { dictionary: dictionary(kind) }).toString('utf8');
  return inflateRawSync(v).toString('utf8');
}

/** What a column of this kind is written as: packed in SQLite, the string itself in PostgreSQL. */
export const packerFor =
  (dialect: string) =>
  (kind: PackedKind, s: string): Param =>
    dialect === 'sqlite' ? pack(kind, s) : s;
