// A keyed victim trigger (extractors/victim/lib/keyed.ts) is sought only near its key words; it must find exactly what
// the plain search finds, in the same order. Each one is held to `matches` over the fixtures, the rules' own examples
// and counter-examples, and those texts shouted, with the long s, with a dotted capital I, with stretched spaces and with
// a character outside the BMP (a surrogate pair, where no /u match starts) before every word.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';
import { normaliseText } from '../src/core/document.ts';
import { loadRules } from '../src/core/registry.ts';
import { matches } from '../src/core/rule.ts';
import { KEYED, keyedMatches } from '../extractors/victim/lib/keyed.ts';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));

describe('keyed victim triggers', async () => {
  const rules = (await loadRules()).filter((r) => r.id.startsWith('victim/'));
  const texts = [
    ...files(path.join(import.meta.dirname, '../fixtures')).map((f) => readFileSync(f, 'utf8')),
    ...rules.flatMap((r) => [...r.examples.map((e) => e.text), ...r.counterExamples.map((c) => (typeof c === 'string' ? c : c.text))]),
  ];
  const variants = texts.flatMap((t) => [t, t.toUpperCase(), t.replace(/s/g, 'ſ'), t.replace(/i/g, 'İ'), t.replace(/ /g, ' \n  '), t.replace(/ /g, ' 🔒')]);
  const found = (it: Iterable<RegExpExecArray>) => [...it].map((m) => [m.index, ...m]);

  it('has triggers to check', () => expect(KEYED.length).toBeGreaterThan(0));
  for (const { trigger, key } of KEYED) {
    it(`/${trigger.source.slice(0, 60)}…/ finds what the plain search finds`, () => {
      for (const text of variants) {
        const doc = analyse({ id: 'keyed', text: normaliseText(text) });
        expect(found(keyedMatches(trigger, key, doc))).toEqual(found(matches(trigger, doc.text)));
      }
    });
  }
});
