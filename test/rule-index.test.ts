// The generated rule index must name every rule file: a rule added without running the generator would
// silently never run (the compiled package has no directory walk to find it).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDEX_FILE, renderIndex, ruleIds } from '../scripts/gen-rule-index.ts';
import { loadRules } from '../src/core/registry.ts';

describe('extractors/index.ts', () => {
  it('imports every rule file under extractors/ (npm run rules:index rewrites it)', () => {
    const indexed = [...readFileSync(INDEX_FILE, 'utf8').matchAll(/^ {2}\['([^']+)', r\d+\],$/gm)].map((m) => m[1]);
    const missing = ruleIds().filter((id) => !indexed.includes(id));
    expect(missing, 'rule files the index lacks').toEqual([]);
    expect(readFileSync(INDEX_FILE, 'utf8')).toBe(renderIndex(ruleIds()));
  });

  it('skips helpers and word lists, and every indexed rule loads under its field', async () => {
    const ids = ruleIds();
    expect(ids.some((id) => /(^|\/)(_shared|lib|lexicon)\//.test(id))).toBe(false);
    const rules = await loadRules();
    expect(rules.map((r) => r.id)).toEqual(ids);
    for (const r of rules) expect(r.id.startsWith(`${r.field}/`)).toBe(true);
  });
});
