// "The latest victim is Hammersmith Medicines Research" / "LockBit claims Entrust as another victim" / "the gang listed Acme Corp on its leak site"
import { defineRule, firstMatch, type AnalysedDoc } from '../_shared/kit.ts';
import { objectsOf, subjectsOf } from './lib/propose.ts';
import type { VictimName } from './lib/name-shape.ts';
import { isNameLike } from './lib/lone.ts';
import { keyed, lowerKey } from './lib/keyed.ts';

// News of extortion gangs names the victim as what is claimed, listed or counted among victims; the claim
// is the gang's, so the name must still read as an organisation's
const VICTIM_IS = /\b(?:latest|newest|most\s+recent|next|first|another)\s+(?:\w+\s+)?victims?\s+(?:is|was|are|were|include[sd]?)\s+(?:the\s+)?/giu;
const CLAIMED = /\bclaim(?:s|ed|ing)?\s+(?:(?:to\s+have\s+)?(?:hacked|breached|attacked|hit)\s+)?(?:the\s+)?/giu;
const AS_VICTIM = /^\s+as\s+(?:a|an|another|its|their|the|one\s+of\s+(?:its|their|the))\s+(?:\w+\s+){0,2}victims?\b/u;
const LISTED = /\b(?:listed|added|named|posted|published)\s+(?:the\s+)?/giu;
const ON_LEAK_SITE = /^\s+(?:to|on)\s+(?:its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:leak|extortion|shame|shaming|victim)\s*(?:site|blog|page|portal|list)s?\b/u;
const BECAME_VICTIM = /\s+(?:is|was|has\s+become|became)\s+(?:the\s+)?(?:latest|newest|most\s+recent|another|first)\s+(?:\w+\s+)?victim\b(?!\s+of\b)/gu;
// a legal form the cleaned name dropped may stand before the rest
const LEGAL_FORM = /^(?:,?\s+(?:Corporation|Company|Limited|Corp|Inc|Ltd|LLC|plc|PLC|Co|SA|AG|GmbH|NV|BV)(?![\p{L}])\.?)?/u;
const VICTIM_ANY_CASE = /victim/iu; // in VICTIM_IS (case-blind); AS_VICTIM and BECAME_VICTIM need it in lower case
const LEAK_SITE_WORD = /leak|extortion|sham|victim/u; // in every ON_LEAK_SITE ("shame", "shaming")
// the three case-blind triggers open on their words: each is its own key, sought in the lower-cased text (keyed.ts)
const VICTIM_IS_KEYED = keyed(VICTIM_IS, lowerKey(VICTIM_IS));
const CLAIMED_KEYED = keyed(CLAIMED, lowerKey(CLAIMED));
const LISTED_KEYED = keyed(LISTED, lowerKey(LISTED));
const NAMED_VICTIM = 0.7; // the incident's own text counts it among the victims

// a one-word name counts when it reads as a brand (never in lower case, a legal form, an acronym)
const organisation = (n: VictimName, doc: AnalysedDoc) => isNameLike(doc, n);
const followedBy = (re: RegExp) => (n: VictimName, doc: AnalysedDoc) => {
  const rest = doc.text.slice(n.end, n.end + 100);
  return organisation(n, doc) && re.test(rest.slice(firstMatch(LEGAL_FORM, rest)![0].length));
};

export default defineRule({
  field: 'victim',
  examples: [
    {
      text: 'The gang did not say what it wanted. The latest victim is Hammersmith Medicines Research, a British company.',
      value: 'Hammersmith Medicines Research',
    },
    { text: 'LockBit ransomware group claims Medibank as another victim of ransomware.', value: 'Medibank' },
    { text: 'On Monday the Clop gang listed Kirby Risk Corporation on its leak site.', value: 'Kirby Risk' },
    { text: 'Bank of Valletta is the latest victim in a wave of ransomware attacks.', value: 'Bank of Valletta' },
  ],
  counterExamples: [
    'The latest victim is a small clinic in Ohio.',
    'Microsoft claims Windows 11 is more secure than ever.',
    'The gang listed dozens of companies on its leak site.',
  ],
  *propose(doc) {
    // every wording but the leak-site listing needs the word "victim" in the text, and that one a leak site's word: a text
    // without them is not scanned for the verbs (most texts)
    const { text } = doc;
    const victim = text.includes('victim');
    if (victim || VICTIM_ANY_CASE.test(text)) yield* objectsOf(doc, VICTIM_IS_KEYED, NAMED_VICTIM, (n, d) => organisation(n, d));
    if (victim) yield* objectsOf(doc, CLAIMED_KEYED, NAMED_VICTIM, followedBy(AS_VICTIM));
    if (LEAK_SITE_WORD.test(text)) yield* objectsOf(doc, LISTED_KEYED, NAMED_VICTIM, followedBy(ON_LEAK_SITE));
    if (victim) yield* subjectsOf(doc, BECAME_VICTIM, NAMED_VICTIM, (n, d) => organisation(n, d));
  },
});
