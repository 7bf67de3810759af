// "Hackers broke into the city's network last Tuesday"  (resolved against the publication date)
import { defineRule } from '../_shared/kit.ts';
import { proposeDates } from './lib/propose.ts';

const RELATIVE_INCIDENT = 0.6; // the words fix the day only together with the publication date

export default defineRule({
  field: 'date',
  examples: [
    { text: 'Hackers broke into the city network last Tuesday.', publishedAt: '2023-07-20', value: '2023-07-18' },
    { text: 'The ransomware attack hit the hospital on Monday, officials said.', publishedAt: '2023-07-20', value: '2023-07-17' },
    { text: 'The school district discovered the breach earlier this month.', publishedAt: '2023-07-20', value: '2023-07' },
    { text: 'Attackers stole the data yesterday.', publishedAt: '2023-07-20', value: '2023-07-19' },
    { text: 'The attack happened last week, according to the mayor.', publishedAt: '2023-07-20', value: '2023-07' },
    // "this week" ends on the day of publication, whichever month its Sunday fell in
    { text: 'A phishing attack hit the university this week.', publishedAt: '2017-05-05', value: '2017-05' },
    // a weekday of last week is that of the calendar week before publication's, not the one just past
    { text: 'Hackers broke into the network last week on Wednesday.', publishedAt: '2023-07-20', value: '2023-07-12' },
    // the incident's day, though a warning about it followed
    { text: 'Hackers broke into the clinic network on Monday and the firm sent out a warning on Friday.', publishedAt: '2023-07-20', value: '2023-07-17' },
    // "over the weekend" is the weekend just past, not a length of time
    { text: "Hackers attacked the bank's payment systems over the weekend.", publishedAt: '2017-04-10', value: '2017-04-08' },
    { text: "Ransomware hit the county's servers on Wednesday of last week.", publishedAt: '2023-07-20', value: '2023-07-12' },
    // in reported speech a month is counted from the day of the statement, not of publication
    { text: 'On March 30, the ministry disclosed that a breach earlier this month had exposed staff records.', publishedAt: '2021-04-06', value: '2021-03' },
    // a victim's incident dated by its year alone
    { text: 'Hackers hit the council network earlier this year, the mayor said.', publishedAt: '2017-06-06', value: '2017' },
  ],
  counterExamples: [
    'Hackers broke into the city network last Tuesday.',
    // a story about a trend or the public, not one victim's incident: "this year" is the trend's time
    { text: 'Developers blamed in report on cloud flaws. Hospitals were targets of ransomware attacks earlier this year.', publishedAt: '2017-06-06' },
    { text: 'Systems should be restored after the attack within two weeks.', publishedAt: '2023-07-20' },
    { text: 'The attackers were inside the network for 3 months.', publishedAt: '2023-07-20' },
    { text: 'Customers affected by the breach were notified on Monday.', publishedAt: '2023-07-20' },
    { text: 'The breach will be reviewed next week.', publishedAt: '2023-07-20' },
    // a year back is another event's time in a news story: "a similar attack hit the city last year"
    { text: 'A similar ransomware attack hit the city last year.', publishedAt: '2023-07-20' },
    { text: 'Hackers breached the firm two years ago.', publishedAt: '2023-07-20' },
    // a later stage of the incident: the gang publishing what it took
    { text: 'The gang posted samples of the stolen files on its leak site last week.', publishedAt: '2023-07-20' },
    // a later act of the story: a warning or a notice sent out about the incident, the stolen data dumped days later
    { text: 'The tax agency last week sent out an urgent warning about a new payroll scam.', publishedAt: '2023-07-20' },
    { text: 'The toy maker yesterday sent the state attorney general a breach notification.', publishedAt: '2023-07-20' },
    { text: 'On Friday, the intruder began dumping a database stolen from the web host onto the internet.', publishedAt: '2023-07-20' },
    // the day of a statement, and how things stood then, are not when the incident happened
    { text: 'On Tuesday, the toy maker said the breach affected 800,000 accounts.', publishedAt: '2023-07-20' },
    { text: 'A company spokesperson told The Register on Monday that the portal was hacked.', publishedAt: '2023-07-20' },
    { text: 'The firm said in a blog post last week that attackers had stolen data.', publishedAt: '2023-07-20' },
    { text: 'The attack was continuing on Thursday, with online networks down.', publishedAt: '2023-07-20' },
    // a statement's day opening a clause, its speaker named at length
    { text: 'Regulators are looking into the breach, and on Tuesday the state attorney general Jane Doe said she would sue.', publishedAt: '2023-07-20' },
    { text: 'A hospital security chief told the House Energy and Commerce Subcommittee last week that devices get hacked.', publishedAt: '2023-07-20' },
    { text: 'As I wrote earlier this month, ransomware attacks on clinics keep rising.', publishedAt: '2023-07-20' },
    // more than a year back is another event's time, as "last year" is
    { text: 'It was just 13 months ago that hackers crippled a hospital in the same city.', publishedAt: '2023-07-20' },
    // "Pokémon" holds no Monday
    { text: 'Hackers abused the name of Pokémon Go to spread malware.', publishedAt: '2023-07-20' },
  ],
  propose: (doc) => proposeDates(doc, (m) => m.kind === 'relative' && (m.context === 'incident' || m.context === 'discovery'), RELATIVE_INCIDENT),
});
