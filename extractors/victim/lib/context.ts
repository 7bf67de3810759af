// Whether a name sits in incident talk. Fallback victim rules only guess from position or repetition,
// so on a match report or an earnings call they would name whatever organisation comes first; an
// incident word in the name's own sentence (or the next one) is what makes such a guess worth making.
import type { AnalysedDoc, Sentence } from '../../_shared/kit.ts';
import { forText } from '../../_shared/one-byte.ts';

// a topic is no event: "malware analysis", "ransomware defence"
const TOPIC_AFTER =
  String.raw`(?!\s+(?:analysis|defen[cs]e|protection|prevention|detection|research|training|awareness|insurance|rollback|readiness` +
  String.raw`|resilience|response|experts?|researchers?|trends?|statistics|landscape))`;
// "must report serious incidents" is a duty, not an event; "exposed" alone is weather and politics too ("exposed coasts"); it counts next to what leaks
const INCIDENT_WORD = new RegExp(
  String.raw`\b(?:cyber[\s-]?attacks?|attack(?:ed|ers?)?|breach(?:ed|es)?|hack(?:ed|ers?|ing|s)?|intrusions?|ransomware` +
    String.raw`|malware|unauthori[sz]ed|compromised?|stolen|stole|theft|thie(?:f|ves)|leak(?:ed|s)?|phishing|DDoS|encrypted|skimm(?:er|ers|ing)|lost|missing` +
    String.raw`|misdirected|misfaxed|mis-?mailed|inadvertent(?:ly)?|mistakenly|improperly|erroneously|snoop(?:ed|ing)|defaced|defaces|defacing` +
    String.raw`|surfaced\s+online|fraud(?:ulent(?:ly)?)?|misused?|ransom|extortion|dumpster|discarded|exposed\s+online|left\s+(?:unsecured|exposed|open` +
    String.raw`|unprotected)|unsecured|misconfigured|publicly\s+(?:accessible|available)|(?<!\breport(?:s|ing)?\s+(?:[\w-]+\s+)?)incidents?|sabotag(?:ed|ing` +
    String.raw`|e)|wiped|privacy|scam(?:s|mers?)?|malicious|defacements?|burglari[sz]ed|break-?in|cryptolocker|infection|infected|up\s+for\s+sale` +
    String.raw`|for\s+sale\s+on|(?:security\s+)?(?:flaw|bug|vulnerability)|mis-?published|mis-?sent|unlawful(?:ly)?|illegal(?:ly)?|insecure(?:ly)?|(?:left` +
    String.raw`|was|were)\s+open|left\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}(?:database|server|bucket|instance)s?\s+(?:open|unsecured` +
    String.raw`|exposed|unprotected)|took\s+control|compromising|exposes|exposing|fell\s+victim|fall\s+victim|victims?\s+of|(?:data|information|records` +
    String.raw`|details|files|numbers)\s+(?:[\w-]+\s+){0,3}(?:exposed|accessed|viewed|disclosed)|exposed\s+(?:the\s+)?(?:[\w-]+\s+){0,4}(?:data|databases?` +
    String.raw`|information|records|details|files|numbers))\b${TOPIC_AFTER}`,
  'iu',
);
// write-ups of mishandled records rarely say "breach": misdirected mail, snooping staff, a burglary
const MISHANDLING = new RegExp(
  String.raw`\b(?:(?:personal|medical|health|patient|customer|client|employee|student|member|user|confidential|sensitive` +
    String.raw`|private|financial)\s+(?:[\w-]+\s+)?(?:information|data|records|details|files|documents?)|social\s+security|SSNs?|PII|PHI|credit\s+cards?` +
    String.raw`|virus|wrong(?:ly)?|incorrect(?:ly)?|glitch|blunder|mistake|accidentally|inappropriate(?:ly)?|burglar(?:y|s)?|broke\s+into|stealing|thefts?` +
    String.raw`|HIPAA|notif(?:y|ied|ication)|sentenced|charged|indicted|pleaded\s+guilty|convicted|fired|terminated|arrested|accused|delet(?:ed|ing)` +
    String.raw`|without\s+authori[sz]ation|info|fined|sued|steal(?:s|ing)?|disposed?|disposes|disposal|(?:improperly|illegally|unlawfully` +
    String.raw`|inappropriately)\s+accessed|accessing|snooping|shredd?(?:ed|ing)?|leaving|left\s+(?:behind|in|on|at)|dumped|pirated|trade\s+secrets)\b`,
  'iu',
);
// "the outage was not the result of a cyberattack"
const DENIED = /\b(?:not|no|nor|never|without)\s+(?:[\w-]+\s+){0,4}(?:cyber[\s-]?attack|attack|hack|breach|malicious|intrusion)/iu;
// (searched as forText's copies in a string of one byte a character: without /u, which V8 compiles these for far less)
export const talksIncident = (s: string) => (forText(INCIDENT_WORD, s).test(s) || forText(MISHANDLING, s).test(s)) && !forText(DENIED, s).test(s);
// every rule asks about the sentences around its own name, and most names sit in the same few sentences
const sentenceTalksIncident = (doc: AnalysedDoc, s: Sentence) => {
  const memo = doc.once('victim/sentence-talks-incident', () => new Map<number, boolean>());
  let v = memo.get(s.index);
  if (v === undefined) memo.set(s.index, (v = talksIncident(s.text)));
  return v;
};

/** A sentence at most `reach` sentences from the one holding `pos` speaks of an incident. */
function incidentWithin(doc: AnalysedDoc, pos: number, reach: number): boolean {
  const s = doc.sentenceAt(pos);
  if (!s) return false;
  return doc.sentences.slice(Math.max(0, s.index - reach), s.index + reach + 1).some((t) => sentenceTalksIncident(doc, t));
}

/** The sentence holding `pos`, or one next to it, speaks of an incident. */
export const inIncidentTalk = (doc: AnalysedDoc, pos: number): boolean => incidentWithin(doc, pos, 1);

// "the voter database was held by software developer C-Planet IT Solutions": a rule whose own wording already ties
// the name to the affected people, data or wrongdoer may find the incident a few sentences away
const PASSAGE_REACH = 3;
/** A sentence within a few of the one holding `pos` speaks of an incident. */
export const inIncidentPassage = (doc: AnalysedDoc, pos: number): boolean => incidentWithin(doc, pos, PASSAGE_REACH);

/** The sentence holding `pos` itself speaks of an incident; a neighbour's incident word may be a sales pitch's list. */
export const inIncidentSentence = (doc: AnalysedDoc, pos: number): boolean => incidentWithin(doc, pos, 0);
