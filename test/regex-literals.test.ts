// A regex literal with a Unicode property (\p{…}) stays at module level. esbuild, which both tsx (development, the
// benches) and the engine bundle go through, rewrote such a literal for a node20 target as `new RegExp(…)`, which a
// literal inside a function then re-created on every call (measured ~0.45 µs against 0.07 µs a test). The bundle
// now tells esbuild that Node 20 has the feature (scripts/bundle-engine.mjs); tsx cannot be told, so the literals move
// out of functions. The parse is TypeScript's own, so a literal is told from a division or a string by the grammar.
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { build, type BuildOptions } from 'esbuild';

const sources = execFileSync('git', ['ls-files', 'extractors/*.ts', 'src/*.ts', 'queues/*.ts'], { encoding: 'utf8' }).split('\n').filter(Boolean);

/** `file:line literal` for each \p{…} / \P{…} regex literal inside a function of `file`. */
function literalsInFunctions(file: string, code: string): string[] {
  const sf = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node, inFunction: boolean): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral && inFunction && /\\[pP]\{/.test(node.getText(sf))) {
      out.push(`${file}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1} ${node.getText(sf)}`);
    }
    const inner = inFunction || ts.isFunctionLike(node);
    ts.forEachChild(node, (c) => visit(c, inner));
  };
  visit(sf, false);
  return out;
}

describe('regex literals with \\p{…}', () => {
  it('finds a literal in a function and passes one at module level (the check itself)', () => {
    const found = literalsInFunctions('x.ts', 'const A = /\\p{L}/u;\nconst f = (s: string) => /\\p{Lu}/u.test(s) && A.test(s) && 4 / 2 > 1;');
    expect(found).toEqual(['x.ts:2 /\\p{Lu}/u']);
  });

  it('none of the sources keeps one inside a function', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect(sources.flatMap((f) => literalsInFunctions(f, readFileSync(f, 'utf8')))).toEqual([]);
  });

  it("the bundle's esbuild settings keep such a literal a literal", async () => {
    const options = new URL('../scripts/bundle-engine-options.mjs', import.meta.url).href;
    const { esbuildOptions } = (await import(options)) as { esbuildOptions: BuildOptions };
    const r = await build({ ...esbuildOptions, stdin: { contents: 'export const f = (s) => /\\p{L}/u.test(s);' }, write: false });
    expect(r.outputFiles[0]!.text).toContain('/\\p{L}/u.test(s)');
  });
});
