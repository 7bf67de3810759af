// "Lakeside hit by ransomware attack, staff told to unplug computers" (headline) … "the city of Lakeside said …"
// A news headline says in few words whom the main incident hit: the subject of a passive harm verb ("Lakeside hit
// by …", "Acme Corp hacked"), the owner of an incident noun ("Acme Attack Exposes …", "Acme: 2016 Breach …"), the
// object of an attacker's verb or of an attack noun ("Hackers hit Acme", "ransomware attack on the city of Lakeside"),
// or the owner of leaked records ("Scammer gets Acme employee W-2s"). The name is taken as the body writes it (the
// longest run of the headline's words the body has), and a town counts: its council is the victim.
// The headline comes with the article (its title) or, for a bare text, is its first line.
import { defineRule, escapeLiteral, firstMatch, span, type AnalysedDoc } from '../_shared/kit.ts';
import { nameAt } from './lib/names.ts';
import { headlineOf } from './lib/headline.ts';
import { isCountry } from './lib/clean/helpers.ts';
import { uniqueSubdivision } from '../_shared/gazetteer.ts';
import { ACTOR_AFTER, ORG_HEAD, REPORTER, isCommonWord, isKnownOrganisation, isNotVictimWord, wordTagList } from './lib/words.ts';
import { talksIncident } from './lib/context.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const CAPITAL_FIRST = /^\p{Lu}/u;

const MAX_WORDS = 6;
const INCIDENT = String.raw`(?:cyber[\s-]?attacks?|attacks?|breach(?:es)?|hacks?|hacking|intrusions?|ransomware|DDoS|data\s+(?:breach|leak)|leak)`;
// after the name: a passive harm verb, an incident noun it owns, a colon before one, a verb of telling of one, falling
// victim, its systems hit, its people's records taken
const PASSIVE_HARM =
  String.raw`\s+(?:(?:was|is|gets?|got|has\s+been)\s+)?(?:hit|struck|hacked|breached|attacked|targeted|compromised|infected|crippled` +
  String.raw`|paraly[sz]ed|defaced|knocked\s+offline)(?=\s+(?:by|with|in|during|after|as|amid)\b|\s*[,;:.!?|–\x96—\x97-]|\s*$)`;
const OWN_INCIDENT = String.raw`\s+(?:(?:cyber|email|phishing|data|ransomware|security|network)[\s-]?){0,2}(?:attack|breach|hack|intrusion)\b`;
const TELLS =
  String.raw`\s+(?:confirms?|confirmed|discloses?|disclosed|reports?|reported|suffers?|suffered|admits?|admitted|investigates?|flags?` +
  String.raw`|flagged|reveals?|revealed|notif(?:y|ies|ied))\s+(?:[\w-]+\s+){0,4}${INCIDENT}\b`;
const VICTIM_OF = String.raw`\s+(?:falls?|fell)\s+victim\b|\s+among\s+(?:the\s+)?(?:[\w-]+\s+){0,3}victims\b`;
const SYSTEMS_HIT =
  String.raw`(?:['’\x92]s?)?\s+(?:[\w-]+\s+)?(?:API|website|site|network|systems?|servers?|database|app)\s+(?:leaks?|leaked|exposes?|exposed` +
  String.raw`|hacked|breached|defaced|(?:(?:was|were|is|are)\s+)?(?:affected|hit|infected|crippled|compromised)\s+by)\b`;
const RECORDS_TAKEN = String.raw`['’\x92]?s?\s+(?:employee|customer|patient|staff|student|user)s?['’\x92]?\s+(?:W-?2s?|data|records|details|tax\s+forms)`;
const AFTER_NAME = new RegExp(
  String.raw`^(?:${PASSIVE_HARM}|${OWN_INCIDENT}|:\s+(?:[\w-]+\s+){0,3}${INCIDENT}\b|${TELLS}|${VICTIM_OF}|${SYSTEMS_HIT}|${RECORDS_TAKEN})`,
  'iu',
);
// before the name: an attacker's verb on it ("Anonymous Hacks, Defaces"), an attack noun's preposition
const ATTACKER =
  String.raw`(?:hackers?|attackers?|ransomware|malware|cyber[\s-]?attack|cybercriminals?|extortionists?|anonymous|(?:hackt|act)ivists?` +
  String.raw`|scammers?|thieves|virus)`;
const ATTACKER_VERB =
  String.raw`(?:hit|hits|hack|hacks|hacked|breach(?:es|ed)?|target(?:s|ed)?|attack(?:s|ed)?|strikes?|struck|cripples?|crippled|deface[sd]?` +
  String.raw`|infects?|infected|paraly[sz]es|disrupts?)`;
