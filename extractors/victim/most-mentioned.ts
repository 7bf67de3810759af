// "Tufts Health Plan warned subscribers … Tufts Health Plan said the theft included names …"
import { defineRule } from '../_shared/kit.ts';
import { isOrgLike, nameSpan, type VictimName } from './lib/name-shape.ts';
import { namesWithSpaceOrOrgNoun } from './lib/space-or-org.ts';
import { inIncidentSentence } from './lib/context.ts';
import { fullName } from './lib/complete.ts';
import { wordMemo } from './lib/cache.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const NOT_WORD_CHARS = /[^\p{L}\p{N}]+/gu;

// A report keeps returning to the organisation it is about; vendors, outlets and regulators are named
// once. Counting repeated organisation names is a guess independent of any one sentence's grammar.
const REPEATED = 0.5; // named at least twice, more than any other organisation
const MIN_MENTIONS = 2;
const WINDOW = 6000; // enough for a write-up; full articles repeat their subject early

const key = (v: string) => v.toLowerCase().replace(NOT_WORD_CHARS, ' ').trim();
const keyMemo = wordMemo<string>();
const keyOf = (v: string) => keyMemo(v, () => key(v));

interface Mentioned {
  first: VictimName;
  n: number;
  mentions: VictimName[];
}

export default defineRule({
  field: 'victim',
  examples: [
    {
      text: 'Tufts Health Plan warned subscribers that data was stolen. Police were called. Tufts Health Plan said letters were sent.',
      value: 'Tufts Health Plan',
    },
    {
      text: 'A laptop of Stadtwerke Bochum was stolen. The theft was reported to Bochum Police Department. Stadtwerke Bochum said it was encrypted.',
      value: 'Stadtwerke Bochum',
    },
    // the short form defined in brackets stands for the full name
    {
      text:
        'Allergy Associates of Hartford, P.C. (Allergy Associates) agreed to pay a fine. Allergy Associates said a doctor disclosed patient data. Allergy ' +
        'Associates will train staff.',
      value: 'Allergy Associates of Hartford',
    },
  ],
  counterExamples: [
    'Mandiant said the attack hit a hospital. Mandiant said more would follow.',
    'A hospital employee said patient files were taken home.',
    'Stay ahead of threats with Sentry Shield XDR. Sentry Shield XDR gives your team one view:\n- Containment that isolates compromised servers.',
  ],
  *propose(doc) {
    const seen = new Map<string, Mentioned>();
    // (the entries in the order the map holds them, read by index: a loop over the map's values compiles dearer)
    const entries: Mentioned[] = [];
    // (only names with white space or an organisation noun count: the one-word runs that can clean to neither are not cleaned)
    // (walked by next(): a for-of's closing of its iterator compiles dearer)
    const names = namesWithSpaceOrOrgNoun(doc, Math.min(doc.text.length, WINDOW));
    for (let r = names.next(); !r.done; r = names.next()) {
      const name = r.value;
      if (!/\s/.test(name.value) && !isOrgLike(name.value)) continue;
      const k = keyOf(name.value);
      const e = seen.get(k);
      if (e) {
        e.n++;
        e.mentions.push(name);
      } else {
        const m: Mentioned = { first: name, n: 1, mentions: [name] };
        seen.set(k, m);
        entries.push(m);
      }
    }
    // the most mentioned, the first named of them; none when another is mentioned as often
    let best: Mentioned | undefined;
    let tied = false;
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      if (best && e.n === best.n) tied = true;
      else if (!best || e.n > best.n) {
        best = e;
        tied = false;
      }
    }
    if (!best || best.n < MIN_MENTIONS || tied) return;
    // a museum or a product named over and over is no victim unless one mention's own sentence is incident talk:
    // a sales pitch puts the product next to a list of the threats it stops ("isolates compromised servers")
    // (asked of the winner's mentions only: the other names' sentences need not be read)
    if (!best.mentions.some((m) => inIncidentSentence(doc, m.start))) return;
    const full = fullName(doc, best.first);
    yield { value: full.value, confidence: REPEATED, evidence: [nameSpan(doc.text, full)] };
  },
});
