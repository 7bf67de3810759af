// Words around a country mention that make it the attackers' origin, and the cues that cancel it.
import type { AnalysedDoc } from '../../_shared/kit.ts';
import { wordList } from '../../_shared/lexicon.ts';

// What attackers are called. Longest first so "hacking group" wins over "hacking".
export const ATTACKER_NOUN =
  String.raw`(?:advanced\s+persistent\s+threat(?:\s+(?:group|actor)s?)?|threat[\s-]?(?:actors?|groups?)|state[\s-]?prox(?:y|ies)|` +
  String.raw`hack(?:er|ing|tivist)[\s-]?(?:groups?|units?|teams?|collectives?|crews?|gangs?|cells?|outfits?|squads?)|` +
  String.raw`(?:cyber[\s-]?)?(?:criminals?|attackers?|spies|espionage\s+(?:groups?|actors?|campaigns?|operations?))|` +
  String.raw`ransomware\s+(?:gangs?|groups?|operators?|actors?|crews?)|(?:cyber|electronic)\s+army|` +
  String.raw`(?:nation[\s-])?state\s+(?:actors?|hackers?)|intelligence\s+(?:agenc(?:y|ies)|services?|officers?|operatives|units?)|` +
  String.raw`military\s+(?:hackers?|intelligence|units?)|APT[\s-]?\d+|hackers?|hacktivists?|APTs?|actors?|groups?|gangs?|crews?|units?|collectives?` +
  String.raw`|operatives|` +
  String.raw`scam\s+call[\s-]cent(?:er|re)s?|` +
  String.raw`insurgents|militants|intruders|perpetrators|fraudsters|scammers|extortionists|trolls|warriors|prox(?:y|ies)|cyberspies|cybercriminals?)`;

// What may stand between a demonym and the attacker noun: "Russian state-sponsored hacking group".
export const ATTACKER_MODIFIER =
  String.raw`(?:(?:state|government|military|kremlin)[\s-]?(?:sponsored|backed|linked|affiliated|run|supported|controlled` +
  String.raw`|aligned)|` +
  String.raw`nation[\s-]state|state|government|military|speaking|based|cyber|hacking|hacker|hacktivist|ransomware|cyber[\s-]?espionage|espionage|` +
  String.raw`criminal|cybercriminal|suspected|alleged|so[\s-]called|notorious|infamous|sophisticated|patriotic|nationalist|` +
  String.raw`grey[\s-]hat|gr[ae]y[\s-]hat|black[\s-]hat|activist|elite|well[\s-]known|prolific|APT|threat|computer|internet|online|` +
  String.raw`cyber[\s-]?crime|organi[sz]ed)`;

/**
 * Closes the body of a bounded repeat of ATTACKER_MODIFIER (`(?:[\s-]+${ATTACKER_MODIFIER}${ONCE}){0,3}`): V8 writes a
 * repeat of at most three out as that many copies of its body, unless the body holds a capture. This empty one matches
 * nothing, so the pattern finds the same matches (its later groups one place on), and its body is compiled once, not thrice.
 */
export const ONCE = '()';

// "there is no evidence Russia was involved", "hackers posing as Iranians": the mention is not an attribution.
const NEGATION_BEFORE = new RegExp(
  String.raw`\b(?:no|not|nor|never|without|little|lack\s+of)\s+(?:\w+\s+){0,3}(?:evidence|proof|indication|sign|link` +
    String.raw`|connection|suggestion)\b|\bden(?:y|ies|ied|ying|ial)\b|\brul(?:ed|es|ing)\s+out\b|\bdismiss|\breject|\bpos(?:ed|ing)\s+as\b|\bmasquerad` +
    String.raw`|\bimpersonat|\bfalse[\s-]flag|\bdisguis|\bmimic|\bpretend|\bunlikely\b|\brather\s+than\b|\bnot\s+(?:by|from)\b`,
  'i',
);
// "not connected to the UK": the cue itself negated
const NOT_RIGHT_BEFORE = /\b(?:not|never)\s+(?:\w+ly\s+)?$/i;
// "recalled the May attack, in which hackers linked to North Korea…", "that attack was later traced to…": another incident's attribution
const OTHER_INCIDENT = new RegExp(
  String.raw`\b(?:recall(?:ed|s|ing)|reminiscent\s+of|echo(?:ed|es|ing)|in\s+a\s+separate` +
    String.raw`|similar\s+to\s+(?:the|an?)\s+(?:\w+\s+){0,3}?(?:attack|breach|campaign)` +
    String.raw`|that\s+(?:attack|outbreak|campaign|breach)\s+(?:was|has\s+been)\s+later)\b`,
  'i',
);
const NEGATION_AFTER = /^[^.;]{0,40}?\b(?:den(?:y|ies|ied)|(?:was|were|is|are)\s+not\s+(?:\w+\s+)?(?:involved|behind|responsible)|had\s+nothing\s+to\s+do)\b/i;

// "…a Russian espionage group. It is unclear, though, if this is the same group.": the next sentence doubts the link
const DOUBT_NEXT = new RegExp(
  String.raw`^\s*(?:But\s+)?it\s+(?:is|was|remains)\s+(?:still\s+)?(?:unclear|not\s+(?:yet\s+)?clear|uncertain|unknown)(?:,?\s+though,?)?` +
    String.raw`\s+(?:if|whether)\s+(?:[\w'’\x92-]+\s+){1,3}?(?:is|are|was|were)\s+(?:the\s+)?same\b`,
  'i',
);

