// Expands the paths given on the command line into the input files, in a stable order.
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { errMessage, formatOf, type FileFormat } from './files.ts';
import type { ReadStats } from './types.ts';

export type Source =
  | { kind: 'file'; path: string; format: FileFormat; size: number }
  | { kind: 'stdin' }
  | { kind: 'unreadable'; path: string; message: string };

// Hidden files, installed packages and fixture expectations are never inputs.
const ignored = (name: string) => name.startsWith('.') || name === 'node_modules' || /\.expected\.json$/i.test(name);

export async function expand(paths: string[], stats: ReadStats): Promise<Source[]> {
  const out: Source[] = [];
  const seenDirs = new Set<string>();
  const skip = (p: string) => {
    stats.skipped++;
    stats.skippedFiles.push(p);
  };

  async function visit(p: string, explicit: boolean): Promise<void> {
    let st;
    try {
      st = await stat(p);
    } catch (err) {
      out.push({ kind: 'unreadable', path: p, message: `cannot open the path: ${errMessage(err)}` });
      return;
    }
    if (st.isDirectory()) {
      let names: string[];
      try {
        const real = await realpath(p);
        if (seenDirs.has(real)) return;
        seenDirs.add(real);
        names = (await readdir(p)).filter((n) => !ignored(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      } catch (err) {
        out.push({ kind: 'unreadable', path: p, message: `cannot list the directory: ${errMessage(err)}` });
        return;
      }
      for (const name of names) await visit(path.join(p, name), false);
      return;
    }
    const format = formatOf(p);
    if (!st.isFile() || !format) {
      if (explicit || st.isFile()) skip(p);
      return;
    }
    out.push({ kind: 'file', path: p, format, size: st.size });
  }

  for (const p of paths) {
    if (p === '-') out.push({ kind: 'stdin' });
    else await visit(p, true);
  }
  return out;
}
