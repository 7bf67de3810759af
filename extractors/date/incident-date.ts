// "On June 13, 2014, hackers broke into the company's network"  /  "the breach happened in February 2016"
import { defineRule } from '../_shared/kit.ts';
import { proposeDates } from './lib/propose.ts';

const STATED_INCIDENT_DATE = 0.75; // a full or month date next to attack, loss or discovery words

export default defineRule({
  field: 'date',
  examples: [
    { text: 'On June 13, 2014, hackers broke into the network of the clinic.', value: '2014-06-13' },
    { text: 'In March 2021 attackers encrypted the servers of the town hall.', value: '2021-03' },
    { text: 'The breach, affecting 43,430,316 customers, happened February 2016, but the root cause remains unknown.', value: '2016-02' },
    { text: 'A Turkish hacker had defaced the official website of the department on 26th May, 2014.', value: '2014-05-26' },
    { text: 'An employee sent an email that contained sensitive records to a personal account on October 12, 2012.', value: '2012-10-12' },
    { text: 'The attackers accessed the system between Jan. 5 and Feb. 2, 2019, the company said.', value: '2019-01-05' },
    { text: 'The company, founded in March 1998, said the ransomware attack began on 3 July 2023.', value: '2023-07-03' },
    // news verbs of attack: "hit", "struck", "crippled", "knocked offline"
    { text: "Ransomware hit the county's servers on 3 March 2024.", value: '2024-03-03' },
    // a range whose start has no year of its own takes the end's
    { text: 'An intruder accessed the booking platform from 4 February through 19 July 2021.', value: '2021-02-04' },
    { text: 'Card data was stolen between 12 November and 3 January 2020.', value: '2019-11-12' },
    // systems an attack took down are the incident, a business closing is not
    { text: 'The clinic’s systems were shut down on 3 March 2024 after the attack.', value: '2024-03-03' },
  ],
  counterExamples: [
    'The company was founded in March 1998 and employs 4,000 people.',
    'A previous breach in May 2015 exposed the records of 2,000 patients.',
    'As of March 1, 2020, the company had 300 employees.',
    'The report published on June 2, 2021 lists the largest firms.',
    'Customers were notified by letter on July 2, 2014.',
    'The records will be restored within two weeks.',
    // a late step of the story, not the incident's start
    'Cards were skimmed for months, but it took until February 2019 for the chain to find the malware on its tills.',
    // the date of a gathering where the attack was talked about
    'Ransomware attacks were the theme of the October 2017 Cambridge Cyber Summit.',
  ],
  propose: (doc) => proposeDates(doc, (m) => m.kind === 'explicit' && m.context === 'incident', STATED_INCIDENT_DATE),
});
