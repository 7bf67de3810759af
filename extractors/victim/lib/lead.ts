// "Jerez city hall rejects 50 BTC ransom demand ⏎⏎ Security desk · 5 October 2021 ⏎⏎ The Ayuntamiento de
// Jerez de la Frontera, the city council of the sherry capital …, said on Monday …"
// A full article opens with a headline, then bylines and datelines, then the lead sentence. The headline
// names its subject by the short form readers know ("Jerez city hall", "Potsdam"); the lead gives the
// organisation its full name and says what it is, so rules that read an opening look at the lead first.
import type { AnalysedDoc, Sentence } from '../../_shared/kit.ts';
import { WORD_END } from '../../_shared/char-classes.ts';
import { memoized } from './cache.ts';

// a headline stands alone on the first line, without a full stop, and a blank line follows it
const HEADLINE_END = /^[^\n]*[^.!?:;,\s"”\x94'’\x92)]\s*\n[ \t]*\n/u;
// prose ends on a full stop (a closing quote may follow) and runs on for more than a byline's few words
const PROSE_END = /[.!?]["”\x94'’\x92)]?\s*$/u;
const MIN_LEAD_WORDS = 8;
const LEAD_REACH = 4; // headline, kicker, byline, dateline: the lead comes within the first few sentences

export interface Opening {
  headline: Sentence | null;
  lead: Sentence | null;
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;
const isProse = (s: Sentence) => PROSE_END.test(s.text) && words(s.text) >= MIN_LEAD_WORDS;

/** The headline (if the text opens with one) and the lead sentence of the text. */
export function openingOf(doc: AnalysedDoc): Opening {
  return memoized(doc, 'opening', 0, () => {
    const first = doc.sentences[0];
    const headline = first && first.start < 5 && HEADLINE_END.test(doc.text.slice(first.start, first.end + 4)) ? first : null;
    const from = headline ? 1 : 0;
    const lead = doc.sentences.slice(from, from + LEAD_REACH).find(isProse) ?? null;
    return { headline, lead };
  });
}

/** The opening sentences in the order a rule should trust them: lead first, then the headline, then the rest up to the lead. */
export function openingSentences(doc: AnalysedDoc, plain: number): Sentence[] {
  const { headline, lead } = openingOf(doc);
  if (!headline) return doc.sentences.slice(0, plain) as Sentence[];
  return lead ? [lead, headline] : [headline, ...doc.sentences.slice(1, plain)];
}

// the verbs of an opening sentence whose subject reports or suffers the incident (each ends in a letter: WORD_END is the \b after it)
// Each starts on a letter a-z, and a word follows an auxiliary: the (?=[a-z]) lookaheads change no match, but make V8 compile
// what follows them once instead of once for each way into it (with ONWARD, name-shape.ts, the two opening patterns' regex
// bytecode is 101,584 and 95,304 bytes -> 70,656 and 64,264).
const AUX_ING =
  String.raw`(?:notifying|investigating|warning|alerting|informing|reaching\s+out|responding|recovering|dealing` +
  String.raw`|(?:the\s+(?:latest\s+)?)?(?:victim|target)|hit|struck|targeted|hacked|breached|attacked|compromised|affected|impacted|forced|crippled` +
  String.raw`|infected|sending)`;
const AUX_ED =
  String.raw`(?:notified|announced|reported|disclosed|discovered|confirmed|learned|suffered|experienced|informed|become\s+aware|begun` +
  String.raw`|started|sent|mailed|posted|lost|exposed|identified|detected|determined|fired|terminated|filed|its|their)`;
export const OPENING_VERB =
  String.raw`(?=[a-z])(?:said|says|announced|announces|reported|reports|notified|notifies|disclosed|discloses|discovered|discovers` +
  String.raw`|confirmed|confirms|learned|learns|experienced|suffered|suffers|informed|informs|warned|warns|admitted|admits|acknowledged|revealed|alerted` +
  String.raw`|alerts|filed|mailed|sent|posted|exposed|exposes|leaked|lost|loses|identified|detected|determined|notifying|hacked|breached|compromised` +
  String.raw`|attacked|targeted|fixed|patched|secured|apologi[sz]ed|suspended|became\s+aware|began\s+notifying|recently\s+\w+|fell\s+victim|hit(?:\s+by)?` +
  String.raw`|(?:shut|took)\s+down|is\s+aware|(?:is|are|was|were|ha(?:s|ve)\s+been)\s+(?=[a-z])${AUX_ING}|ha(?:s|ve|d)\s+(?:been\s+)?(?=[a-z])${AUX_ED}` +
  String.raw`|(?:is|are|was|were)\s+(?:currently\s+)?(?=[a-z])(?:looking\s+into|probing|examining|working))${WORD_END}`;
// "Hostinger, one of the biggest web hosting providers, has disclosed": an appositive may sit between subject and verb
// "Fresenius, Europe’s largest private hospital operator, has been hit": a possessive place may open it
export const OPENING_APPOSITIVE =
  String.raw`(?:,\s+(?:a|an|the|one|which|who|whose|based|headquartered|owner|operator|parent|maker|formerly` +
  String.raw`|\p{Lu}\p{L}+['’\x92]s)\s[^,;:\n]{1,150},)?`;
