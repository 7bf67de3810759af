// Whether a document tells of a particular incident, so that a nationality in it can be an attribution.
// A museum guide ("Soviet and American intelligence agencies intercepted…"), a town's history ("the Belgian
// army used it") or a vendor's pitch ("Russian hackers … are constantly probing networks") names states and
// attackers but reports no attack that happened to someone.
import type { AnalysedDoc } from '../../_shared/kit.ts';

// An incident database's short write-up is an incident by construction; a full article has to say so.
const SHORT_SUMMARY = 400;
const HARM =
  String.raw`(?:hit|attacked|breached|hacked|compromised|targeted|encrypted|defaced|infected|disrupted|crippled|paraly[sz]ed|` +
  String.raw`knocked\s+(?:out|offline|down)|taken\s+(?:down|offline)|shut\s+down|stolen|leaked|exposed|accessed|affected|impacted|` +
  String.raw`infiltrated|penetrated|spied\s+on|wiped|locked|hijacked|held\s+(?:to\s+)?ransom|extorted|blackmailed|DDoS(?:ed|'d)?)`;
// What opens an object or a party; a bare noun after the verb is usually an adjective ("compromised servers").
const DET =
  String.raw`(?:the|a|an|its|their|his|her|some|several|multiple|numerous|various|unspecified|dozens|hundreds|thousands|millions|more|over|about` +
  String.raw`|around|at\s+least|[\d$€£]|[A-Z])`;
// Past or perfect events only: a pitch speaks of attackers in the present ("are constantly probing").
const PASSIVE = new RegExp(String.raw`\b(?:was|were|been|got|gets|is|are)\s+(?:(?:[\w-]+ly|also|then|later|reportedly|allegedly)\s+)?${HARM}\b`, 'i');
// The active verb needs its object, so "isolates compromised servers" (an adjective) does not count.
const ACTIVE = new RegExp(
  String.raw`\b(?:hacked|attacked|breached|stole|encrypted|defaced|targeted|compromised|infiltrated|exfiltrated|leaked|` +
    String.raw`disrupted|crippled|paraly[sz]ed|wiped|spied\s+on|broke\s+into|gained\s+access|took\s+(?:down|offline|control)|knocked\s+(?:out|offline|down)|` +
    String.raw`launched|conducted|carried\s+out|deployed|planted|placed|installed|claimed|demanded|published|released|dumped|` +
    String.raw`compromising|breaching|hacking\s+into|infiltrating|attacking)\s+(?:\w+\s+)?` +
    String.raw`(?:${DET}|data|files|documents|emails|credentials|information|records|responsibility)`,
  'u',
);
// A definite or possessive incident noun: "the attack", "this breach", "the city's outage"; "the attack surface" is a topic.
const DEFINITE = new RegExp(
  String.raw`\b(?:[Tt]he|[Tt]his|last\s+\w+['’\x92]s|[A-Z][\w-]*['’\x92]s)\s+(?:[\w-]+\s+){0,2}(?:(?:cyber[\s-]?)?attacks?|breach` +
    String.raw`|intrusion|incident|hack|compromise|leak|defacement|outage)\b(?![\s-]+(?:surface|vectors?|landscape|simulation|readiness))`,
  '',
);
// An incident noun with its actor or target: "attacks by a Russian APT", "a campaign against Ukrainian banks", "intrusions into".
const WITH_PARTY = new RegExp(
  String.raw`\b(?:(?:cyber[\s-]?)?attacks?|campaigns?|intrusions?|operations?|espionage|breach(?:es)?|hacks?|compromises?)\s+` +
    String.raw`(?:into\b|(?:by|against|on|of|from|targeting)\s+(?:[\w-]+\s+){0,2}?${DET})`,
  'u',
);
const VICTIM = new RegExp(
  String.raw`\b(?:suffered\s+(?:a|an)\b|fell\s+victim|victims?\s+of\s+(?:a|an|the)\b|claimed\s+(?:responsibility|credit)` +
    String.raw`|responsible\s+for\s+(?:\w+\s+){0,3}(?:attack|breach|intrusion|hack|using|the|this)\b)`,
  'i',
);
// Researchers' reports of a particular finding: "Lookout has discovered a … malware threat".
const FINDING = new RegExp(
  String.raw`\b(?:investigat(?:ing|ed|es)|discovered|uncovered|detected|observed|identified|spotted|ha(?:s` +
    String.raw`|ve)\s+been\s+tracking)\s+(?:[\w-]+\s+){0,6}?(?:malware|campaigns?|attacks?|intrusions?|backdoor|activity|operations?|spyware|implants?` +
    String.raw`|breach)\b`,
  'i',
);
const PATTERNS = [PASSIVE, ACTIVE, DEFINITE, WITH_PARTY, VICTIM, FINDING];
// A siege or a battle is an attack too; the incidents origin speaks of happen to computers and data.
const DIGITAL = new RegExp(
  String.raw`\b(?:cyber\w*|hack\w*|ransomware|malware|spyware|phishing|DDoS|data|databases?|computers?|networks?|servers?|systems?` +
    String.raw`|websites?|e-?mails?|online|internet|digital|software|passwords?|accounts?|IT|espionage|spy\w*|spie[sd]|surveillance|wiretap\w*|intercept\w*` +
    String.raw`|encrypt\w*|compromis\w*|leak\w*|communications?|messag\w*|phones?|laptops?|Twitter|tweets?|social\s+media|files|documents|records` +
    String.raw`|information)\b`,
  '',
);
/** True when the document reports an incident that happened, not only threats, history or a product. */
export function tellsOfIncident(doc: AnalysedDoc): boolean {
  return doc.once('origin/tells-of-incident', () => {
    const t = doc.text;
    return t.length < SHORT_SUMMARY || (DIGITAL.test(t) && PATTERNS.some((re) => re.test(t)));
  });
}
