// People and other non-organisations that a capitalised run can be: "spokesman Jay Mayfield", "Huang, 41,",
// "Mr Montgomery", "Veteran B", "Salem Road", "1am GMT", "South Africans". Incident write-ups name the insider, the
// patient and the official as often as the organisation, and only the organisation is a victim.
import type { AnalysedDoc } from '../../_shared/kit.ts';
import { memoized } from './cache.ts';
import { hasTag } from './words.ts';
import { isSpace } from '../../_shared/char-classes.ts';
import { keyed, keyedMatches } from './keyed.ts';

// biome-ignore format: one role a line would take forty-five lines
const PERSON_ROLES = [
  'spokesman', 'spokeswoman', 'spokesperson', 'director', 'officer', 'president', 'chief', 'manager', 'attorney', 'lawyer', 'detective',
  'sergeant', 'professor', 'secretary', 'commissioner', 'chairman', 'chairwoman', 'founder', 'co-founder', 'CEO', 'CFO', 'CIO', 'CTO', 'CISO',
  'analyst', 'researcher', 'reporter', 'journalist', 'editor', 'employee', 'nurse', 'clerk', 'technician', 'teller', 'worker', 'suspect',
  'defendant', 'student', 'actress', 'singer', 'liaison', 'receptionist', 'psychologist', 'therapist', 'programmer',
];
const PERSON_ROLE = `(?:${PERSON_ROLES.join('|')})`;
const COURTESY_TITLES = ['Mr', 'Mrs', 'Ms'];
const PERSON_BEFORE = new RegExp(String.raw`\b(?:${PERSON_ROLE}|${COURTESY_TITLES.join('|')})\.?,?\s+$`, 'u');
const TITLE_WORDS = new Set([...PERSON_ROLES, ...COURTESY_TITLES]);
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
/**
 * PERSON_BEFORE.test(s): a role or courtesy title, then an optional "." and ",", then white space ending `s`. The title
 * starts at a word boundary, so it is the whole run of \w characters ending there ("co-founder" ends on "founder", a title
 * too): that run is looked up first, and the pattern (tried at every offset of `s`) runs only on a title.
 */
export function endsOnPersonTitle(s: string): boolean {
  let end = s.length;
  while (end > 0 && isSpace(s.charCodeAt(end - 1))) end--;
  if (end === s.length) return false;
  if (end > 0 && s.charCodeAt(end - 1) === 0x2c) end--;
  if (end > 0 && s.charCodeAt(end - 1) === 0x2e) end--;
  let start = end;
  while (start > 0 && isWordChar(s.charCodeAt(start - 1))) start--;
  return start < end && TITLE_WORDS.has(s.slice(start, end)) && PERSON_BEFORE.test(s);
}
// "Han Bing, a former database administrator for Lianjia": a firm is never a former administrator or contractor
export const PERSON_AFTER = new RegExp(
  String.raw`^,\s+(?:\d{2}(?:,|\s+of\b)|(?:(?:a|an|the|who\s+(?:is|was))\s+)?(?:[\w'’\x92-]+\s+){0,5}${PERSON_ROLE}s?\b` +
    String.raw`|an?\s+former\s+(?:[\w-]+\s+){0,3}(?:administrator|contractor|consultant|developer)\b)`,
  'u',
);
// words that stand right before a person's name as a title; "employee Dropbox account" is no title
const PERSON_TITLE =
  String.raw`(?:spokes(?:man|woman|person)|president|CEO|CFO|CIO|CTO|CISO|detective|sergeant|professor|commissioner|chairman|chairwoman` +
  String.raw`|founder|co-founder|analyst|researcher|reporter|journalist|attorney|lawyer|defendant)`;
