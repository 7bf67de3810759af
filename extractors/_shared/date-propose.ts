// The common body of the date rules: each picks the stated dates it trusts and gives them one confidence.
import type { AnalysedDoc } from '../../src/analyse/analyse.ts';
import type { Proposal } from '../../src/pipeline/rule.ts';
import { span } from '../../src/pipeline/rule.ts';
import { dateMentions, withYear, type DateMention } from './date-mentions.ts';

export function* proposeDates(doc: AnalysedDoc, accept: (m: DateMention) => boolean, confidence: number): Iterable<Proposal<'date'>> {
  for (const m of dateMentions(doc)) {
    if (!accept(m)) continue;
    const value = m.kind === 'relative' ? m.value : withYear(doc, m);
    if (!value) continue;
    yield { value, confidence, evidence: [span(doc.text, m.start, m.end)] };
  }
}
