// Tables the rules read that are computed from the packages and word lists (country names, origin places): the build
// computes each once and writes it as JSON beside its compiled module (scripts/build-assets.mjs), so a start parses the
// table instead of computing it in code that runs once, cold; from the sources each is computed at load. Same entries,
// same order, either way (test/built-tables.test.ts).
import { existsSync, readFileSync } from 'node:fs';

/** A table the build writes beside `moduleUrl` (its module's import.meta.url) as `<module>.table.json`. */
export interface BuiltTable<T> {
  readonly file: URL;
  readonly compute: () => T;
  /** The build's copy when there is one, else computed. */
  readonly value: T;
}

/** The table of the module at `moduleUrl`: read from the build's JSON beside it, or computed from the sources. */
export function builtTable<T>(moduleUrl: string, compute: () => T): BuiltTable<T> {
  const file = new URL(moduleUrl.replace(/\.[jt]s$/, '.table.json'));
  const value = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : compute();
  return { file, compute, value };
}
