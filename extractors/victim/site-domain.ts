// "A hacker called Le0nB3lm0nt breached minimins.com, a popular weight loss support forum"
import { defineRule, span } from '../_shared/kit.ts';
import { inIncidentTalk } from './lib/context.ts';
import { keyed, keyedMatches } from './lib/keyed.ts';
import { isNotVictimWord } from './lib/words.ts';

// A web site is named by its domain, which no capitalised-name pattern sees ("minimins.com", "Vista.pl",
// "the Code.org site"). The domain counts as the victim where a hacking verb takes it as object or
// where it names the site, forum or portal that was hit.
const TLD =
  String.raw`(?:com|net|org|info|biz|gov|edu|mil|io|co|me|tv|ru|pl|de|fr|it|es|nl|uk|au|ca|in|br|jp|cn|kr|ua|il|sy|pk|ps|tr|ir|id|my|ph|vn|th|mx` +
  String.raw`|ar|cl|ve|za|ng|ke|ch|at|be|se|no|dk|fi|cz|sk|ro|hu|gr|pt|ie|nz|sg|hk|tw)`;
const DOMAIN = String.raw`(?:[\p{L}\d][\p{L}\d-]*\.)+${TLD}`;
const VERB =
  String.raw`(?:hacked|breached|defaced|compromised|attacked|targeted|hit|infiltrated|took\s+down|dumped\s+(?:[\w,-]+\s+){0,6}?from` +
  String.raw`|stole\s+(?:[\w,-]+\s+){0,6}?from|leaked\s+(?:[\w,-]+\s+){0,6}?from|records\s+from|accounts\s+from|data\s+from|hack\s+of|breach\s+(?:of|at)` +
  String.raw`|attack\s+on)`;
const AFTER_VERB = new RegExp(String.raw`\b${VERB}\s+(?:the\s+)?(?:(?:web)?site\s+)?(?<d>${DOMAIN})(?![\p{L}\d/-])`, 'giu');
const SITE_NAMED = new RegExp(
  String.raw`(?<![\p{L}\d./@-])(?<d>${DOMAIN})(?:['’\x92]s)?\s+(?:(?:web)?site|forum|portal|servers?|database|users` + String.raw`|accounts)\b`,
  'giu',
);
// every match holds a dot and a top-level domain ("minimins.com"), the domain in one piece after at most ten more
// ("dumped" and six words, "from", "the", "website"): both triggers are sought only around such a dot
const DOT_TLD = new RegExp(String.raw`\.${TLD}`, 'g');
const AFTER_VERB_KEYED = keyed(AFTER_VERB, { words: DOT_TLD, pieces: 11 });
const SITE_NAMED_KEYED = keyed(SITE_NAMED, { words: DOT_TLD, pieces: 1, near: 1000 });
const DOMAIN_OBJECT = 0.6; // a domain hit by a hacking verb
const DOMAIN_SITE = 0.45; // a domain named as a site in incident talk

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'A hacker called Le0nB3lm0nt breached minimins.com, a popular weight loss support forum.', value: 'minimins.com' },
    { text: 'So far they have hit Vista.pl and dumped well over 12000 user accounts.', value: 'Vista.pl' },
    { text: 'We discovered and fixed a flaw in the Code.org site that allowed access to volunteer email addresses.', value: 'Code.org' },
  ],
  counterExamples: [
    'The hackers posted the data on pastebin.com and bragged on Twitter.',
    'Read more on databreaches.net about the leak.',
    'Visit example.com for our privacy policy.',
  ],
  *propose(doc) {
    for (const [{ trigger, key }, confidence] of [
      [AFTER_VERB_KEYED, DOMAIN_OBJECT],
      [SITE_NAMED_KEYED, DOMAIN_SITE],
    ] as const) {
      for (const m of keyedMatches(trigger, key, doc)) {
        const d = m.groups!.d!;
        const start = m.index + m[0].lastIndexOf(d);
        if (isNotVictimWord(d) || /^(?:pastebin|twitter|github|facebook|google|youtube|t\.me|telegram)\./iu.test(d)) continue;
        if (!inIncidentTalk(doc, start)) continue;
        yield { value: d, confidence, evidence: [span(doc.text, start, start + d.length)] };
      }
    }
  },
});
