// "The Province de Namur was targeted by a cyberattack" / "Stadtwerke Bochum fell victim to ransomware"
import { defineRule } from '../_shared/kit.ts';
import { subjectsOf } from './lib/propose.ts';
import { nameAfter } from './lib/name-end.ts';
import { keyed } from './lib/keyed.ts';

// a passive harm verb, or "fell victim", right after the subject names who suffered the attack
// a name ends where the phrase starts, so the phrase never starts inside a word ("This was hit by" is no "Th")
// the harm itself: a passive verb with its agent, "victim of", or "suffered a … attack"
const HARM =
  String.raw`(?:(?:hit|struck|targeted|breached|hacked|attacked|compromised|infected|affected|impacted|disrupted|crippled|paralys[ei]d|paralyz?ed` +
  String.raw`|knocked\s+offline|taken\s+offline|defaced)\s+(?:by|in|with|during|after)\b|(?:the\s+)?(?:latest\s+)?(?:victim|target)\s+of\b|fell\s+victim\b` +
  String.raw`|falls\s+victim\b|(?:suffered|suffers|experienced|experiences|sustained|detected|discovered|reported|disclosed|confirmed|admitted)\s+(?:a` +
  String.raw`|an)\s+(?:[\w-]+\s+){0,3}?(?:cyber[\s-]?attack|attack|breach|hack|intrusion|ransomware|security\s+(?:incident|breach|event)|cyber\s+incident` +
  String.raw`|data\s+(?:breach|leak)|DDoS))`;
const HARMED = new RegExp(
  String.raw`(?:(?<![\p{L}\p{M}\d])|(?![\p{L}\p{M}\d]))\s*(?:\([^)\n]{1,40}\)\s*)?,?\s*(?:(?:has|have|had)\s+)?(?:(?:was|were|is|are` +
    String.raw`|has\s+been|have\s+been|had\s+been|got|gets|may\s+have\s+been|reportedly|allegedly|recently)\s+){0,2}${HARM}`,
  'giu',
);
// every match holds a bracket or the harm, after at most 8 pieces ("," "has" "may have been" twice)
const HARMED_KEYED = keyed(HARMED, { words: new RegExp(String.raw`\(|${HARM.toLowerCase()}`, 'g'), pieces: 9 });
const HIT_BY = 0.8; // the grammatical patient of an attack

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Yesterday the Province de Namur was targeted by a cyberattack, with five servers compromised.', value: 'Province de Namur' },
    { text: 'Officials confirmed that Stadtwerke Bochum fell victim to a ransomware attack.', value: 'Stadtwerke Bochum' },
    { text: 'In 2020 Gemeente Hof van Twente was hit by ransomware after a weak password was guessed.', value: 'Gemeente Hof van Twente' },
    { text: "Tasmania's sole casino operator, the Crown Resorts Group, experienced a ransomware attack.", value: 'Crown Resorts Group' },
    { text: 'The Universität Duisburg-Essen was the latest victim of a cyber attack.', value: 'Universität Duisburg-Essen' },
    // the place after "in" or "at" only locates the name before it
    { text: 'Center for Health Care Services, in San Antonio Texas, experienced a ransomware attack.', value: 'Center for Health Care Services' },
    { text: 'The Colorado Mental Health Institute at Pueblo experienced a data breach after a phishing scam.', value: 'Colorado Mental Health Institute' },
  ],
  counterExamples: [
    'A hospital was hit by ransomware last week.',
    'Several companies were targeted by LockBit in March.',
    'Emsisoft analyst Brett Callow said schools were hit by ransomware.',
  ],
  propose: (doc) => subjectsOf(doc, HARMED_KEYED, HIT_BY, undefined, nameAfter),
});
