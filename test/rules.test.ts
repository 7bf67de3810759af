// Every rule under extractors/ ships examples and counter-examples; this one test runs them all,
// so a rule cannot land untested.
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';
import { loadRules, runRule } from '../src/core/registry.ts';

const rules = await loadRules();

describe('rules', () => {
  it('are found under extractors/', () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      it('declares at least one example and one counter-example', () => {
        expect(rule.examples.length).toBeGreaterThan(0);
        expect(rule.counterExamples.length).toBeGreaterThan(0);
      });
      for (const ex of rule.examples) {
        it(`finds ${JSON.stringify(ex.value)} in ${JSON.stringify(ex.text.slice(0, 80))}`, () => {
          const doc = analyse({ id: 'example', text: ex.text, publishedAt: ex.publishedAt });
          const warnings: string[] = [];
          const cands = runRule(rule, doc, warnings).sort((a, b) => b.confidence - a.confidence);
          expect(warnings).toEqual([]);
          expect(cands[0]?.value).toEqual(ex.value);
          for (const c of cands) {
            expect(c.confidence).toBeGreaterThan(0);
            expect(c.confidence).toBeLessThanOrEqual(1);
            for (const e of c.evidence) expect(ex.text.slice(e.start, e.end)).toBe(e.text);
          }
        });
      }
      for (const cx of rule.counterExamples) {
        const c = typeof cx === 'string' ? { text: cx } : cx;
        it(`finds nothing in ${JSON.stringify(c.text.slice(0, 80))}`, () => {
          const doc = analyse({ id: 'counter', text: c.text, publishedAt: c.publishedAt });
          expect(runRule(rule, doc).map((x) => x.value)).toEqual([]);
        });
      }
    });
  }
});
