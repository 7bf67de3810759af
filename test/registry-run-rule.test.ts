import { describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';
import { propose } from '../src/core/extract.ts';
import { runRule } from '../src/core/registry.ts';
import type { Rule } from '../src/core/rule.ts';

const doc = analyse({ id: 'd', text: 'Acme Corp was hit by ransomware.' });
const evidence = [{ start: 0, end: 9, text: 'Acme Corp' }];
const rule = (id: string, fail: boolean): Rule =>
  ({
    id,
    field: 'victim',
    examples: [],
    counterExamples: [],
    *propose() {
      yield { value: `${id} one`, confidence: 0.5, evidence };
      if (fail) throw new Error('boom');
      yield { value: `${id} two`, confidence: 0.4, evidence, role: 'incident' };
    },
  }) as Rule;

describe('runRule and propose', () => {
  it('adds field and rule to each proposal, keeping its keys in order', () => {
    const [a, b] = runRule(rule('victim/good', false), doc);
    expect(Object.keys(a!)).toEqual(['value', 'confidence', 'evidence', 'field', 'rule']);
    expect(Object.keys(b!)).toEqual(['value', 'confidence', 'evidence', 'role', 'field', 'rule']);
    expect(b).toEqual({ value: 'victim/good two', confidence: 0.4, evidence, role: 'incident', field: 'victim', rule: 'victim/good' });
  });
  it('drops every candidate of a rule that throws, with a warning, and keeps the other rules', () => {
    const warnings: string[] = [];
    expect(runRule(rule('victim/bad', true), doc, warnings)).toEqual([]);
    expect(warnings).toEqual(['rule victim/bad failed: boom']);
    const all = propose([rule('victim/a', false), rule('victim/bad', true), rule('victim/b', false)], doc, warnings);
    expect(all.map((c) => c.value)).toEqual(['victim/a one', 'victim/a two', 'victim/b one', 'victim/b two']);
    expect(warnings).toHaveLength(2);
  });
});
