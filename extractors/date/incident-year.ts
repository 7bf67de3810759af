// "A serving officer hacked an army major's e-mail account in 2010"  /  "The attacks started in 2014"
import { defineRule } from '../_shared/kit.ts';
import { proposeDates } from './lib/propose.ts';

const YEAR_OF_INCIDENT = 0.55; // only the year is stated, introduced by "in", "since", "during"…
// A dated news article tells its incident in days, weeks and months; "in 2016" there is mostly an earlier event's
// year ("In 2016, at least 145 organisations fell victim"): on news-dev 6 such years in 31 were the incident's.
const YEAR_IN_DATED_ARTICLE = 0.28;

export default defineRule({
  field: 'date',
  examples: [
    { text: "A serving intelligence officer hacked an army major's e-mail account in 2010 and extracted documents.", value: '2010' },
    { text: 'Bitdefender detected an espionage campaign. The attacks started in 2014, with the latest occurrences in May of 2016.', value: '2014' },
    { text: 'Since 2020, the group has been targeting security researchers with trojanized tools.', value: '2020' },
    { text: 'The theft happened in late 2019, months before anyone noticed.', value: '2019' },
  ],
  counterExamples: [
    'The company was founded in 1998 and runs 40 stores.',
    'A previous breach in 2015 exposed 2,000 patient records.',
    'The law, enacted in 2018, requires notification.',
    'The clinic paid $2016 for the new software.',
    'Revenue for fiscal year 2014 grew by 3 percent.',
    // the background of the story: when a strain or a group first appeared
    'LockBit, a ransomware strain first seen in 2019, is sold to affiliates as a service.',
    'The hacking group, which emerged in 2021, is known for attacks on hospitals.',
    // a trend of an industry, and an example given in passing, are not the story's incident
    'It is hard to put a figure on the overall damage caused by ransomware in 2022.',
    'The new lure continues the ransomware trends of 2023, the researcher said.',
    'Phishing cost retailers $40 million in 2021 alone.',
    'In 2019, for instance, another crew hijacked the domain of a bank.',
    'As per statistics from the police, in the first months of 2016 a single strain infected 100,000 computers a day.',
    // a year looked back to, and a year told of other incidents, are the background of the story
    'Back in 2016, the blogging site had its hands full with a security incident.',
    'The list of phishing samples the carrier keeps goes back to 2014.',
    'Customer data leaked online in 2015, when the company suffered three separate data breaches.',
    // an earlier episode the sentence sets against a later one, which is the story's
    'In 2016, police shut down the carding forum, and then last month a new crew put a copy of it online.',
    // counts kept over many incidents, and a business closing
    'More than 11 million health records were compromised in 2015, according to government data.',
    'Hackers stole the forum’s accounts. The fan site itself shut down in 2016 after a legal threat.',
    // a trend piece dates its trend, not an incident, with the year of publication or the one before
    { text: 'Anatomy of an emerging business. Ransomware was one of the fastest-growing kinds of cybercrime in 2017.', publishedAt: '2018-02-09' },
  ],
  propose: (doc) =>
    proposeDates(
      doc,
      (m) => m.kind === 'year' && m.governed && (m.context === 'incident' || m.context === 'discovery'),
      doc.publishedAt ? YEAR_IN_DATED_ARTICLE : YEAR_OF_INCIDENT,
    ),
});
