// The single entry point of ingestion: paths (files, directories, '-') → raw documents or dead letters.
// Bad input is normal input: every file, line or object ends as exactly one item, never as an exception.
import { dead } from './detect.ts';
import { errMessage, readWholeFile } from './files.ts';
import { readJsonlFile } from './jsonl.ts';
import { readStdin } from './stdin.ts';
import { DEFAULT_MAX_BYTES, newStats, type IngestItem, type ReadOptions } from './types.ts';
import { expand } from './walk.ts';

export { newStats };
export type { IngestItem, ReadOptions, ReadPlan, ReadStats } from './types.ts';

export async function* readInputs(paths: string[], opts: ReadOptions = {}): AsyncGenerator<IngestItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const stats = opts.stats ?? newStats();
  const onBytes = (n: number) => {
    stats.bytesRead += n;
    opts.onBytes?.(n);
  };
  const sources = await expand(paths, stats);
  stats.files += sources.filter((s) => s.kind !== 'unreadable').length;
  const hasStdin = sources.some((s) => s.kind === 'stdin');
  const oneDocEach = sources.every((s) => s.kind === 'unreadable' || (s.kind === 'file' && s.format !== 'json' && s.format !== 'jsonl'));
  opts.onPlan?.({
    files: stats.files,
    bytes: hasStdin ? null : sources.reduce((sum, s) => sum + (s.kind === 'file' ? s.size : 0), 0),
    docs: oneDocEach ? sources.length : null,
  });

  for (const src of sources) {
    if (src.kind === 'unreadable') {
      yield dead(src.path, 'unreadable', src.message);
    } else if (src.kind === 'stdin') {
      yield* readStdin(opts.stdin ?? process.stdin, maxBytes, onBytes);
    } else if (src.format === 'jsonl') {
      yield* guardStream(readJsonlFile(src.path, maxBytes, onBytes), src.path);
    } else {
      yield* readWholeFile(src.path, src.format, maxBytes, onBytes);
    }
  }
}

/** A stream that fails midway (file removed, permission lost, I/O error) ends with an unreadable dead letter. */
async function* guardStream(items: AsyncGenerator<IngestItem>, path: string): AsyncGenerator<IngestItem> {
  try {
    yield* items;
  } catch (err) {
    yield dead(path, 'unreadable', `reading stopped: ${errMessage(err)}`);
  }
}
