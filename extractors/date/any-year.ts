// "the 2008 presidential election campaign", "copies of your 2015 W-2"  (a year, and nothing better)
import { defineRule, firstMatch } from '../_shared/kit.ts';
import { proposeDates } from './lib/propose.ts';
import { tellsOfIncident } from './lib/context.ts';
import { wordList } from '../_shared/lexicon.ts';

const LONE_YEAR = 0.15; // any year not tied to something else; a last resort
// a year after a capitalised name belongs to the name: "RuhrSec 2025", "Windows 2000", "Euro 2024"
const NAMED = /\b([A-Z][\w-]*)\s+$/;
const NOT_A_NAME = new Set(wordList('date-not-year-names'));
// A dated article tells its incident's time with "in", "since", "during"; a year that only qualifies a noun there names
// something else: "the 2016 presidential election", "employees' 2016 W-2 forms" (a year that opens a sentence still speaks)
const OPENS_SENTENCE = /^\W*$/;

export default defineRule({
  field: 'date',
  examples: [
    { text: "Governor Palin's email account hacked by a student during the 2008 presidential election campaign.", value: '2008' },
    { text: 'Cozybear hacked into the US State Department in 2014, according to officials.', value: '2014' },
    { text: 'The thief stole copies of your 2015 W-2 statements.', value: '2015' },
    { text: '2016 brought massive password dumps from hacked sites.', publishedAt: '2017-03-13', value: '2016' },
  ],
  counterExamples: [
    'The company was founded in 1998.',
    'The clinic paid $2016 for new software.',
    'About 2,015 customers were affected.',
    'Q3 2024 Earnings Call: revenue grew across all regions.',
    'RuhrSec 2025 call for papers now open: talks on ransomware defence and malware analysis.',
    { text: 'A scammer posing as the CEO received all 900 employees’ 2016 W-2 forms.', publishedAt: '2017-02-01' },
    { text: 'The group was linked to hacking meant to sway the 2016 presidential election.', publishedAt: '2017-01-13' },
    // a deal, a product version and a like case told for comparison
    'Hackers can take over the modems, which joined its range after the acquisition of a rival’s devices division in 2015.',
    'Attackers abuse the first version of the tool. Its maker dropped the version in 2015.',
    'Job seekers are the target of the phishing. A similar scam was seen in 2016.',
  ],
  propose: (doc) =>
    proposeDates(
      doc,
      (m) => {
        if (!tellsOfIncident(doc) || m.kind !== 'year' || m.context === 'excluded') return false;
        if (doc.publishedAt && !m.governed && !OPENS_SENTENCE.test(doc.text.slice(m.sentence.start, m.start))) return false;
        const name = firstMatch(NAMED, doc.text.slice(Math.max(0, m.start - 30), m.start))?.[1];
        return !name || NOT_A_NAME.has(name);
      },
      LONE_YEAR,
    ),
});
