// "AccQData accidentally published private repo with customer medical data"
import { defineRule, firstMatch, groupStart, span, type AnalysedDoc } from '../_shared/kit.ts';
import { WORD_END } from '../_shared/char-classes.ts';
import { byWidth, forText } from '../_shared/one-byte.ts';
import { DATELINE, NAME, ONWARD, isPlace, type VictimName } from './lib/name-shape.ts';
import { cleanName } from './lib/name-clean.ts';
import { hasCorporateContext, isKnownOrganisation } from './lib/words.ts';
import { fullName } from './lib/complete.ts';
import { openingSentences } from './lib/lead.ts';
import { inIncidentTalk } from './lib/context.ts';
import { inLowerCase } from './lib/lone.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const CODE_OR_DOMAIN_SHAPE = /^[\p{Lu}\d&.-]{2,}$|\p{Ll}\p{Lu}|\.\p{L}{2,}$/u;

// Write-ups and headlines put the organisation the incident is about first, whatever the verb
// ("had a breach", "has urged users", "accidentally published"): the subject of an opening sentence
// that speaks of an incident. Weaker than opening-subject, whose verbs are disclosures and harms.
// a news article opens with its dateline
const LEAD_IN = String.raw`${DATELINE}(?:(?:On|In|Last|Earlier|Between)${WORD_END}[^\n]{1,40}?,\s*)?(?:The\s+)?`;
const APPOSITIVE = String.raw`(?:,\s+(?:a|an|the|one)${WORD_END}[^,;:\n]{1,110},)?`;
// a lower-case word that cannot start a predicate ends the subject without one
const NOT_PREDICATE = String.raw`(?:of|in|at|on|for|from|to|and|or|with|by|as|than|via|per|vs)${WORD_END}`;
// (its \p{…} classes written over U+0000-U+00FF for a text of one byte a character: one-byte.ts byWidth)
const LEAD = byWidth(String.raw`^${LEAD_IN}(${NAME})${ONWARD}(?:,?\s*\([^)\n]{1,40}\))?${APPOSITIVE}['’\x92]?s?,?\s+(?!${NOT_PREDICATE})(?=\p{Ll})`, 'du');
const LEAD_SUBJECT = 0.42; // the first subject of an incident text, any verb; below first-organisation, which measures better
const MAX_SENTENCES = 2;
// a lone capitalised word opening a sentence is as often a common word ("Unencrypted passwords", "Skimming
// devices", "Initially") as a brand: word endings and the same word in lower case elsewhere give it away
const COMMON_ENDING = /(?:ed|ing|ly|al|ive|ous|ment|tion|sion|ness|ity|ial|ic|ics|ary|ery|ors|ers|ies|ogy|ance|ence|ible|able)$/u;
const loneWordOk = (n: VictimName, doc: AnalysedDoc) =>
  /\s/.test(n.value) ||
  forText(CODE_OR_DOMAIN_SHAPE, n.value).test(n.value) ||
  isKnownOrganisation(n.value) ||
  hasCorporateContext(doc.text, n.end) ||
  (!COMMON_ENDING.test(n.value) && !writtenLower(doc, n.value.toLowerCase()));
// a word of letters and digits is looked up in the text's word index (lone.ts) instead of a pattern compiled and run over
// the whole text; any other word is still read as a pattern, as it always was
const LETTERS_AND_DIGITS = /^[\p{L}\d]+$/u;
const writtenLower = (doc: AnalysedDoc, lower: string) =>
  LETTERS_AND_DIGITS.test(lower) ? inLowerCase(doc, lower) : new RegExp(String.raw`(?<![\p{L}\d])${lower}(?![\p{L}\d])`, 'u').test(doc.text);

export default defineRule({
  field: 'victim',
  examples: [
    // a database left open is an incident even without the word "exposed"
    { text: 'Gamblix a creator of mobile gambling apps left an Elasticsearch database open with no password.', value: 'Gamblix' },
    { text: 'AccQData accidentally published private repo with customer medical data.', value: 'AccQData' },
    { text: 'FFrees had a breach discovered by a security researcher.', value: 'FFrees' },
    // an acronym that spells a short word is still a name
    { text: 'SWIFT said hackers had breached its network.', value: 'SWIFT' },
    { text: 'Morrisons Supermarkets has urged shoppers to change passwords after a data breach.', value: 'Morrisons Supermarkets' },
    // a force that acts on its own staff is the organisation hit
    { text: 'Toronto police have suspended an officer accused of leaking records.', value: 'Toronto police' },
    // a brand's branch in a country is the brand's
    { text: 'Experian South African branch was social engineered into sending off client data', value: 'Experian' },
  ],
  counterExamples: [
    // a technical or privacy-office acronym opening the story
    "GPS network of energy workers' vehicles compromised, exposing customer details.",
    'The DA alerted the company that an employee card had been used for fraud.',
    // the police arrest and speak: they report the incident
    'Chicago police have arrested two women who ran an identity theft ring out of a clinic.',
    // people: a firm is never a former administrator, a liaison is a role
    "Han Bing, a former database administrator for Lianjia, deleted the company's data after a breach.",
    "Robin Patterson, the Navy's public liaison, accidentally leaked notes in a data breach.",
    'VfL Bochum pulled off one of the shocks of the Bundesliga season on Saturday.',
    'Hackers breached the network of a regional utility.',
    'Police in Texas arrested a man on Monday.',
    // a person, known by the age the text gives them
    'Adetiloye stole identities from a data broker to defraud banks. Adetiloye, 40, pleaded guilty to fraud.',
    // a shouted dictionary word opens the story; an acronym is shorter
    'A MILITARY laptop containing the personal details of hundreds of reservists has been stolen.',
  ],
  *propose(doc) {
    for (const s of openingSentences(doc, MAX_SENTENCES)) {
      const m = firstMatch(LEAD(s.text), s.text);
      if (!m) continue;
      const at = s.start + groupStart(m);
      const found = cleanName(doc, at, at + m[1]!.length);
      // a town opening the sentence is where it happened ("Potsdam's city hall"), not who
      const name = found && !isPlace(found.value) && loneWordOk(found, doc) && inIncidentTalk(doc, at) ? fullName(doc, found) : null;
      if (!name) continue;
      yield { value: name.value, confidence: LEAD_SUBJECT, evidence: [span(doc.text, name.start, name.end)] };
      return;
    }
  },
});
