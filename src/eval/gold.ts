// Reads a gold corpus (shared/corpus format) and turns its lines into raw documents.
import { readFileSync } from 'node:fs';
import type { RawDocument } from '../core/document.ts';
import type { GoldLine } from './score.ts';

/** The lines of a JSONL file, parsed; a broken line is an error naming the file and line. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, n) => {
      try {
        return JSON.parse(l) as T;
      } catch (e) {
        throw new Error(`${path}:${n + 1}: ${(e as Error).message}`);
      }
    });
}

export function readGold(path: string): GoldLine[] {
  return readJsonl<GoldLine>(path);
}

export function goldToRaw(g: GoldLine): RawDocument {
  return {
    id: String(g.id),
    text: g.text,
    ...(g.meta?.title ? { title: g.meta.title } : {}),
    ...(g.meta?.published ? { publishedAt: String(g.meta.published) } : {}),
  };
}
