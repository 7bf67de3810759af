// "the 2008 presidential election campaign", "copies of your 2015 W-2"  (a year, and nothing better)
import { defineRule } from '../../src/pipeline/rule.ts';
import { proposeDates } from '../_shared/date-propose.ts';
import { tellsOfIncident } from '../_shared/date-context.ts';

const LONE_YEAR = 0.15; // any year not tied to something else; a last resort

export default defineRule({
  field: 'date',
  examples: [
    { text: "Governor Palin's email account hacked by a student during the 2008 presidential election campaign.", value: '2008' },
    { text: 'Cozybear hacked into the US State Department 2014, according to officials.', value: '2014' },
  ],
  counterExamples: [
    'The company was founded in 1998.',
    'The clinic paid $2016 for new software.',
    'About 2,015 customers were affected.',
    'Q3 2024 Earnings Call: revenue grew across all regions.',
  ],
  propose: (doc) => proposeDates(doc, (m) => tellsOfIncident(doc) && m.kind === 'year' && m.context !== 'excluded', LONE_YEAR),
});
