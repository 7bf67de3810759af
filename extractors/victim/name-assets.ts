// "The records of two million Airtel customers leaked" / "Skimmers found on FirstBank ATMs" / "Ziggo employee loses laptop"
import { defineRule } from '../_shared/kit.ts';
import { subjectsOf } from './lib/propose.ts';
import { nameAfter } from './lib/name-end.ts';
import { keyed } from './lib/keyed.ts';
import { inIncidentPassage } from './lib/context.ts';
import { isStrongName } from './lib/name-shape.ts';
import { isBrandWord, isNameLike } from './lib/lone.ts';

// Short write-ups and headlines name the victim as a bare modifier of what was hit or who was affected:
// its people, its accounts, its machines. The possessive with systems and data is possessive-assets' case.
// ("numbers", "information", "database" and "system" are left out: "Medicaid numbers", "SQL databases" name no holder)
const JOBS = String.raw`(?:employees?|staff(?:ers?)?|workers?|officials?)`;
const PEOPLE = String.raw`(?:customers?|clients|patients|students?|users?|subscribers|account\s*holders|cardholders|shoppers|passengers|guests|donors)`;
const THINGS =
  String.raw`(?:websites?|servers|accounts|credentials|data|computers?|ATMs?|branch(?:es)?|stores?|franchise|gas\s+station|pharmacy|codebase` +
  String.raw`|source\s+code)`;
const JOB_NOUN = new RegExp(String.raw`\s${JOBS}$`, 'u');
// words between the name and the noun that are no modifier: a verb or a function word ends the phrase
const NOT_MODIFIER =
  String.raw`(?:[\p{Ll}-]+(?:ed|ly)|also|then|now|just|still|not|never|said|says|told|warned|warns|asked|urged|and|or|but|the|a|an|of|to` +
  String.raw`|for|in|on|at|with|by|from|that|has|have|had|is|are|was|were|will|would|may|its|their|his|her|who|which|after|as)`;
const MODIFIER = String.raw`(?:(?!${NOT_MODIFIER}\s)\p{Ll}[\p{Ll}-]*\s+){0,2}`;
// the word before the phrase must be capitalised: most nouns follow lower-case words, and those cost a name search each;
// the phrase opens with a space or an apostrophe, which is cheaper to check than the word behind it
const NAME_THEN_NOUN = new RegExp(
  String.raw`(?=['’\x92\s])(?<=[\p{Lu}\d][\p{L}\p{M}\d&'’\x92.\/-]*)(?:['’\x92]s?)?\s+${MODIFIER}(?:${JOBS}|${PEOPLE}` + String.raw`|${THINGS})(?![\p{L}-])`,
  'gu',
);
// every match holds one of the nouns, after at most 3 pieces ("'s" and two modifiers), and before it the capitalised word
// ([^\sa-z] holds every capital and digit) and the modifiers, each piece closed by white space: nouns after lower-case
// words (most of them) are not searched around. White space stands right before the noun: it is sought at word starts
// only (most places are inside a word, and \b, which V8 checks inline, fails there at once)
const NOUN_WORDS =
  String.raw`employee|staff|worker|official|customer|client|patient|student|user|subscriber|account|cardholder|shopper|passenger|guest|donor` +
  String.raw`|website|server|credential|data|computer|ATM|branch|store|franchise|gas|pharmacy|codebase|source`;
const NAME_THEN_NOUN_KEYED = keyed(NAME_THEN_NOUN, {
  words: new RegExp(String.raw`\b(?:${NOUN_WORDS})(?<=[^\sa-z]\S*\s+(?:\S+\s+){0,2}\w+)`, 'g'),
  pieces: 4,
});
// possessive-assets already reads "X's systems|data|records…"; counting the same words twice would fake agreement
const POSSESSIVE_THING =
  /^['’\x92]s?\s+(?:[\p{Ll}-]+\s+){0,2}(?:servers?|systems?|networks?|websites?|web\s+site|sites?|databases?|data|records|files|portal)\b/u;
const NAME_ASSETS = 0.5; // the organisation whose people or assets an incident touched; a product or a place reads the same

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'The records of two million Airtel customers reportedly leaked in a data breach.', value: 'Airtel' },
    { text: 'Skimmers found on FirstBank ATMs to steal users information.', value: 'FirstBank' },
    { text: '26 million LiveJournal credentials leaked online and sold on the dark web.', value: 'LiveJournal' },
    { text: 'Thousands of Sentara patients may have been impacted by a data breach at a third-party vendor.', value: 'Sentara' },
    { text: 'A box containing information about certain former KidsPeace clients went missing.', value: 'KidsPeace' },
  ],
  counterExamples: [
    // the attackers' own site, its possessive without an apostrophe
    'Hackers hijacked the domain of a sharing platform. The nameserver settings were altered so that visitors would be redirected to the Syrian Electronic ' +
      'Armys official website.',
    'A hospital employee took patient files home.',
    'Several Christmas shoppers enjoyed the market on Sunday.',
    "The hackers leaked Stadtwerke Bochum's data on Monday.",
    'Acme Corp customers praised the new app.',
  ],
  propose: (doc) =>
    subjectsOf(
      doc,
      NAME_THEN_NOUN_KEYED,
      NAME_ASSETS,
      (n, d, m) =>
        // insider-employer reads "<strong name> employee" already
        !(JOB_NOUN.test(m[0]) && isStrongName(n)) && (/\s/.test(n.value) || (isBrandWord(n.value) && isNameLike(d, n))) && inIncidentPassage(d, n.start),
      // the possessive is told by the match alone, before any name is sought
      (d, m) => !POSSESSIVE_THING.test(m[0]) && nameAfter(d, m),
    ),
});