const CAP_RUN = String.raw`\p{Lu}[\p{L}'’\x92.-]*(?:[ \t]+\p{Lu}[\p{L}'’\x92.-]*){0,2}`;
// one scan of the text finds every name it marks as a person's; rules then ask about their names for free
const COURTESY = /\b(?:Mr|Mrs|Ms|Miss)\.?[ \t]+(\p{Lu}[\p{L}'’\x92-]+)/gu;
const AGED_OR_WHO = new RegExp(String.raw`(${CAP_RUN})(?:,[ \t]+(?:\d{2},|who\b)|[ \t]+\(\d{2}\))`, 'gu');
const TITLED = new RegExp(String.raw`\b${PERSON_TITLE}[ \t]+(${CAP_RUN})`, 'gu');
// the age or "who" after the name is the key to seek (keyed.ts); at most three words stand before it
const AGED_OR_WHO_KEYED = keyed(AGED_OR_WHO, { words: /,[ \t]+(?:\d{2},|who)|[ \t]+\(\d{2}\)/g, pieces: 3, near: 1000 });
function personMarks(doc: AnalysedDoc): Set<string> {
  return memoized(doc, 'person-marks', 0, () => {
    const { text } = doc;
    const marks = new Set<string>();
    // a surname after a courtesy title is marked apart: it makes any name ending on it a person's
    for (const m of text.matchAll(COURTESY)) marks.add(`~${m[1]}`);
    // the run before the age may hold more words than the name ("Judge Adetiloye"): every tail of it counts
    for (const m of keyedMatches(AGED_OR_WHO, AGED_OR_WHO_KEYED.key, doc)) {
      const w = m[1]!.split(/\s+/);
      for (let i = 0; i < w.length; i++) marks.add(w.slice(i).join(' '));
    }
    // "CEO Darinda Reberry … Reberry said": the surname of a titled full name makes later mentions of it a person's
    for (const m of text.matchAll(TITLED)) {
      const w = m[1]!.split(/\s+/);
      for (let i = 1; i <= w.length; i++) marks.add(w.slice(0, i).join(' '));
      if (w.length >= 2) marks.add(`~${w[w.length - 1]}`);
    }
    return marks;
  });
}
/** Somewhere in the text the name is given an age, a courtesy title or a role: "Huang, 41,", "Mr Huang", "spokesman Jay Mayfield". */
export const namedAsPerson = (doc: AnalysedDoc, value: string) => {
  const marks = personMarks(doc);
  if (marks.size === 0) return false;
  const words = value.split(/\s+/);
  // "Canh Oxelson" ... "Oxelson, 43,": a short name whose last word alone is given an age is a person's
  return (
    marks.has(words.join(' ')) || marks.has(`~${words[words.length - 1]}`) || (words.length >= 2 && words.length <= 3 && marks.has(words[words.length - 1]!))
  );
};
// a street address, a placeholder for a person ("Veteran B", "Patient A's"), a time, a kind of record
export const NOT_ORGANISATION = new RegExp(
  String.raw`\s(?:Road|Rd|Street|St|Avenue|Ave|Lane|Drive|Boulevard|Blvd|Highway|Hwy)\.?$|^(?:Veteran|Patient` +
    String.raw`|Employee|Customer|Victim|Person|Individual|Client|Member|Resident|User|Suspect|Witness|Child)s?\s+[A-Z](?:['’\x92]?s)?(?:\s|$)` +
    String.raw`|^(?:SSNs?|PHI|PII` +
    String.raw`|DOBs?|Medication|Records?)\s+(?:of|for)\s|^(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Dozens|Hundreds|Thousands` +
    String.raw`|\d[\d,]*)\s+(?:Veterans|Patients|Customers|Employees|Students|Residents|Members|Clients|Users|Workers)$|\b\d{1,2}(?:am|pm|a\.m|p\.m)\b` +
    String.raw`|\s(?:Numbers?|Information|Records?|Reports?|Rreport|Requests?|Decisions?|Forms?|Letters?|Notices?)$`,
  'u',
);
/** "Africans", "Chileans": the plural of a demonym names a people. */
export const isPeoplePlural = (w: string) => /ans$/u.test(w) && hasTag(w.slice(0, -1), 'Demonym');
