// Every victim-name clean step (extractors/victim/lib/clean/) ships examples and counter-examples; this one test
// applies each step alone to the bracketed run of each, so a step cannot land untested.
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';
import { REJECTS } from '../extractors/victim/lib/clean/rejects.ts';
import type { Named, Run } from '../extractors/victim/lib/clean/step.ts';
import { TRIMS } from '../extractors/victim/lib/clean/trims.ts';

/** The text without its brackets, and the bracketed run's offsets in it. */
function marked(withBrackets: string): { text: string; start: number; end: number } {
  const start = withBrackets.indexOf('[');
  const end = withBrackets.indexOf(']') - 1;
  if (start < 0 || end < start) throw new Error(`no [run] in ${JSON.stringify(withBrackets)}`);
  return { text: withBrackets.replace('[', '').replace(']', ''), start, end };
}

function trimmed(step: (typeof TRIMS)[number], example: string): string | null {
  const { text, start, end } = marked(example);
  const run: Run = { doc: analyse({ id: 'example', text }), text, s: start, e: end, incorporated: false, kindTaken: false };
  return step.trim(run) === false ? null : text.slice(run.s, run.e);
}

function rejected(step: (typeof REJECTS)[number], example: string): boolean {
  const { text, start, end } = marked(example);
  const value = text.slice(start, end);
  const named: Named = { doc: analyse({ id: 'example', text }), text, s: start, e: end, value, words: value.toLowerCase().split(/\s+/), incorporated: false };
  return step.rejects(named);
}

describe('victim clean steps', () => {
  it('have distinct names', () => {
    const names = [...TRIMS, ...REJECTS].map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  for (const step of TRIMS) {
    describe(`trim: ${step.name}`, () => {
      it('declares at least one example and one counter-example', () => {
        expect(step.examples.length).toBeGreaterThan(0);
        expect(step.counterExamples.length).toBeGreaterThan(0);
      });
      for (const ex of step.examples) {
        it(`makes ${JSON.stringify(ex.value)} of ${JSON.stringify(ex.run)}`, () => expect(trimmed(step, ex.run)).toBe(ex.value));
      }
      for (const cx of step.counterExamples) {
        it(`leaves ${JSON.stringify(cx)} alone`, () => expect(trimmed(step, cx)).toBe(marked(cx).text.slice(marked(cx).start, marked(cx).end)));
      }
    });
  }

  for (const step of REJECTS) {
    describe(`reject: ${step.name}`, () => {
      it('declares at least one example and one counter-example', () => {
        expect(step.examples.length).toBeGreaterThan(0);
        expect(step.counterExamples.length).toBeGreaterThan(0);
        for (const ex of step.examples) expect(ex.value).toBeNull();
      });
      for (const ex of step.examples) it(`rejects ${JSON.stringify(ex.run)}`, () => expect(rejected(step, ex.run)).toBe(true));
      for (const cx of step.counterExamples) it(`keeps ${JSON.stringify(cx)}`, () => expect(rejected(step, cx)).toBe(false));
    });
  }
});
