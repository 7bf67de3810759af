// "Estate agent Foxtons is currently investigating a possible data breach" / "Mumbai-based Chtrbox"
import { defineRule, type AnalysedDoc, type Proposal } from '../_shared/kit.ts';
import { capitalStarts } from '../_shared/capital-words.ts';
import { classAt, insidePair, LETTER } from '../_shared/char-classes.ts';
import { nameAt } from './lib/names.ts';
import { fullName } from './lib/complete.ts';
import { nameSpan } from './lib/name-shape.ts';
import { inIncidentPassage } from './lib/context.ts';

// ("agency" is left out: news describes the investigating agency that way too, "cyber agency ANSSI")
// News introduces a little-known victim with a lower-case description of what it is right before its name: the pattern
// /(?:\b(?:KIND)|[\p{L}]-based),?[ \t]+(?=\p{Lu})/gu, found from the capitalised words after a space or a tab
// instead of tried at every place of the text (described below).
const KIND = new Set(
  (
    'company|firm|provider|retailer|giant|chain|bank|insurer|operator|maker|manufacturer|startup|start-up|platform|service|website|app|developer' +
    '|vendor|carrier|agent|broker|lender|publisher|hospital|clinic|outlet|brand|owner|district|network|supplier|contractor|distributor|processor' +
    '|marketplace|exchange|registrar|host|airline|band|shop|watchdog|wallet|station|behemoth|charity|newspaper|broadcaster|casino|hotel|restaurant|club'
  ).split('|'),
);
// \b without /i: a word character is an ASCII letter, digit or underscore
const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const isKindChar = (c: number) => (c >= 97 && c <= 122) || c === 45;

/**
 * Whether a description ends at `end` (where its kind word or "-based" ends). A kind word is lower-case letters and
 * hyphens opening on a word boundary, none another's prefix or hyphen-cut tail; "-based" takes the one letter (code
 * point) before it.
 */
function describedBefore(text: string, end: number): boolean {
  // the code point before a "-based" ending here, looked at for every end: a branch V8 first saw run after it had optimised
  // the scan (at a text's first "-based") threw the optimised code away
  const at = end - 7;
  const letterBefore = at >= 0 && (classAt(text, at - (insidePair(text, at) ? 1 : 0)) & LETTER) !== 0;
  if (at >= 0 && text.startsWith('-based', end - 6)) return letterBefore;
  let from = end;
  while (from > 0 && isKindChar(text.charCodeAt(from - 1))) from--;
  for (let k = from; k < end; k++) {
    if ((k === from || text.charCodeAt(k - 1) === 45) && !(k > 0 && isWordChar(text.charCodeAt(k - 1))) && KIND.has(text.slice(k, end))) return true;
  }
  return false;
}

/**
 * Where each match of the pattern ends, in order. A match ends where a capital follows the spaces and tabs after its
 * kind word (and an optional comma): each capitalised word after a space or tab ends at most one, and what a match is
 * made of (a lower-case kind word or a letter and "-based", a comma, spaces) holds no such capital, so none overlap.
 */
function descriptions(doc: AnalysedDoc): number[] {
  const { text } = doc;
  const ends: number[] = [];
  const starts = capitalStarts(doc);
  for (let i = 0; i < starts.length; i++) {
    const at = starts[i]!;
    let end = at;
    while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    if (end === at) continue;
    if (end > 0 && text.charCodeAt(end - 1) === 44) end--;
    if (describedBefore(text, end)) ends.push(at);
  }
  return ends;
}
const DESCRIBED_NAME = 0.6; // a described organisation in incident talk; partners are described too

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Estate agent Foxtons is currently investigating a possible data breach.', value: 'Foxtons' },
    // a list of specialties closing on an organisation noun is one practice's name
    {
      text: 'Patients were hit by a data breach at US healthcare provider Texas Ear, Nose and Throat Specialists (Texas ENT).',
      value: 'Texas Ear, Nose and Throat Specialists',
    },
    { text: 'Hackers stole data from Mumbai-based Chtrbox, a social media company.', value: 'Chtrbox' },
    { text: 'A database belonging to marketing automation platform provider Maropost Inc. has been found exposed online.', value: 'Maropost' },
    { text: 'Budget airline GoAir has filed a suit against its former CEO, accusing him of data theft.', value: 'GoAir' },
    { text: 'Health care provider Westfield Physicians Group has notified patients of a data breach.', value: 'Westfield Physicians Group' },
    // the incident is told two sentences before the name
    {
      text:
        'A database of 300,000 voters was left exposed online. It held names and ID numbers. The database was kept by software developer Kubrix Solutions ' +
        'for local councils.',
      value: 'Kubrix Solutions',
    },
  ],
  counterExamples: [
    'Berlin-based Kubrix raised 20 million euros in a funding round.',
    'The insurer Humana reported higher profits.',
    // the incident is told too far away to be about the company
    'A database of voters was left exposed online. The mayor spoke on Monday. The council met on Tuesday. Parking fees will rise. The budget was approved. ' +
      'Software developer Kubrix Solutions won a new contract.',
    // an outlet or a security site reports the breach
    'Entertainment news website Gossipline first reported Monday that celebrity credit files had been stolen.',
    'Online security website Vulnwatch.org today revealed a data leak at a large retailer.',
    // a vendor serving the organisation whose records it held
    'Patient notes went online, and the clinic has fired third-party vendor Scribewell after the leak.',
    'UMHS vendor Omnicare said a laptop with patient records was stolen from a car.',
  ],
  // the name that starts where the description ends, as objectsOf (lib/propose.ts) reads it after a trigger
  *propose(doc): Generator<Proposal<'victim'>> {
    for (const end of descriptions(doc)) {
      const found = nameAt(doc, end);
      const name = found && inIncidentPassage(doc, found.start) ? fullName(doc, found) : null;
      if (name) yield { value: name.value, confidence: DESCRIBED_NAME, evidence: [nameSpan(doc.text, name)] };
    }
  },
});
