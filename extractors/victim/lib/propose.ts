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
const triggers = (doc: AnalysedDoc, trigger: RegExp | Keyed) =>
  trigger instanceof RegExp ? matches(forText(trigger, doc.text), doc.text) : keyedMatches(trigger.trigger, trigger.key, doc);

export type Check = (name: VictimName, doc: AnalysedDoc, trigger: RegExpExecArray) => boolean;
const always: Check = () => true;

/** The name that starts where `trigger` ends ("cyberattack against ▸Stadtwerke Bochum"). */
export function* objectsOf(doc: AnalysedDoc, trigger: RegExp | Keyed, confidence: number, ok: Check = always): Generator<Proposal<'victim'>> {
  for (const m of triggers(doc, trigger)) {
    const found = nameAt(doc, m.index + m[0].length);
    const name = found && ok(found, doc, m) ? fullName(doc, found) : null;
    if (name) yield { value: name.value, confidence, evidence: [nameSpan(doc.text, name)] };
  }
}

/**
 * The name that ends where `trigger` starts ("Stadtwerke Bochum◂ was hit by"). `near`, when given, is asked first about
 * the trigger alone: a check that needs no name spares the search for one.
 */
export function* subjectsOf(
  doc: AnalysedDoc,
  trigger: RegExp | Keyed,
  confidence: number,
  ok: Check = always,
  near?: (doc: AnalysedDoc, trigger: RegExpExecArray) => boolean,
): Generator<Proposal<'victim'>> {
  for (const m of triggers(doc, trigger)) {
    if (near && !near(doc, m)) continue;
    const found = nameBefore(doc, m.index);
    const name = found && ok(found, doc, m) ? fullName(doc, found) : null;
    if (name) yield { value: name.value, confidence, evidence: [nameSpan(doc.text, name)] };
  }
}
