// "A skimming device was found at the Shell gas station" / "The breach occurred at Holmes Regional Medical Center in 2009"
import { defineRule } from '../_shared/kit.ts';
import { objectsOf } from './lib/propose.ts';
import { isBrandWord, isNameLike } from './lib/lone.ts';

// Skimming, theft and loss write-ups say where it happened rather than who it happened to; the place
// named right after "at"/"inside" an incident word is the business or institution that suffered it.
const AT = new RegExp(
  String.raw`\b(?:skimm(?:er|ers|ing)|card\s+readers?|ATMs?|(?:gas\s+)?pumps?|breach|theft|burglary|break-in|incident|occurred|happened` +
    String.raw`|took\s+place|found|installed|placed|attached|discovered|lost|missing)\b(?:[ \t]+(?![Aa]t\b|[Ii]nside\b)[\w,'’\x92-]+){0,5}?[ \t]+(?:at` +
    String.raw`|inside)[ \t]+(?:(?:the|an?|one\s+of\s+the)[ \t]+)?(?=\p{Lu})`,
  'gu',
);
const INCIDENT_PLACE = 0.5; // the place an incident happened; a town or a street is named this way too

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'The skimming device, about the size of a pen, was found at the Shell gas station at 745 Horizon Drive.', value: 'Shell' },
    { text: 'The breach occurred at Holmes Regional Medical Center in 2009.', value: 'Holmes Regional Medical Center' },
    { text: 'A skimmer was placed on an ATM at the Claremont Savings Bank on Broad Street.', value: 'Claremont Savings Bank' },
  ],
  counterExamples: ['The skimmer was found at 745 Horizon Drive.', 'The laptop was stolen at a restaurant in Boston.', 'The stolen card was used at Walmart'],
  propose: (doc) => objectsOf(doc, AT, INCIDENT_PLACE, (n, d) => (/\s/.test(n.value) || isBrandWord(n.value)) && isNameLike(d, n)),
});
