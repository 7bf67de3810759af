// Shared scanning for victim rules: a trigger regex over the whole text, and the name just after it
// (the object: "attack on X") or just before it (the subject: "X was hit by").
import { matches, type AnalysedDoc, type Proposal } from '../../_shared/kit.ts';
import { forText } from '../../_shared/one-byte.ts';
import { nameAt, nameBefore } from './names.ts';
import { nameSpan, type VictimName } from './name-shape.ts';
import { fullName } from './complete.ts';
import { keyedMatches, type Keyed } from './keyed.ts';

// a trigger with key words is sought only near them (keyed.ts); one with \p{…} classes, written over U+0000-U+00FF in a
// text of one byte a character (one-byte.ts forText)
const triggers = (doc: AnalysedDoc, trigger: RegExp | Keyed): IterableIterator<RegExpExecArray> =>
  trigger instanceof RegExp ? matches(forText(trigger, doc.text), doc.text) : keyedMatches(trigger.trigger, trigger.key, doc);

export type Check = (name: VictimName, doc: AnalysedDoc, trigger: RegExpExecArray) => boolean;
const always: Check = () => true;

// (the proposals as an array, and the triggers walked by their next(): V8 compiles a generator's suspend and resume points,
// and a for-of's closing of its iterator, too, and took several times as long over these two)
/** The name that starts where `trigger` ends ("cyberattack against ▸Stadtwerke Bochum"). */
export function objectsOf(doc: AnalysedDoc, trigger: RegExp | Keyed, confidence: number, ok: Check = always): Proposal<'victim'>[] {
  const out: Proposal<'victim'>[] = [];
  const found = triggers(doc, trigger);
  for (let r = found.next(); !r.done; r = found.next()) {
    const m = r.value;
    const at = nameAt(doc, m.index + m[0].length);
    const name = at && ok(at, doc, m) ? fullName(doc, at) : null;
    if (name) out.push({ value: name.value, confidence, evidence: [nameSpan(doc.text, name)] });
  }
  return out;
}

/**
 * The name that ends where `trigger` starts ("Stadtwerke Bochum◂ was hit by"). `near`, when given, is asked first about
 * the trigger alone: a check that needs no name spares the search for one.
 */
export function subjectsOf(
  doc: AnalysedDoc,
  trigger: RegExp | Keyed,
  confidence: number,
  ok: Check = always,
  near?: (doc: AnalysedDoc, trigger: RegExpExecArray) => boolean,
): Proposal<'victim'>[] {
  const out: Proposal<'victim'>[] = [];
  const found = triggers(doc, trigger);
  for (let r = found.next(); !r.done; r = found.next()) {
    const m = r.value;
    if (near && !near(doc, m)) continue;
    const before = nameBefore(doc, m.index);
    const name = before && ok(before, doc, m) ? fullName(doc, before) : null;
    if (name) out.push({ value: name.value, confidence, evidence: [nameSpan(doc.text, name)] });
  }
  return out;
}
