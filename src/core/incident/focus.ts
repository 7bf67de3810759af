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
// The word lists are data: extractors/lexicon/story-general.txt and story-victim-incident.txt.
const GENERAL = anyWord(wordList('story-general'));
const INCIDENT = anyWord(wordList('story-victim-incident'));
// A risk, not an incident: what a flaw "exposes to hacking" or "leaves open to attack" was not hit. Taken out of the
// headline before the incident words are looked for.
const RISK = new RegExp(
  String.raw`\b(?:expos(?:es|e|ed|ing)|leaves?|left|puts?)\s+(?:[\w'’-]+\s+){0,4}?(?:open\s+|vulnerable\s+)?to\s+` +
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
    String.raw`((?:(?!(?:its|their|our|his|her)\s)[\w.+'’-]+\s+){0,4}?)([\w.+'’-]+)\s+` +
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

/** Does the passage use incident wording ("hit", "breached", "attack on")? The learned victim ranking asks it near a name. */
export const hasIncidentWord = (s: string): boolean => INCIDENT.test(s);

export interface StoryFocus {
  victimIncident: boolean;
  headline: string;
}

export function storyFocus(text: string, title?: string | null): StoryFocus {
  const headline = (title?.trim() || text.slice(0, OPENING_CHARS)).replace(/\s+/g, ' ');
  return { victimIncident: !GENERAL.test(headline) || INCIDENT.test(headline.replace(RISK, ' ')), headline };
}
