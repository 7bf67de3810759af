// No source line over 160 characters anywhere in the repository's code (word lists and other data files excepted):
// long patterns are built from arrays or String.raw pieces, long messages are joined from parts.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/eval/paths.ts';

const MAX = 160;

describe('source lines', () => {
  it(`none is longer than ${MAX} characters`, () => {
    const files = execFileSync('git', ['ls-files', '*.ts', '*.mjs', '*.js', '*.sh'], { cwd: REPO_ROOT, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(files.length).toBeGreaterThan(100);
    const long = files.flatMap((f) =>
      readFileSync(path.join(REPO_ROOT, f), 'utf8')
        .split('\n')
        .flatMap((line, i) => (line.length > MAX ? [`${f}:${i + 1} (${line.length})`] : [])),
    );
    expect(long).toEqual([]);
  });
});
