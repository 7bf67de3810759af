// When a ransom word does not report a ransom: "had not demanded any ransom", "protection against
// ransomware", "criminals could demand a ransom", "threats such as ransomware", "Unlike typical
// ransomware attacks", "Acme Ransomware Protection". Shared by the ransom rules so they agree on it.
import type { AnalysedDoc } from '../../_shared/kit.ts';
import { firstMatchNearKey, isWordOrSpace } from '../../_shared/near-key.ts';
import { PerDoc } from '../../_shared/per-doc.ts';

// what stands in the few words before the cue, up to the cue itself
const NEGATED = new RegExp(
  String.raw`\b(?:no|not|never|without|nor|neither|ruled?\s+out|rules\s+out|denied|denies|deny|no\s+evidence\s+(?:of` +
    String.raw`|that))\b(?:[\s,]+[\w'-]+){0,3}[\s,]*$|n['’\x92]t(?:[\s,]+[\w'-]+){0,2}[\s,]*$`,
  'i',
);
// "protection against insider threats, data breaches and ransomware": the cue closes a list of what is guarded against
const PROTECTIVE = new RegExp(
  String.raw`\b(?:against|prevent\w*|protect\w*|defend\w*|guard\w*|combat\w*|anti-?)\b(?:[\s,]+[\w'-]+){0,3}[\s,]*$|\banti-?$` +
    String.raw`|\bagainst\s[^.;]{0,60},[^.;]{0,40}\b(?:and|or)\s+$`,
  'i',
);
const CONTRAST = new RegExp(
  String.raw`\b(?:instead\s+of|rather\s+than|unlike|such\s+as|e\.g\.|(?:threats?|attacks?|risks?|malware|crimes?` +
    String.raw`|scams?)\s*,?\s+(?:like|including))\b(?:\s+[\w'-]+){0,8}\s*$|\brange\s+from\b.*$`,
  'i',
);
// case-sensitive: "In May the hospital was hit" is a month, not a modal
const HYPOTHETICAL = new RegExp(
  String.raw`\b(?:so(?:\s+that)?|in\s+case|if|whether|lest|never\s+have\s+to|consider)\s+(?:(?:an?|the` +
    String.raw`|any)\s+)?(?:[\w'’\x92-]+\s+){0,3}$|\b(?:[Cc]ould|[Ww]ould|[Mm]ight|[Cc]an|may)\s+(?!not\b|have\b|had\b|be\s+(?:linked|related|connected` +
    String.raw`|tied)\b)(?:[\w'’\x92-]+\s+){0,9}$|\bable\s+to\s+$`,
  '',
);
// how attackers behave in general, not what happened to this victim
const HABITUAL = new RegExp(
  String.raw`\b(?:often|usually|constantly|typically|commonly|routinely|frequently|increasingly|generally|tend\s+to|for\s+months` +
    String.raw`|other\s+(?:\w+\s+)?(?:groups|gangs|hackers|criminals|actors))\b`,
  'i',
);
const GENERIC_PLURAL = new RegExp(
  String.raw`\b(?:today['’\x92]s|modern|typical|common|most|many|increasing(?:ly)?|growing|rise\s+(?:in|of)|wave\s+of|spate\s+of` +
    String.raw`|surge\s+(?:in|of)|series\s+of|string\s+of|number\s+of|threat\s+of|risk\s+of|fight\s+against|dealing\s+with` +
    String.raw`|other|these|such|all)\s+(?:\w+\s+)?$`,
  'i',
);
const PRODUCT_AFTER = new RegExp(
  String.raw`^[\s-]*(?:(?:crews|gangs|groups|operators|families|strains|actors)\s*,?\s+(?:such\s+as|like|including)` +
    String.raw`|protection|defen[cs]es?|solutions?|detection|prevention|resilience|readiness|insurance|reports?|surveys?|study|studies|trends|statistics` +
    String.raw`|stats|landscape|training|simulations?|tools?|kits?|rollback|vaccines?|decryptors?|playbooks?|guide|webinar|recovery\s+(?:services?` +
    String.raw`|solutions?|plans?)|(?:attacks|incidents)\s+(?:are|have|has|continue|increased|rose|are\s+rising|surged))\b`,
  'i',
);

/** The words before the cue within its sentence. */
function before(doc: AnalysedDoc, start: number, max = 80): string {
  const s = doc.sentenceAt(start);
  return doc.text.slice(Math.max(s?.start ?? 0, start - max), start);
}

const STATISTIC = /\b(?:average|median|on\s+average|per\s*cent|percent|survey|respondents)\b|\d\s?%/i;

/**
 * The cue is negated, protective, contrasted, hypothetical or a statistic: it reports no ransom.
 * Talk of paying keeps its meaning under negation ("will not pay the ransom"), so `negation` can be off.
 */
export function unreported(doc: AnalysedDoc, start: number, end: number, negation = true): boolean {
  const b = before(doc, start);
  if ((negation && NEGATED.test(b)) || PROTECTIVE.test(b) || CONTRAST.test(b) || HYPOTHETICAL.test(b)) return true;
  if (STATISTIC.test(doc.sentenceAt(start)?.text ?? '')) return true;
  return PRODUCT_AFTER.test(doc.text.slice(end, end + 40));
}

