// The two halves of a corpus, split by a hash of each document's id: a change to the rules or to calibration
// is judged on both halves (and calibration is fitted on one half and scored on the other), so that a change
// tuned to a handful of documents shows up as helping one half only.
import { createHash } from 'node:crypto';

export type Half = 'A' | 'B';

/**
 * Stable across runs and machines: the first byte of the id's SHA-256 decides the half. A salt gives another split
 * of the same documents (`npm run calibrate -- --splits N`: is a figure of the split or of the method?).
 */
export function halfOf(id: string, salt = ''): Half {
  const first = createHash('sha256')
    .update(salt ? `${salt}\u0000${id}` : id)
    .digest()[0]!;
  return (first & 1) === 0 ? 'A' : 'B';
}

export function splitByHalf<T extends { id: string }>(items: readonly T[]): Record<Half, T[]> {
  const out: Record<Half, T[]> = { A: [], B: [] };
  for (const it of items) out[halfOf(String(it.id))].push(it);
  return out;
}
