// "Friday's WannaCry ransomware attack spread like wildfire"  /  "no data was taken in yesterday's phishing scam"
import { defineRule } from '../_shared/kit.ts';
import { proposeDates } from './lib/propose.ts';

const DAY_NAMES_INCIDENT = 0.65; // the day is how the text names the incident itself, as "the 2015 breach" names a year's

export default defineRule({
  field: 'date',
  examples: [
    { text: 'There is no question that Friday’s ransomware attack spread like wildfire.', publishedAt: '2017-05-16', value: '2017-05-12' },
    { text: 'The chain said no card data was obtained in yesterday’s phishing scam.', publishedAt: '2017-01-31', value: '2017-01-30' },
    { text: "Let's review the characteristics of Sunday's Merry X-Mas ransomware.", publishedAt: '2017-01-09', value: '2017-01-08' },
  ],
  counterExamples: [
    // a day in the possessive that names no incident: a statement, an election, the weather, the present day
    { text: 'The firm did not respond to a request for comment on Friday’s report about the breach.', publishedAt: '2017-05-16' },
    { text: 'The stolen poll book cannot be used to vote in Tuesday’s election.', publishedAt: '2017-04-20' },
    { text: "Today's ransomware gangs run like businesses, with help desks and affiliates.", publishedAt: '2017-04-20' },
    { text: 'Cancellations rose after the attack, and Friday’s snowy weather added to them.', publishedAt: '2018-01-29' },
    // another incident given as an example
    { text: 'The college calls it a ransomware attack, such as last month’s cyber-attack on the health service.', publishedAt: '2017-06-16' },
  ],
  propose: (doc) => proposeDates(doc, (m) => m.kind === 'relative' && m.namesIncident && m.context !== 'excluded', DAY_NAMES_INCIDENT),
});
