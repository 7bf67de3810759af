// A rejection of a victim-name clean: an app or a game the text calls so ("the Acme Run app", "Acme Run is a mobile
// game"). A fake app borrows a popular game's name to reach its players; the game is the lure, not a victim, and its
// maker is no victim either unless the text says its own systems were hit.
import { escapeLiteral } from '../../../_shared/kit.ts';
import { byWidth } from '../../../_shared/one-byte.ts';
import { memoized } from '../cache.ts';
import { harmedAround } from './helpers.ts';
import { defineReject, type Named } from './step.ts';

const APP = String.raw`(?:apps?|games?|application|APK)`;
// what follows a name the text calls an app or a game, read at the end of each of its occurrences (its \p{…} written over
// U+0000-U+00FF for a text of one byte a character: one-byte.ts byWidth)
const CALLED_APP_AFTER_SOURCE = String.raw`^['’\x92"”\x94]?(?:\s+(?:mobile\s+)?${APP}\b|,?\s+(?:is|was)\s+(?:a|an)\s+(?:[\p{L}-]+\s+){0,3}?${APP}\b)`;
const CALLED_APP_AFTER = byWidth(CALLED_APP_AFTER_SOURCE, 'iu');
const APP_WORD = new RegExp(String.raw`\s${APP}\b`, 'iu');
const WORD_END = /[\p{L}\d]$/u;
/** Room after a name for the longest wording the pattern reads ("… is a popular free mobile game"). */
const AFTER_ROOM = 160;
const hasAppWord = (doc: Named['doc']) => doc.once('victim/app-word', () => APP_WORD.test(doc.text));
const calledApp = (doc: Named['doc'], value: string): boolean => {
  // occurrences are found in the lower-cased text (one per document) when lower-casing keeps every offset, else by a
  // pattern, which costs a compile and a scan of the whole text per name
  const text = doc.text;
  const lower = doc.once('victim/lower-text', () => text.toLowerCase());
  if (lower.length !== text.length) {
    return new RegExp(String.raw`(?<![\p{L}\d])${escapeLiteral(value)}${CALLED_APP_AFTER_SOURCE.slice(1)}`, 'iu').test(text);
  }
  const needle = value.toLowerCase();
  if (needle.length !== value.length || !needle) return false;
  for (let at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
    if (at > 0 && WORD_END.test(text.slice(Math.max(0, at - 2), at))) continue;
    const end = at + needle.length;
    if (CALLED_APP_AFTER(text).test(text.slice(end, end + AFTER_ROOM))) return true;
  }
  return false;
};

export const appOrGame = defineReject({
  name: 'an app or a game',
  examples: [
    { run: 'A fake app is disguised as the [Pocket Quest] app and steals card details.', value: null },
    { run: 'Fake versions steal card details. [Pocket Quest] is a mobile game released last year.', value: null },
  ],
  counterExamples: [
    // the maker whose own systems were hit
    '[Pocket Quest] was hacked and its players were told to reset passwords. Pocket Quest is a mobile game.',
    '[Pocket Studios] said the fake app was not theirs.',
  ],
  // the pattern needs an app or game word after white space somewhere: most texts have none, and then no name is one
  // (asked of the text before the name's answer is looked up)
  rejects: (n) => hasAppWord(n.doc) && memoized(n.doc, 'app-or-game', n.value, () => calledApp(n.doc, n.value)) && !harmedAround(n.text, n.s, n.e),
});
