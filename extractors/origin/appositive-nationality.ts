// "the spyware, which researchers suspect comes from Acme Labs, an Israeli surveillance firm"
// The attack or its tool is tied to a named maker, and the article gives the maker's nationality in an apposition:
// the reported attribution is to that country, hedged or not (the guide counts hedged attributions).
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { places } from './lib/places.ts';
import { negated } from './lib/context.ts';
import { tellsOfIncident } from './lib/incident.ts';

// cue, named party, then ", a(n) [adjective]" right before the demonym
const BEFORE = new RegExp(
  String.raw`\b(?:com(?:es|ing)\s+from|came\s+from|originat(?:es|ed|ing)\s+(?:from|with)|(?:developed|made|built|written|created|sold|supplied` +
    String.raw`|deployed|operated|run|used)\s+by|(?:attributed|linked|tied|traced)\s+to|blamed\s+on|pinned\s+on)` +
    String.raw`\s+(?:the\s+)?(?:[A-Z][\w&.'’\x92-]*\s+){0,3}[A-Z][\w&.'’\x92-]*,\s+an?\s+(?:[\w-]+\s+)?$`,
  'u',
);
const APPOSITION = /,\s+an?\s/;
// the demonym qualifies a business or a group, not a place or a person
const AFTER = /^(?:[\s-]+[\w-]+){0,2}?[\s-]+(?:firm|company|vendor|group|outfit|contractor|maker|developer|start-?up|business|gang|hackers?)\b/i;
// what the cue must speak of: the attack or the attackers' tool, not a product the victim used
const ATTACK_BEFORE =
  /\b(?:spyware|malware|ransomware|trojan|backdoor|implant|exploit|tool(?:kit)?|attacks?|hack|intrusion|campaign|operation|phishing|surveillance)\b/i;
const APPOSITIVE = 0.7; // the maker's nationality, one step from the attack
const WINDOW = 160;

export default defineRule({
  field: 'origin',
  examples: [
    {
      text: 'The phones were infected in March. The spyware, which researchers suspect comes from Ardent Labs, an Israeli surveillance firm, was removed.',
      value: { country: 'IL', actor: null },
    },
    {
      text: 'The ministry was breached last year. The attack tool was built by Nordwind, a Russian contractor, officials said.',
      value: { country: 'RU', actor: null },
    },
  ],
  counterExamples: [
    'The breach was discovered by Redline Labs, an Israeli security firm, on Monday.',
    'The clinic was hacked in May. Its booking software was made by Helix, a Swedish company.',
    'The city was hit by ransomware. The attack was not linked to Vortex, a Russian group, investigators said.',
  ],
  *propose(doc) {
    if (!tellsOfIncident(doc)) return;
    for (const p of places(doc)) {
      if (p.kind !== 'demonym' || !p.exact) continue;
      const s = doc.sentenceAt(p.start);
      const from = Math.max(s?.start ?? 0, p.start - WINDOW);
      const before = doc.text.slice(from, p.start);
      // BEFORE ends in ", a(n) …": a window without that is not searched from every place
      const m = APPOSITION.test(before) ? firstMatch(BEFORE, before) : null;
      if (!m || !ATTACK_BEFORE.test(before.slice(0, m.index)) || !AFTER.test(doc.text.slice(p.end, p.end + 40))) continue;
      if (negated(doc, from + m.index, p.end)) continue;
      yield { value: { country: p.code, actor: null }, confidence: APPOSITIVE, evidence: [span(doc.text, from + m.index, p.end)] };
    }
  },
});
