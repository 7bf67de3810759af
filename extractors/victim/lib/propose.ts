// Shared scanning for victim rules: a trigger regex over the whole text, and the name just after it
// (the object: "attack on X") or just before it (the subject: "X was hit by").
import type { AnalysedDoc } from '../../../src/core/analyse/analyse.ts';
import type { Proposal } from '../../../src/core/rule.ts';
import { nameAt, nameBefore } from './names.ts';
import { nameSpan, type VictimName } from './name-shape.ts';
import { fullName } from './complete.ts';

export type Check = (name: VictimName, doc: AnalysedDoc, trigger: RegExpExecArray) => boolean;
const always: Check = () => true;

/** The name that starts where `trigger` ends ("cyberattack against ▸Stadtwerke Bochum"). */
export function* objectsOf(doc: AnalysedDoc, trigger: RegExp, confidence: number, ok: Check = always): Generator<Proposal<'victim'>> {
  trigger.lastIndex = 0;
  for (let m = trigger.exec(doc.text); m; m = trigger.exec(doc.text)) {
    const found = nameAt(doc.text, m.index + m[0].length);
    const name = found && ok(found, doc, m) ? fullName(doc.text, found) : null;
    if (name) yield { value: name.value, confidence, evidence: [nameSpan(doc.text, name)] };
  }
}

/** The name that ends where `trigger` starts ("Stadtwerke Bochum◂ was hit by"). */
export function* subjectsOf(doc: AnalysedDoc, trigger: RegExp, confidence: number, ok: Check = always): Generator<Proposal<'victim'>> {
  trigger.lastIndex = 0;
  for (let m = trigger.exec(doc.text); m; m = trigger.exec(doc.text)) {
    const found = nameBefore(doc.text, m.index);
    const name = found && ok(found, doc, m) ? fullName(doc.text, found) : null;
    if (name) yield { value: name.value, confidence, evidence: [nameSpan(doc.text, name)] };
  }
}