/** The mention at [start, end) sits in a denial, a false flag or a "no evidence" clause, or tells of another incident. */
export function negated(doc: AnalysedDoc, start: number, end: number): boolean {
  const s = doc.sentenceAt(start);
  if (s && DOUBT_NEXT.test(doc.text.slice(s.end, s.end + 120))) return true;
  const from = s ? Math.max(s.start, start - 90) : Math.max(0, start - 90);
  const before = doc.text.slice(from, start);
  const clause = before.slice(Math.max(before.lastIndexOf(';'), before.lastIndexOf(' but ')) + 1);
  if (NEGATION_BEFORE.test(clause) || NOT_RIGHT_BEFORE.test(clause) || (s && OTHER_INCIDENT.test(s.text))) return true;
  return NEGATION_AFTER.test(doc.text.slice(end, s ? s.end : end + 60));
}

// A group name written after its description: "group Lazarus", "APT Gamaredon", "threat actor Rancor".
const NAME = new RegExp(
  String.raw`^(?:[\s,]+(?:(?:known|tracked|identified)\s+as|dubbed|called|named|aka)\s+)?[\s,]*(?:["“\x93']([^"”\x94'\n]{2,40})["”\x94']` +
    String.raw`|((?:[A-Z][\w-]*[A-Za-z0-9]|[A-Z]{2,}\s?\d+|\d+[A-Za-z][\w-]*)(?:[ \t]+(?:[A-Z][\w-]*[A-Za-z0-9]|\d+))*))`,
  '',
);
const NOT_NAMES = new Set(wordList('origin-not-group-names'));
const MAX_NAME_WORDS = 4;

/** The group name right after `pos`, if one is written there. */
export function nameAfter(doc: AnalysedDoc, pos: number): { name: string; start: number; end: number } | undefined {
  const rest = doc.text.slice(pos, pos + 80);
  const m = NAME.exec(rest);
  if (!m) return undefined;
  const raw = (m[1] ?? m[2])!;
  const words = raw.split(/\s+/);
  if (NOT_NAMES.has(words[0]!) || (!m[1] && words.length > MAX_NAME_WORDS)) return undefined;
  const name = raw.replace(/[.,]+$/, '');
  const start = pos + m[0].lastIndexOf(raw);
  return { name, start, end: start + name.length };
}

// Words that make a country the acting state: "the Chinese government", "Britain's GCHQ", "Russian military intelligence".
const STATE_WORDS = [
  'government',
  'state',
  'military',
  'army',
  'navy',
  String.raw`air\s+force`,
  'intelligence',
  'secret',
  'security',
  'special',
  'services?',
  String.raw`agenc(?:y|ies)`,
  'spy',
  'regime',
  'authorities',
  'police',
  'cyber',
  'command',
  'forces?',
  'units?',
  'internet',
  'warriors',
  'hackers?',
  'officials',
];
/** Either case at the word start only, so the pattern needs no 'i' flag next to an upper-case acronym. */
export const STATE_WORD = `(?:${STATE_WORDS.map((w) => w.replace(/^[a-z]/, (c) => `[${c}${c.toUpperCase()}]`)).join('|')})`;
// An agency written by its initials ("BND", "GCHQ", "SVR"): upper case only, so no 'i' flag may touch it.
export const ACRONYM = String.raw`(?:[A-Z]{2,6}\d*)`;
// What the acting state does to a target, in the active voice.
export const ATTACK_VERB =
  String.raw`(?:hack(?:s|ed|ing)?(?:\s+into)?|spie[sd]|spy(?:ing)?|attack(?:s|ed|ing)?|target(?:s|ed|ing)?|` +
  String.raw`breach(?:es|ed)?|compromis(?:es|ed)|infiltrat(?:es|ed)|st(?:ole|eals)|launch(?:es|ed)|conduct(?:s|ed)|` +
  String.raw`carri(?:es|ed)\s+out|orchestrat(?:es|ed)|deface[sd]|leak(?:s|ed)|wiretap(?:s|ped)|intercept(?:s|ed)|monitor(?:s|ed)|` +
  String.raw`deploy(?:s|ed)|plant(?:s|ed)|accesse[sd]|penetrat(?:es|ed)|download(?:s|ed)|jam(?:s|med)|surveil(?:s|led)|infect(?:s|ed)|` +
  String.raw`br(?:oke|eaks)\s+into|gain(?:s|ed)\s+access|disrupt(?:s|ed)|tap(?:s|ped)|used|uses|assault(?:s|ed)|sabotag(?:es|ed)|` +
  String.raw`eavesdrop(?:s|ped)|exfiltrat(?:es|ed)|took\s+down|takes\s+down|shut\s+down|shuts\s+down|knock(?:s|ed)\s+(?:out|down|offline)|interfer(?:es` +
  String.raw`|ed)\s+with|` +
  String.raw`(?:is|was|were|are|has\s+been|had\s+been)\s+(?:(?:allegedly|reportedly|likely|probably|also)\s+)?(?:behind|responsible\s+for))`;
// What attackers do, as nouns: "Chinese cyberattacks", "attacks originating from China".
export const ATTACK_NOUN =
  String.raw`(?:(?:cyber[\s-]?)?attacks?|intrusions?|hacks?|hacking|traffic|campaigns?|operations?|activity|DDoS|` +
  String.raw`(?:cyber[\s-]?)?espionage|spying|infections?|malware|spyware|phishing|interference|involvement|infiltration)`;
