// What a stated date is the date of, judged from the words around it in its sentence:
//   "hackers broke in on June 13, 2014" → incident;  "notified customers on July 2" → disclosure;
//   "the city said on Tuesday" → report (the date of a statement about the incident);
//   "founded in 1998", "a previous breach in 2015", "as of March 1" → excluded.
import { matches, type AnalysedDoc, type Sentence } from '../../_shared/kit.ts';
import { MONTH_SOURCE } from '../../_shared/months.ts';
import { compiledNow } from '../../_shared/one-byte.ts';

export type DateContext = 'incident' | 'discovery' | 'disclosure' | 'report' | 'excluded' | 'neutral';

const INCIDENT = new RegExp(
  String.raw`\b(?:cyber-?attack\w*|attack(?:s|ed|ers?)?|hack(?:s|ed|ers?|ing)?|breach(?:es|ed)?|compromis\w+|stole|stolen|steal\w*` +
    String.raw`|theft|thie(?:f|ves)|lost|loss|missing|misplaced|intrusions?|intruders?|infiltrat\w+|accessed|access|unauthori[sz]ed|infect(?:ed|ion)` +
    String.raw`|ransomware|malware|virus|trojan|phish\w*|leak(?:s|ed)?(?!\s+sites?)|exposed|exposure|defac\w+|ddos|denial[-\s]of[-\s]service` +
    String.raw`|target(?:ed|ing)|occur\w*` +
    String.raw`|happen\w*|took\s+place|incident|skimm\w*|broke\s+into|break-in|burglar\w*|encrypt\w+|disrupt\w+|outage|spied|spying|espionage|campaign` +
    String.raw`|exfiltrat\w+|dump(?:ed)?|snoop\w*|viewed|e-?mailed|mailed|sent|faxed|disposed|discarded|dumpster|misdirect\w*|inadvertent\w*|mistakenly` +
    String.raw`|error|glitch|robbed|robbery|impersonat\w+|fraud\w*|scam\w*|embezzl\w+|shut\s+down|offline|disconnect\w*|took\s+down|crash(?:ed|es)?|began` +
    String.raw`|started|conducted|carried\s+out|exploit\w*|installed|tamper\w*|gained|obtained|downloaded|copied|wiped|deleted|locked|spoof\w*` +
    String.raw`|intercept\w*|hit|struck|crippled|paraly[sz]\w+|knocked)\b`,
  'gi',
);
// finding out comes after the incident, often the same day or month
// "first reported problems with its services on April 18": the first sign of the incident, not an announcement of it
const DISCOVERY = new RegExp(
  String.raw`\b(?:discover(?:ed|y|s)?|detect(?:ed|ion|s)?|noticed|learned|became\s+aware|identified|realized|uncovered` +
    String.raw`|found\s+out|determined|came\s+to\s+(?:\w+\s+)?attention` +
    String.raw`|reported\s+(?:suspicious\s+activity|disruptions?|difficulties|outages?|problems|issues))\b`,
  'gi',
);
const DISCOVERY_REACH = 40;
// after-the-fact events: announcing, notifying, prosecuting; the gang posting its loot on a leak site is a later stage too
const DISCLOSURE = new RegExp(
  String.raw`\b(?:announc\w+|acknowledg\w+|admit(?:s|ted)?|leak\s+sites?|disclos\w+|notif\w+|report(?:ed|s)?|reveal\w*|confirm\w*|publish\w*` +
    String.raw`|letters?|informed|alerted` +
    String.raw`|warned|statement|press\s+release|made\s+public|went\s+public|came\s+to\s+light|sentenc\w+|pleaded|plea|indict\w+|convict\w+|arrest\w+` +
    String.raw`|charged|charges|trial|court|lawsuit|sued|filed|settle\w*|fined|penalty)\b`,
  'gi',
);
// the date belongs to something else than the incident
const EXCLUDED = new RegExp(
  String.raw`\b(?:founded|established|incorporated|formed|opened|created|born|births?|founding|enacted|passed|signed|effective` +
    String.raw`|act\s+of|fiscal|FY|financial\s+year|tax\s+year|as\s+of|copyright|(?:report|study|survey|paper|analysis|advisory|article` +
    String.raw`|review)\s+(?:\w+\s+){0,3}(?:published|released|issued)|(?:previous|prior|earlier|another|separate|similar|former)\s+(?:\w+\s+){0,2}(?:breach` +
    String.raw`|attack|incident|hack|intrusion)\w*)\b[^.;]{0,40}$`,
  'i',
);
// another incident told for comparison, however long its victim's name: "follows a similar attack on the Northern Valley
// Health Foundation Trust in October", "resembles one that hit Android users in 2014"
const OTHER_INCIDENT = new RegExp(
  String.raw`\b(?:(?:previous|prior|earlier|separate|similar|former)\s+(?:\w+\s+){0,2}(?:breach|attack|incident|hack|intrusion|situation|case|scam)\w*` +
    String.raw`|resembl\w+)\b[^.;]{0,70}$`,
  'i',
);
// "leaked in 2015, when the firm suffered three separate breaches": the date is told of those other incidents
const OTHER_INCIDENT_AFTER = /^[^.;]{0,50}\b(?:previous|prior|separate|former)\s+(?:\w+\s+){0,2}(?:breach|attack|incident|hack|intrusion)/i;
// an earlier episode the sentence sets against a later one: "In 2015, the FBI shut the market down, and then last year a
// crew relaunched it", "blamed a 2014 attack on North Korea, and more recently blamed Russia"; the story is the later one
const EARLIER_EPISODE_AFTER = /^[^.;]{0,80}?(?:,\s*|\band\s+)(?:(?:more|most)\s+recently\b|then\b[^.;]{0,30}?\b(?:last|this)\s+(?:year|month|week)\b)/i;
// a late step of the story, after the incident: "was not aware of the breach until Feb 22", "it wasn't until mid 2016 that the
// scale became apparent", "it took until March for the chain to announce it"; "it was only last month that the city was hit"
// stresses how recent the incident is, not that something came late
const LATE_STEP = new RegExp(
  String.raw`(?:\b(?:(?:was|were|is|are|had|has|did|do|does)(?:\s+not|n[’\x92']t)|never|not)\b[^.;]{0,60}\buntil` +
    String.raw`|\bit\s+took\s+until)\s+(?:(?:early|mid|late)[\s-]+)?$`,
  'i',
);
// "Back in 2016, the site had its hands full", "samples that go back to 2014": a year looked back to is background
const YEAR_LOOKED_BACK = /\b(?:back\s+in|(?:goes|going|go|went)\s+back\s+to)\s+(?:(?:early|mid|late)[\s-]+)?$/i;
// background of the story, not its incident: when a strain or a group first showed up ("a strain first seen in 2019",
// "the group, which emerged in 2021"); "the intrusion was first seen on Monday" is the incident's own discovery
const BACKGROUND = new RegExp(
  String.raw`\b(?:strains?|variants?|family|families|groups?|gangs?|crews?|botnets?|actors?|operators?)\b[^.;]{0,40}` +
    String.raw`\b(?:first\s+(?:seen|spotted|observed)|(?:emerged|appeared|surfaced)|(?:been\s+)?active\s+since|in\s+operation\s+since)\s+` +
    String.raw`(?:in\s+|on\s+|since\s+|around\s+)?(?:(?:early|mid|late)[\s-]+)?$`,
  'i',
);
// the dates of products, deals and laws, not of an attack: "iOS 10.3, released to the public on Monday", "went live on
// Android in September", "its acquisition of the unit in 2015", "the rules come into force on 25 May", "patch Tuesday",
// "followed by the Android version on March 23"
const PRODUCT_EVENT = new RegExp(
  String.raw`\b(?:released|debuted|went\s+live|going\s+live|rolled\s+out|acquisition|acquired|merger|(?:came|comes?|coming)\s+into\s+force` +
    String.raw`|(?:took|takes?)\s+effect)\b[^.;]{0,50}$|\bpatch\s+$|\bversions?\s+(?:\w+\s+)?(?:on|in)\s+$`,
  'i',
);
// "Intel on Tuesday patched three flaws": the verb that follows the date says what it dates
const PRODUCT_EVENT_AFTER = /^\s*,?\s*(?:patched|fixed|released|rolled\s+out)\b/i;
// a trend across an industry, not one incident: "ransomware trends of 2016", "the number of attacks doubled in 2017",
// "the overall damage caused by ransomware in 2016", "$325 million in 2015 alone"
const TREND = /\b(?:trends?|industries|overall|year-(?:on|over)-year|the\s+number\s+of)\b[^.;]{0,60}$/i;
// "records compromised in 2015, according to provider data": a count from figures kept over many incidents
const TREND_AFTER = /^\s*(?:alone\b|(?:[\w-]+\s+){0,2}trends?\b|,?\s*according\s+to\s+(?:[\w-]+\s+){0,3}(?:data|figures|statistics)\b)/i;
// a sentence that counts over many incidents dates its count, not an incident: "As per statistics produced by the police,
// in the first months of 2021 …", "In May, the number of infected computers peaked", "the numbers for this March aren't in yet"
const COUNTED = /\b(?:statistics|the\s+numbers?\s+(?:of|for))\b/i;
// "the fan site itself shut down in 2016": a business closing, not systems an attack took down ("were shut down")
const CLOSED = /(?<!\b(?:was|were|been|be|is|are|being)\s+)\bshut\s+down\s+(?:in|on)\s+$/i;
// an example given in passing: "In 2013, for instance, another group hijacked a bank's domain"
const EXAMPLE = /\bfor\s+(?:instance|example)\b[^.;]{0,30}$/i;
const EXAMPLE_AFTER = /^\s*,?\s*for\s+(?:instance|example)\b/i;
// bylines and update notes carry the article's dates: "Posted January 04, 2013", "UPDATE (01/31/2013):"
const DATELINE = /\s(?:[—\x97]|[–\x96]|·|\|)\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s*)?$/;
const DATELINE_AFTER = /^\s*(?:·|\|)/;
// a picture's date, not the story's: "This file photo taken on May 2, 2009 shows …", "pictured in March 2014"
const PHOTO = /\b(?:(?:photo(?:graph)?|picture|image|footage)s?\s+(?:\w+\s+){0,2}(?:taken|shot|made|captured)|pictured|photographed)\s+(?:on|in)\s+$/i;
// the day a report or an article came out, not of an incident: "a report like this one from 2016-12-19", "after
// national reports in the press this week"
const REPORT_OF = new RegExp(
  String.raw`\b(?:reports?|articles?|blog\s+posts?|advisor(?:y|ies)|bulletins?)(?:\s+(?:like|such\s+as)\s+this\s+one)?` +
    String.raw`(?:\s+in\s+the\s+(?:press|media|news))?\s+(?:from\s+|on\s+|of\s+|dated\s+)?$`,
  'i',
);
// an earlier incident held up for comparison: "Just as with the 2019 attacks on the league, …"
const AS_WITH = /\b(?:just\s+)?as\s+with\s+(?:the\s+|its\s+|their\s+)?$/i;
// "Datavault launched in 2018": the start of a product or a business
const STARTED_UP = /\b(?:launched|introduced|released|opened|founded|established)\s+(?:in|on|since)?\s*$/i;
// plans, deadlines and other labelled dates: "will take place on 14–15 May", "apply by 31 July", "Start date: 1 September"
const AHEAD = new RegExp(
  String.raw`\b(?:will|shall|scheduled|planned|plans?\s+to|expect(?:s|ed)?\s+to|deadline|due|apply|close[sd]?)\b[^.;]{0,40}$|\bby\s+$|\b(?:start|end` +
    String.raw`|closing|due|release|publication)\s+date\s*:\s*$`,
  'i',
);
// "The City of Dallas said Friday that …": the date of the statement
const SAID = new RegExp(
  String.raw`\b(?:said|says|(?:was|were|been)\s+told|told\s+(?:[\w.'’\x92-]+\s+){0,2}[\w.'’\x92-]+|stated|announced|confirmed|reported|disclosed` +
    String.raw`|revealed|wrote|writes)\s+(?:on\s+|in\s+|late\s+|early\s+|earlier\s+)?$`,
  'i',
);
// "told the House Energy and Commerce Subcommittee last week": the date of testimony to a named body, a hearing's
const TOLD_BODY = /\btold\s+(?:the\s+)?(?:(?:[A-Z][\w.'’\x92&-]*|and|of|on|for)\s+){1,8}$/;
// the day of a statement about the incident, not of the incident: "in a blog post last week", "in a letter on Wednesday",
// "On Tuesday, the company said …", and how things stood then: "the attack was continuing on Thursday"
const STATEMENT_IN = new RegExp(
  String.raw`\bin\s+(?:a|an|its|their|his|her)\s+(?:\w+\s+)?(?:blog\s+post|post|story|statement|letter|message|memo|e-?mail|filing|tweet|notice` +
    String.raw`|press\s+release|interview|update)\s+(?:(?:sent|posted|published|issued|released)\s+(?:out\s+)?)?(?:on\s+|late\s+|early\s+)?$`,
  'i',
);
const SAID_AFTER = /^\s*,?\s*(?:[\w.&'’\x92-]+\s+){1,6}(?:said|says|announced|confirmed|disclosed|revealed|told)\b/;
// a later act of the incident's story, not the incident: a warning or a notice sent out about it ("the agency last week sent
// out an urgent warning about the scam", "yesterday sent the state attorney general a breach notification"), the stolen
// data dumped or sold days after the theft ("On Friday, the hacker began dumping a database stolen from the host")
const NOTICE = String.raw`(?:sent|issued|put)\s+(?:out\s+)?(?:[\w.'’\x92-]+\s+){0,6}?(?:warnings?|alerts?|notices?|notifications?|advisor(?:y|ies))\b`;
const DUMPED =
  String.raw`(?:began\s+|started\s+)?(?:dump(?:ed|ing)?|sold|selling|post(?:ed|ing)|publish(?:ed|ing)|leak(?:ed|ing))` +
  String.raw`\s+(?:[\w-]+\s+){0,4}(?:stolen|taken|exfiltrated)\b`;
const FOLLOW_UP = new RegExp(String.raw`\b(?:${NOTICE}|${DUMPED})[^.;]{0,40}$`, 'i');
const FOLLOW_UP_AFTER = new RegExp(String.raw`^\s*,?\s*(?:(?!(?:and|but|then|before|after|when|while)\s)[\w.'’\x92-]+\s+){0,3}?(?:${NOTICE}|${DUMPED})`, 'i');
// a date that opens its sentence or a clause of it: "…, and on Tuesday the state's attorney general said"
const CLAUSE_OPEN = /(?:^|[;,]\s*(?:and|but|while)?)\s*(?:(?:late|early)\s+)?(?:on\s+)?$/i;
// the date names a statement or a gathering, not an event of the incident: "in a March 19 tweet", "the October 2017 Cambridge
// Cyber Summit"
const STATEMENT_NAMED = /^\s*(?:blog\s+post|post|tweet|statement|letter|memo|e-?mail\s+to|filing|notice|press\s+release|interview|announcement)\b/i;
const GATHERING = /^\s*(?:[A-Z][\w&'’\x92-]*\s+){0,4}(?:Summit|Conference|Congress|Forum|Expo|Symposium|Convention|Olympics|Hearing)\b/;
const STILL = /\b(?:continu\w+|remain(?:ed|s)?|still|ongoing)\s+(?:(?:down|offline|closed|disrupted|on)\s+)?(?:on\s+|until\s+|through\s+|late\s+|early\s+)?$/i;
const BYLINE = /\b(?:update[sd]?|posted|published|issued|modified|dated|copyright|©)\s*(?:on\s*)?[:(]?\s*$/i;
// the period the exposed records cover, not when they were exposed: "patients treated between 1996 and 2009"
const DATA_PERIOD = new RegExp(
  String.raw`\b(?:treated|seen|served|visited|registered|enrolled|employed|worked|working|admitted(?!\s+(?:that|to)\b)|dating|for\s+the\s+period` +
    String.raw`|dated|paychecks?|hired|received\s+(?:\w+\s+){0,2}(?:care|services?|treatment)|care\s+provided)\b[^.;]{0,40}$`,
  'i',
);
// figures compared across years describe a trend, not an incident: "up from $1.1 million in 2022", "29% of companies paid in 2023"
const STATISTIC =
  /(?:\d\s?%|\bper\s?cent\b|\baverage\b|\bmedian\b|\btimes\s+(?:as\s+(?:many|much)|more)\b|\b(?:up|down)\s+from\b|\bcompared\s+(?:with|to)\b)[^;]{0,50}$/i;
// a law's name carries its year: "the Privacy Act 1988"
const LAW_NAME = /\b(?:Act|Directive|Regulation|Code),?\s+(?:of\s+)?$/;
const OPEN_START = /\b(?:from|starting|beginning)\s+$/i;
const RANGE_INSIDE = /\s(?:and|to|through|until|till)\s|[–\x96—\x97]|\s-\s/i;
const RANGE_NEXT = /^\s*,?\s*(?:(?:and|to|through|until|till|onwards?)\b|[-–\x96—\x97])/i;
// the second date of a range: "between Jan. 5 and Feb. 2, 2019" reports the start
const RANGE_END = new RegExp(String.raw`(?:\d|\b(?:${MONTH_SOURCE})\b\.?)\s*(?:and|to|through|until|till|-|[–\x96]|[—\x97])\s*(?:early|mid|late)?[\s-]*$`, 'i');

// The patterns classifyContext reads over one window, as one: the union of patterns with the 'i' flag (and no back-references)
// matches a text where any of them does, so its test says what theirs together say; one search of a window instead of one a
// pattern took a third off their time. Each is read at nearly every date, first over short windows: compiled to machine
// code when made (one-byte.ts compiledNow).
const union = (...res: RegExp[]) => compiledNow(new RegExp(res.map((re) => `(?:${re.source})`).join('|'), 'i'));
const LEAD_70 = union(EXCLUDED, STATISTIC, PRODUCT_EVENT);
const LEAD_60 = union(DATA_PERIOD, AHEAD, REPORT_OF);
const LEAD_50 = union(EXAMPLE, PHOTO);
const LEAD_24 = union(RANGE_END, BYLINE, STARTED_UP, AS_WITH);
const AFTER_60 = union(PRODUCT_EVENT_AFTER, TREND_AFTER, EXAMPLE_AFTER, OTHER_INCIDENT_AFTER);

/** Where `re` matches in `clause`, as start and end offsets one after the other. */
function spansOf(re: RegExp, clause: string): number[] {
  const out: number[] = [];
  for (const m of matches(re, clause)) out.push(m.index, m.index + m[0].length);
  return out;
}

// The event words of the last clause classified (the dates of a sentence mostly share their clause): each pattern
// searched once per clause, not once per date and direction.
let lastText: string | undefined;
let lastClause = { start: -1, end: -1, incident: [] as number[], discovery: [] as number[], disclosure: [] as number[] };
function clauseWords(text: string, start: number, end: number): typeof lastClause {
  if (text === lastText && lastClause.start === start && lastClause.end === end) return lastClause;
  const clause = text.slice(start, end);
  lastText = text;
  return (lastClause = { start, end, incident: spansOf(INCIDENT, clause), discovery: spansOf(DISCOVERY, clause), disclosure: spansOf(DISCLOSURE, clause) });
}

/** How far the nearest of `spans` ends before `from` (`before`), or starts at or after `to`; Infinity when none does. */
function nearest(spans: readonly number[], from: number, to: number, before: boolean): number {
  let best = Infinity;
  for (let i = 0; i < spans.length; i += 2) {
    const s = spans[i]!;
    const e = spans[i + 1]!;
    if (before && e <= from) best = Math.min(best, from - e);
    if (!before && s >= to) best = Math.min(best, s - to);
  }
  return best;
}

export function classifyContext(text: string, sentence: Sentence, start: number, end: number): DateContext {
  const lead = text.slice(sentence.start, start);
  // the dates of something else, in any order (each test only says yes or no, and every yes says 'excluded'): the patterns
  // read over the same window are searched as one (LEAD_70 …)
  if (LEAD_70.test(lead.slice(-70)) || LEAD_60.test(lead.slice(-60)) || LEAD_24.test(lead.slice(-24)) || LEAD_50.test(lead.slice(-50))) return 'excluded';
  const after = text.slice(end, end + 60);
  if (AFTER_60.test(after) || DATELINE_AFTER.test(text.slice(end, end + 4))) return 'excluded';
  if (LAW_NAME.test(lead.slice(-16)) || DATELINE.test(lead.slice(-20)) || OTHER_INCIDENT.test(lead.slice(-110)) || BACKGROUND.test(lead.slice(-90)))
    return 'excluded';
  if (COUNTED.test(text.slice(sentence.start, sentence.end)) || TREND.test(lead.slice(-80))) return 'excluded';
  if (TOLD_BODY.test(lead.slice(-100)) || CLOSED.test(lead.slice(-30)) || EARLIER_EPISODE_AFTER.test(text.slice(end, sentence.end))) return 'excluded';
  if (/^\d{4}$/.test(text.slice(start, end)) && YEAR_LOOKED_BACK.test(lead.slice(-24))) return 'excluded';
  if (SAID.test(lead.slice(-40)) || STATEMENT_IN.test(lead.slice(-60)) || STILL.test(lead.slice(-40))) return 'report';
  if (LATE_STEP.test(lead.slice(-100))) return 'disclosure';
  if (FOLLOW_UP.test(lead.slice(-120)) || FOLLOW_UP_AFTER.test(text.slice(end, end + 100))) return 'disclosure';
  // only a date that opens its sentence: "Hackers broke in on Monday, officials said" dates the break-in
  if (CLAUSE_OPEN.test(lead) && SAID_AFTER.test(text.slice(end, end + 70))) return 'report';
  if (STATEMENT_NAMED.test(text.slice(end, end + 20))) return 'report';
  if (GATHERING.test(text.slice(end, end + 60))) return 'excluded';
  // a press-release dateline: "BRIGHTON, Mich., June 23, 2020 /PRNewswire/ --"
  if (/^\s*(?:\/[^/\n]{2,30}\/|--|[—\x97])/.test(text.slice(end, end + 32))) return 'excluded';
  // the clause around the date: a semicolon starts another statement
  // (the last ";" at or before `start` but in the sentence, looked for in `lead`: text.lastIndexOf(";", start) walked back to the
  // text's start when the sentence has none, a few microseconds a date on a long text; a ";" before the sentence counts as none
  // either way, "A; B. On May 5 …" opens the clause at "On", and one after it is found in both: "B; on May 5" at "on")
  const lastSemi = text.charCodeAt(start) === 59 ? start : sentence.start + lead.lastIndexOf(';');
  const clauseStart = Math.max(sentence.start, lastSemi + 1);
  const semi = text.indexOf(';', end);
  const clauseEnd = semi >= 0 && semi < sentence.end ? semi : sentence.end;
  const words = clauseWords(text, clauseStart, clauseEnd);
  const from = start - clauseStart;
  const to = end - clauseStart;
  // the verb that governs a date usually precedes it ("occurred in May"); look after it only when nothing does
  for (const before of [true, false]) {
    const inc = nearest(words.incident, from, to, before);
    const found = nearest(words.discovery, from, to, before);
    const disc = nearest(words.disclosure, from, to, before);
    // "detected the intrusion on 20 November": the discovery verb governs though the incident noun is nearer
    if (before && found <= DISCOVERY_REACH && found < disc) return 'discovery';
    const best = Math.min(inc, found, disc);
    if (best < Infinity) return best === inc ? 'incident' : best === found ? 'discovery' : 'disclosure';
  }
  // "what changes for companies from October 2024": with no event and no end, "from" starts a regime
  if (OPEN_START.test(lead.slice(-12)) && !RANGE_NEXT.test(text.slice(end, end + 12)) && !RANGE_INSIDE.test(text.slice(start, end))) return 'excluded';
  return 'neutral';
}

// a document that tells of no hack, breach, theft or loss has no incident date, whatever dates it states
const INCIDENT_REPORT = new RegExp(
  String.raw`\b(?:hack(?:ed|ers?|ing|s)|attack(?:ed|s)?|burglar\w*|thie(?:f|ves)|accessed|downloaded|embezzl\w+|indicted` +
    String.raw`|convicted|sentenced|pleaded\s+guilty|confidential|classified|(?:security|data|privacy|e-?mail)\s+(?:incident|event)|targeted|campaign` +
    String.raw`|breach(?:ed|es)?|cyber-?attack\w*|ransom\w*|attackers|stolen|stole|theft|compromised|unauthori[sz]ed|intrusion|malware|phishing|leaked` +
    String.raw`|skimm(?:er|ers|ing)|defaced|ddos|exposed|lost|misdirected|snooping|fraud\w*|missing|misplaced|mistakenly|inadvertently|wrong\s+(?:address` +
    String.raw`|recipient|person|patient)|hipaa|privacy|violat\w+|inappropriate(?:ly)?|improper(?:ly)?|publicly\s+(?:available|accessible)|identity` +
    String.raw`|social\s+security|personal\s+(?:data|information)|(?:patient|medical|health)\s+(?:information|records?|data)|spy\w*|espionage)\b`,
  'i',
);
/** Whether the text tells of an incident at all; the weak date rules speak only then. */
export function tellsOfIncident(doc: AnalysedDoc): boolean {
  return doc.once('date/tells-of-incident', () => INCIDENT_REPORT.test(doc.text));
}