const BEFORE_NAME = new RegExp(
  String.raw`(?:${ATTACKER}\s+(?:${ATTACKER_VERB}(?:\s*,\s*|\s+and\s+)?){1,2}|${INCIDENT}\s+(?:on|at|against))\s+(?:the\s+)?` +
    String.raw`(?:(?:city|town|county)\s+of\s+)?$`,
  'iu',
);
// what may follow an object: the headline's end, punctuation, a joining word, or the systems hit
const OBJECT_END = new RegExp(
  String.raw`^(?:$|\s*[,;:.!?|–\x96—\x97-]|\s+(?:with|by|in|as|after|over|for|and|to|amid|leaving|demanding|website|site|network|systems?` +
    String.raw`|servers?|computers?|data|database|email)\b)`,
  'iu',
);
const CAPITAL = /^[\p{Lu}\d]/u;
// the incident's own words, title-cased, are no part of a name ("Reveals Cyber Attack")
const INCIDENT_WORD =
  /^(?:cyber|cyberattacks?|attacks?|breach(?:es)?|hacks?|hackers?|data|email|phishing|ransomware|security|malware|scam|massive|major|new|latest)$/iu;
const JOIN = /^(?:of|de|du|la|and|&|for|the)$/u;
// the headline's own word on whom the incident hit; above the body rules' 0.7, so that in a group it shares with a longer
// body name ("Atlanta" and "Atlanta Information Management") the headline's name is the one given
const HEADLINE_VICTIM = 0.75;

/**
 * Where the body first writes `name` as a whole word, and how: as the headline does, else (a name of several words)
 * ending on an organisation noun) in any case ("Ashford Rowing Club" in a title-cased headline, "the Ashford rowing club" in the body).
 */
const KIND_LAST = new RegExp(`(?:${ORG_HEAD.source})$`, 'u');
function bodyMention(text: string, name: string, from: number): { at: number; value: string } | null {
  const word = (flags: string) => new RegExp(`(?<![\\p{L}\\p{M}\\d])${escapeLiteral(name)}(?![\\p{L}\\p{M}\\d])`, flags);
  const m = firstMatch(word('u'), text, from) ?? (/\s/u.test(name) && KIND_LAST.test(name) ? firstMatch(word('iu'), text, from) : null);
  return m ? { at: m.index, value: m[0] } : null;
}

// "Ransomware at Riverside Unified:" … "Riverside Unified School District's board": the body's full name, a few more
// capitalised words in the same sentence
const MAX_MORE_WORDS = 3;
function longer(doc: AnalysedDoc, m: { at: number; value: string }): { value: string } {
  const full = nameAt(doc, m.at);
  if (!full || full.start !== m.at || !full.value.startsWith(`${m.value} `)) return m;
  const more = full.value.slice(m.value.length);
  const words = more.trim().split(/\s+/u);
  // a related story's title-cased headline ("Acme Cuts Breach Estimate") is no name
  return /[.]/u.test(more) || words.length > MAX_MORE_WORDS || talksIncident(more) || words.some((w) => INCIDENT_WORD.test(w)) ? m : full;
}

