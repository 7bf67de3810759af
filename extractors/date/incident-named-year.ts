// "The 2015 breach at Anthem compromised the data of 80 million Americans"  /  "The 2010 theft of a company laptop"
import { defineRule } from '../_shared/kit.ts';
import { proposeDates } from './lib/propose.ts';

const YEAR_NAMES_INCIDENT = 0.65; // the year is how the text names the incident itself

export default defineRule({
  field: 'date',
  examples: [
    { text: 'The 2015 breach at Anthem compromised the data of nearly 80 million Americans.', value: '2015' },
    { text: 'The 2010 theft of a company laptop resulted in the exposure of sensitive information.', value: '2010' },
    { text: 'The 2012 hack reportedly affected 68,680,741 accounts.', value: '2012' },
  ],
  counterExamples: [
    'A previous 2015 breach exposed 2,000 patient records.',
    'The 2016 election drew record turnout.',
    'The company paid $2015 for software.',
    // an earlier episode the sentence sets against a later one
    'Officials were mocked for blaming the 2014 attack on a rival state, and more recently for blaming another one.',
    // an earlier incident held up for comparison
    'Just as with the 2019 attacks on the cycling union, the hackers posted the stolen files online.',
  ],
  propose: (doc) => proposeDates(doc, (m) => m.kind === 'year' && m.namesIncident && m.context !== 'excluded', YEAR_NAMES_INCIDENT),
});
