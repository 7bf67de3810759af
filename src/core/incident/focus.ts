// Does the article tell of one victim's incident at all? A phishing wave against taxpayers, a patched flaw, a
// trend report or a new malware family has no victim (LABELLING.md), yet the victim rules find an organisation
// in it anyway (the impersonated brand, the vendor, the researchers' firm). The headline says which kind of story
// it is: general-story wording with no word tying it to a victim's incident means there is no victim to give.
//   "Beware the latest tax-refund phishing scam"         → no victim-specific incident
//   "City council hit by phishing scam, payroll stolen"  → a victim's incident (hit, stolen)
//   "Router flaw exposes millions of homes to hacking"    → no victim-specific incident: "exposes … to hacking" is a risk
import { alternation } from '../alternation.ts';
import { wordList } from '../../../extractors/_shared/lexicon.ts';

// whole words here are bounded by word characters and hyphens ("ransomware-as-a-service" is no "ransomware")
const anyWord = (words: readonly string[]) => new RegExp(`(?<![\\w-])(?:${alternation(words, { flexibleSpace: true })})(?![\\w-])`, 'i');
// The word lists are data: extractors/lexicon/story-general.txt, story-victim-incident.txt, story-research.txt and
// story-research-topic.txt.
const GENERAL = anyWord(wordList('story-general'));
const INCIDENT = anyWord(wordList('story-victim-incident'));
// A risk, not an incident: what a flaw "exposes to hacking" or "leaves open to attack" was not hit. Taken out of the
// headline before the incident words are looked for.
const RISK = new RegExp(
  String.raw`\b(?:expos(?:es|e|ed|ing)|leaves?|left|puts?)\s+(?:[\w'’\x92-]+\s+){0,4}?(?:open\s+|vulnerable\s+)?to\s+` +
    String.raw`(?:hack\w*|attacks?|risk|theft|fraud|snooping|spying|hijack\w*)\b`,
  'gi',
);
// A scam or fake app aimed at a brand's public: a targeting verb, then (a few words on) a brand written with a capital
// and its users, customers or fans. The brand is the lure or the platform, not a victim whose systems were hit;
// "its customers" or "their users" are an organisation's own, and "customer data" is what a breach takes.
//   "Phishing scam targets iPhone users"  "a threat that aims to steal Netflix user credentials"  → the public
//   "a scam targeting its customers"  "the attack targeted Acme customer records"                → not the public
const PUBLIC_TARGET = new RegExp(
  `(?<![\\w-])(?:${alternation(wordList('story-public-target-verbs'), { flexibleSpace: true })})\\s+` +
    String.raw`((?:(?!(?:its|their|our|his|her)\s)[\w.+'’\x92-]+\s+){0,4}?)([\w.+'’\x92-]+)\s+` +
    `(?:${alternation(wordList('story-public-people'), { flexibleSpace: true })})(?![\\w-])` +
    String.raw`(?!\s+(?:data|database|databases|records|information|details)\b)`,
  'gi',
);
const CAPITAL = /\p{Lu}/u;
// the lead a public target is looked for in, beside the headline
const PUBLIC_LEAD_CHARS = 400;

/** Is the scam or malware of the headline or lead aimed at a brand's public ("targets Acme users")? */
export function targetsThePublic(text: string, title?: string | null): boolean {
  const passage = `${title ?? ''}\n${text.slice(0, PUBLIC_LEAD_CHARS)}`;
  for (const m of passage.matchAll(PUBLIC_TARGET)) if (CAPITAL.test(m[2]!)) return true;
  return false;
}

// Without a headline, the opening stands in for it: about a headline's length.
const OPENING_CHARS = 160;

// A research or trend report's findings (LABELLING.md: a research result or a trend report has no main incident), as
// the headline tells them: "FireEye analysis exposes main tactics of APT group", "Study finds hospitals slow to patch",
// or an exposé's kicker "Exposed: the path of ransomware payments". What the report "exposes" or "reveals" is its
// finding, and the attacks it counts or describes ("How does Russia hack?") its topic: neither is a victim's incident.
// The other incident words still tie such a headline to a victim: "Retailer hit by card-skimming malware, report
// finds", "Cyber attack on city council detailed in new report".
const RESEARCH = alternation(wordList('story-research'), { flexibleSpace: true });
const FINDS =
  String.raw`(?:has\s+|have\s+)?(?:finds?|found|shows?|showed|reveals?|revealed|exposes?|exposed|uncovers?|uncovered|suggests?` +
  String.raw`|highlights?|details)`;
// one word may stand between ("the report also reveals"), never an incident word ("reports breach exposed …")
const FINDING = String.raw`(?<![\w-])(?:${RESEARCH})\s+(?:(?!${INCIDENT.source})[\w'’\x92-]+\s+)?${FINDS}(?![\w-])|^\s*(?:exposed|revealed|uncovered)\s*:`;
const HAS_FINDING = new RegExp(FINDING, 'i');
const FINDINGS = new RegExp(FINDING, 'gi');
// "attack on the city council" names a victim's incident, research or not
const TOPIC = new RegExp(String.raw`${anyWord(wordList('story-research-topic')).source}(?!\s+(?:on|of|at|against)\b)`, 'gi');
/** The headline with a report's findings and topic taken out, or null when it tells no report's findings. */
const withoutFindings = (headline: string): string | null => (HAS_FINDING.test(headline) ? headline.replace(FINDINGS, ' ').replace(TOPIC, ' ') : null);

/** Does the passage use incident wording ("hit", "breached", "attack on")? The learned victim ranking asks it near a name. */
export const hasIncidentWord = (s: string): boolean => INCIDENT.test(s);

export interface StoryFocus {
  victimIncident: boolean;
  headline: string;
}

// The last answer: the rules that ask (dates, places) and resolve ask it of one document several times.
let lastText: string | undefined;
let lastTitle: string | null | undefined;
let lastFocus: StoryFocus | undefined;

export function storyFocus(text: string, title?: string | null): StoryFocus {
  if (lastFocus !== undefined && text === lastText && title === lastTitle) return lastFocus;
  lastFocus = focusOf(text, title);
  lastText = text;
  lastTitle = title;
  return lastFocus;
}

function focusOf(text: string, title?: string | null): StoryFocus {
  const headline = (title?.trim() || text.slice(0, OPENING_CHARS)).replace(/\s+/g, ' ');
  const told = headline.replace(RISK, ' ');
  const findings = withoutFindings(told);
  if (findings != null) return { victimIncident: INCIDENT.test(findings), headline };
  return { victimIncident: !GENERAL.test(headline) || INCIDENT.test(told), headline };
}