interface Word {
  w: string;
  start: number;
  end: number;
}
const WORDS = /\S+/gu;
// a word's trailing punctuation ends the name ("Crestline Foods:") and belongs to what follows it
const TRAIL = /[:,;.!?]+$/u;
const POSSESSIVE = /['’\x92]s?$/u;

/**
 * The names the headline's words i..k-1 can make, longest first: capitalised at both ends, joiners between, no
 * punctuation inside; each with where it ends in the headline (before its trailing punctuation or possessive).
 */
function* namesOver(words: readonly Word[], from: number, to: number, fromEnd: boolean): Generator<{ value: string; end: number }> {
  for (let k = Math.min(MAX_WORDS, to - from); k >= 1; k--) {
    const part = fromEnd ? words.slice(to - k, to) : words.slice(from, from + k);
    const first = part[0]!.w;
    const last = part[part.length - 1]!.w.replace(TRAIL, '');
    if (!CAPITAL_FIRST.test(first) || !CAPITAL.test(last) || part.some((x) => INCIDENT_WORD.test(x.w.replace(TRAIL, '')))) continue;
    if (part.slice(0, -1).some((x) => TRAIL.test(x.w) || (!CAPITAL.test(x.w) && !JOIN.test(x.w)))) continue;
    const own = last.replace(POSSESSIVE, '');
    const value = [...part.slice(0, -1).map((x) => x.w), own].join(' ');
    yield { value, end: part[part.length - 1]!.start + own.length };
  }
}

// a continent or region ("Europe", "Vermont") is where many were hit, a town is its council
const isWiderPlace = (name: string) => {
  return wordTagList(name.toLowerCase()).some((t) => t === 'Place' || t === 'Region' || t === 'Country');
};
// "Massive cyberattack hits …": a title-cased adjective or common noun alone is no name
const acceptable = (name: string, text: string, at: number) =>
  (/\s/u.test(name) || !isCommonWord(name) || isKnownOrganisation(name)) &&
  !isCountry(name) &&
  !uniqueSubdivision(name) &&
  !isWiderPlace(name) &&
  !isNotVictimWord(name) &&
  !REPORTER.test(name) &&
  !ACTOR_AFTER.test(text.slice(at + name.length, at + name.length + 40)) &&
  !/^\s*(?:ransomware|malware|trojan|worm|virus|botnet|exploit)\b/iu.test(text.slice(at + name.length, at + name.length + 20));

export default defineRule({
  field: 'victim',
  examples: [
    {
      text: 'Lakeside hit by ransomware attack, staff told to unplug computers\nThe city of Lakeside said its systems were encrypted on Friday.',
      publishedAt: '2024-05-02',
      value: 'Lakeside',
    },
    { text: 'Ransomware attack on the city of Lakeside\nOfficials in Lakeside said the attack began on Monday.', publishedAt: '2024-05-02', value: 'Lakeside' },
    {
      text: 'Ransomware at Elmford Unified: what the board heard\nElmford Unified School District trustees heard how the attack began.',
      publishedAt: '2024-05-02',
      value: 'Elmford Unified School District',
    },
    {
      text: 'Bravo Outfitters Breach Exposes 300,000 Cards\nBravo Outfitters said a hacker had accessed its payment systems.',
      publishedAt: '2024-05-02',
      value: 'Bravo Outfitters',
    },
    {
      text: 'Pellham Outfitters Suffers Major Card Breach\nPellham Outfitters found malware on its tills.',
      publishedAt: '2024-05-02',
      value: 'Pellham Outfitters',
    },
    {
      text: 'Hackers hit Dunmore Savings with ransomware\nDunmore Savings closed two branches on Tuesday.',
      publishedAt: '2024-05-02',
      value: 'Dunmore Savings',
    },
    {
      text: 'Crestline Foods: 2016 Breach Exposed Card Numbers\nCrestline Foods told customers that attackers installed malware.',
      publishedAt: '2024-05-02',
      value: 'Crestline Foods',
    },
    {
      text: "Scammer gets Harbour Grill employee W-2s\nHarbour Grill's payroll office answered a fake email from its boss.",
      publishedAt: '2024-05-02',
      value: 'Harbour Grill',
    },
    {
      text: 'Hacktivists Hack, Deface Orvel Society Website\nThe Orvel Society said its site was restored.',
      publishedAt: '2024-05-02',
      value: 'Orvel Society',
    },
    {
      text: 'Ashford Rowing Club Website Defaced\nHackers defaced the site of the Ashford rowing club.',
      publishedAt: '2024-05-02',
      value: 'Ashford rowing club',
    },
  ],
  counterExamples: [
    // a country, a state, the attackers' own name, a reporter
    { text: 'Massive cyberattack hits Europe\nCompanies across Europe were hit on Tuesday.', publishedAt: '2024-05-02' },
    { text: 'Ransomware hits Vermont furniture store\nA furniture store in Vermont paid the attackers.', publishedAt: '2024-05-02' },
    { text: 'Zephyr ransomware attack spreads worldwide\nThe Zephyr ransomware encrypts files.', publishedAt: '2024-05-02' },
    { text: 'FBI investigates attack on water plant\nThe FBI said the plant was safe.', publishedAt: '2024-05-02' },
    // a headline that names nobody the body names, a first line that is a sentence, a text with no date (no article)
    { text: 'Dental clinic hit by ransomware\nA small practice lost its records.', publishedAt: '2024-05-02' },
    { text: 'Acme Corp was hit by ransomware.\nAcme Corp restored its systems.', publishedAt: '2024-05-02' },
    'Acme Corp hit by ransomware\nAcme Corp restored its systems.',
  ],
  *propose(doc) {
    const { text } = doc;
    // a dated news article: a database's incident label ("Acme Hack II") is a title too, but the coder's text has its own victim
    if (!doc.publishedAt) return;
    const top = headlineOf(doc);
    if (!top || !talksIncident(top.line)) return;
    const { line: headline, body } = top;
    const words: Word[] = [...headline.matchAll(WORDS)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
    const seen = new Set<string>();
    const found = (value: string) => {
      if (seen.has(value)) return null;
      const m = bodyMention(text, value, body);
      if (!m || !acceptable(value, text, m.at)) return null;
      seen.add(value);
      const full = longer(doc, m);
      return { value: full.value, confidence: HEADLINE_VICTIM, evidence: [span(text, m.at, m.at + full.value.length)] };
    };
    for (let i = 1; i <= words.length; i++) {
      // the subject: the name ends with word i-1 and the harm follows it
      for (const n of namesOver(words, Math.max(0, i - MAX_WORDS), i, true)) {
        if (!AFTER_NAME.test(headline.slice(n.end))) continue;
        const p = found(n.value);
        if (!p) continue;
        yield p;
        break;
      }
    }
    for (let i = 0; i < words.length; i++) {
      // the object: the name starts at word i, after an attacker's verb or an attack noun
      if (!BEFORE_NAME.test(headline.slice(0, words[i]!.start))) continue;
      for (const n of namesOver(words, i, words.length, false)) {
        if (!OBJECT_END.test(headline.slice(n.end))) continue;
        const p = found(n.value);
        if (!p) continue;
        yield p;
        break;
      }
    }
  },
});
