// "On May 22, 2017, the clinic learned that its office was burglarized."  (the report opens with its date)
import { defineRule, span } from '../_shared/kit.ts';
import { dateMentions, withYear } from './lib/mentions.ts';
import { roleOf } from './lib/propose.ts';
import { tellsOfIncident } from './lib/context.ts';

// Reports state the incident, or the day it came to light, before its aftermath (notices, arrests, lawsuits);
// a date that opens the report and is not an announcement is right far more often than later ones.
const OPENING_DATE = 0.8;

export default defineRule({
  field: 'date',
  examples: [
    { text: 'On June 27, 2016 we learned that contact sheets were stolen. The investigation found access began in March 2016.', value: '2016-06-27' },
    { text: 'On November 20, 2014, it was discovered that patient data was breached. Letters were sent on December 15, 2014.', value: '2014-11-20' },
    { text: 'On June 13, 2016, VAPC learned that a third party may have gained unauthorized access to its systems on March 30, 2016.', value: '2016-03-30' },
    // the learning verb still governs the second date: what was learned happened then
    { text: 'On May 9, 2019, the clinic learned that two nurses had answered a March 28, 2019, phishing email.', value: '2019-03-28' },
    { text: 'Laptop with patient records stolen from a car, October 11, 2012. The thief was arrested in 2013.', value: '2012-10-11' },
  ],
  counterExamples: [
    'The company was founded in March 1998. Hackers later stole data.',
    'In July 2014, the company confirmed that hackers stole data in April.',
    'NIS2: what changes for mid-sized companies from October 2024. Firms must report serious incidents.',
  ],
  *propose(doc) {
    const all = dateMentions(doc);
    let first = all.find((m) => m.context !== 'excluded');
    if (!first || first.kind !== 'explicit') return;
    // "On June 13 we learned that a third party gained access on March 30": what was learned is the incident
    const learned =
      first.context === 'discovery' &&
      all.find(
        (m) => m.sentence === first!.sentence && m.start > first!.end && m.kind === 'explicit' && (m.context === 'incident' || m.context === 'discovery'),
      );
    if (learned) first = learned;
    if (first.context === 'disclosure' || first.context === 'report' || (first.context === 'neutral' && !tellsOfIncident(doc))) return;
    const value = withYear(doc, first);
    // what was learned is the incident, whatever verb stands nearer to its date
    if (value) yield { value, confidence: OPENING_DATE, evidence: [span(doc.text, first.start, first.end)], role: learned ? 'incident' : roleOf(first) };
  },
});