// A sentence that opens on another incident the article compares with: "That one demanded $300", "In that case the
// hackers asked for 50 bitcoins", "In a separate attack last year…"
const ANOTHER_INCIDENT = new RegExp(
  String.raw`^\W*(?:(?:In|During)\s+(?:that|(?:a|an|one)\s+(?:separate|similar|earlier|previous|prior|unrelated|other)|another)\s+` +
    String.raw`(?:case|incident|attack|breach|campaign|instance)\b|That\s+(?:one|attack|campaign|incident|breach|case)\b|(?:An|The)\s+(?:earlier|previous` +
    String.raw`|prior)\s+(?:attack|incident|breach|campaign)\b)`,
  '',
);

/** The sentence at pos tells of another incident than the article's. */
export function anotherIncident(doc: AnalysedDoc, pos: number): boolean {
  return ANOTHER_INCIDENT.test(doc.sentenceAt(pos)?.text ?? '');
}

/** The sentence tells what attackers habitually do. */
export function habitual(doc: AnalysedDoc, pos: number): boolean {
  return HABITUAL.test(doc.sentenceAt(pos)?.text ?? '');
}

/** "ransomware attacks" spoken of in general, not the one reported. */
export function generic(doc: AnalysedDoc, start: number): boolean {
  return GENERIC_PLURAL.test(before(doc, start, 40));
}

// "no ransom demand has been received", "Nobody asked Pemberton for money", "ruled out ransomware": the text denies a demand
const DENIAL = new RegExp(
  String.raw`\bno\s+(?:ransom\s+(?:or\s+other\s+)?)?demands?\s+(?:for\s+(?:payment|money|a\s+ransom)\s+)?(?:has|have|had|was` +
    String.raw`|were)\s+(?:yet\s+)?(?:been\s+)?(?:made|received|issued|sent|presented)\b|\b(?:received|made|issued)\s+no\s+(?:ransom\s+)?demands?\b` +
    String.raw`|\bno\s+ransom\s+(?:was|has\s+been|had\s+been)\s+(?:demanded|requested|sought)\b|\b(?:nobody` +
    String.raw`|no\s+one)\s+asked\s+(?:[\w'’\x92]+\s+){0,3}?for\s+(?:money|anything|a\s+ransom|payment)\b|\b(?:did|has|have|had)\s+not\s+(?:demanded|demand` +
    String.raw`|asked\s+for)\s+(?:a|any)\s+ransom\b|\bthere\s+was\s+no\s+extortion\b` +
    // "could now rule out ransomware", "reports of ransomware … but the spokeswoman ruled out such an attack"
    String.raw`|\brul(?:e|ed|es|ing)\s+out\s+(?:ransomware|(?:such|a|this)\s+(?:an?\s+)?(?:ransomware\s+)?attack)\b` +
    String.raw`|\bransomware\s+(?:was|has\s+been|had\s+been)\s+ruled\s+out\b`,
  'i',
);
// "declined to say whether a ransom had been demanded": a ransomware attack then says nothing either way
const UNKNOWN = new RegExp(
  String.raw`\b(?:declined|refused|would\s+not|wouldn['’\x92]t|did\s+not|didn['’\x92]t|has\s+not|hasn['’\x92]t|have\s+not` +
    String.raw`|had\s+not)\s+(?:to\s+)?(?:say|said|confirm(?:ed)?|disclose[ds]?|comment(?:ed)?\s+on)\s+(?:whether|if)\s+` +
    String.raw`(?:[\w'’\x92]+\s+){0,4}?(?:ransom|demand` +
    String.raw`|pa(?:y|id))`,
  'i',
);

// Every match of UNKNOWN holds "whether" or "if" between white space, and only characters isWordOrSpace accepts
const WHETHER = /\b(?:whether|if)\s/gi;

// Every match of DENIAL holds one of these (a piece of each of its branches: "no ransom demand", "no ransom was",
// "nobody asked", "not demanded", "no extortion", "ruled out") and only characters isWordOrSpace accepts: it is sought
// only around them. "ransom" or "demand" alone were keys too, and in a ransom story they sent most of the text to DENIAL.
const DENIAL_KEY = new RegExp(
  String.raw`\bno\s+(?:ransom\s+(?:or\s+other\s+)?)?demand|\bno\s+ransom\s|\bno(?:body|\s+one)\s+asked|\bnot\s+(?:demand|asked\s+for)` +
    String.raw`|\bno\s+extortion|\brul(?:e|ed|es|ing)\s+out`,
  'gi',
);

/** Whether the text says "ransom" at all ("ransomware" too): several rules ask it first, each once the same. */
export function saysRansom(doc: AnalysedDoc): boolean {
  return doc.once('ransom/says-ransom', () => /ransom/i.test(doc.text));
}

/** Where the text says no ransom was demanded, if it does. */
export function denial(doc: AnalysedDoc): { start: number; end: number } | null {
  return DENIED.of(doc);
}
const DENIED = new PerDoc('ransom/denial', (doc) => firstMatchNearKey(DENIAL, DENIAL_KEY, doc.text, isWordOrSpace));

/** The text leaves open whether a ransom was demanded: an attack alone does not settle it. */
export function demandLeftOpen(doc: AnalysedDoc): boolean {
  // three rules ask; the pattern is sought only around the words "whether" and "if"
  return LEFT_OPEN.of(doc);
}
const LEFT_OPEN = new PerDoc('ransom/left-open', (doc) => firstMatchNearKey(UNKNOWN, WHETHER, doc.text, isWordOrSpace) !== null);
