// "the office of Dr. Jeffrey Paul Edelstein was burglarized" / "Lee D. Pollan, DMD, PC notified the state"
// A doctor or dentist in private practice is the covered entity that holds the records: the practice is the victim,
// and write-ups name it after the practitioner.
import { defineRule, groupStart, matches, span, type Proposal } from '../_shared/kit.ts';
import { byWidth, forText } from '../_shared/one-byte.ts';

// ("O'Neil", "Smith-Jones"; a possessive is no part of the name)
const GIVEN = String.raw`\p{Lu}\p{Ll}+(?:[-'’\x92](?![sS](?![\p{L}]))\p{L}+)*`;
// "Stephen T. Imrie", "Mary Ruth Buchness", "Laza Lazarevic": a given name, an optional initial, one or two more names
const PERSON = String.raw`(${GIVEN}(?:[ \t]+\p{Lu}\.?)?(?:[ \t]+${GIVEN}){1,2})`;
const DEGREE = String.raw`(?:M\.?D|D\.?D\.?S|D\.?M\.?D|D\.?O|D\.?P\.?M)\.?`;
// the practitioner: behind a doctor's title or a medical trade, or before a degree
// (the \p{…} classes of both written over U+0000-U+00FF for a text of one byte a character: one-byte.ts byWidth)
const TITLED = byWidth(
  String.raw`\b(?:Dr\.?|Doctor|(?:(?:orthopa?edic|plastic|oral|cosmetic|dental)\s+)?(?:surgeon|physician|dentist|orthodontist` +
    String.raw`|dermatologist|internist|psychiatrist|psychologist|chiropractor|optometrist|podiatrist|pediatrician|gynecologist` +
    String.raw`|practitioner))[ \t]+${PERSON}`,
  'dgu',
);
const DEGREED = byWidth(String.raw`(?<![\p{L}.])${PERSON},?[ \t]+${DEGREE}(?![\p{L}])`, 'dgu');
// and the practice is the one that lost something: its office, its patients, its notice
const PRACTICE_BEFORE = new RegExp(
  String.raw`\b(?:office|offices|practice|clinic|surgery|employed\s+by|belonging\s+to|patients\s+of` +
    String.raw`|records\s+of)\s+(?:of\s+)?(?:the\s+)?(?:(?:Dr\.?|Doctor)\s+)?$`,
  'iu',
);
const PRACTICE_AFTER = new RegExp(
  String.raw`^(?:['’\x92]?s?[ \t]+(?:(?:dental|medical|private)[ \t]+)?(?:office|offices|practice|clinic|surgery|patients` +
    String.raw`|computer|laptop|server)\b|(?:,?[ \t]+${DEGREE})?(?:,?[ \t]+P\.?[AC]\.?)?,?[ \t]+(?:is|was|has|have|recently)?[ \t]*(?:notif(?:y|ying|ied)` +
    String.raw`|providing\s+notice|reported|alerted|announced|discovered|learned))`,
  'u',
);
const CUE = /\b(?:Dr\b|Doctor\b|M\.?D\b|D\.?D\.?S\b|D\.?M\.?D\b|surgeon|physician|dentist|practitioner)/u;
const PRACTICE = 0.55;

function* practitioners(text: string): Generator<Proposal<'victim'>> {
  if (!CUE.test(text)) return;
  for (const re of [TITLED, DEGREED]) {
    for (const m of matches(re(text), text)) {
      const start = groupStart(m);
      const end = start + m[1]!.length;
      const before = text.slice(Math.max(0, m.index - 40), start);
      if (!forText(PRACTICE_BEFORE, text).test(before) && !PRACTICE_AFTER.test(text.slice(end, end + 60))) continue;
      yield { value: m[1]!, confidence: PRACTICE, evidence: [span(text, start, end)] };
    }
  }
}

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'A computer server was stolen from a locked closet in the office of Dr. Jeffrey Paul Edelstein.', value: 'Jeffrey Paul Edelstein' },
    { text: 'In January 2013, Lee D. Pollan, DMD, PC notified the state that a laptop was missing.', value: 'Lee D. Pollan' },
    { text: 'San Jose-based orthopedic surgeon Stephen T. Imrie, M.D. is notifying 8,900 patients that a laptop was stolen.', value: 'Stephen T. Imrie' },
    { text: "Someone pried open the door to Dr. Vonica Chau's practice and stole a computer.", value: 'Vonica Chau' },
    { text: 'Erica Hall was employed by Dr. Linda Green as an office assistant and stole patient data.', value: 'Linda Green' },
  ],
  counterExamples: [
    'Dr. Christopher Roth, Assistant Professor of Urology, reported that his laptop was stolen.',
    'The hospital said Dr. Jane Smith would lead the review.',
    'A physician at Mercy Hospital accessed records without a reason.',
  ],
  propose: (doc) => practitioners(doc.text),
});
