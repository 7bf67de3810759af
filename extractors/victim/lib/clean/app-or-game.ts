// A rejection of a victim-name clean: an app or a game the text calls so ("the Acme Run app", "Acme Run is a mobile
// game"). A fake app borrows a popular game's name to reach its players; the game is the lure, not a victim, and its
// maker is no victim either unless the text says its own systems were hit.
import { escapeLiteral } from '../../../_shared/kit.ts';
import { memoized } from '../cache.ts';
import { harmedAround } from './helpers.ts';
import { defineReject } from './step.ts';

const APP = String.raw`(?:apps?|games?|application|APK)`;
const calledApp = (text: string, value: string) =>
  new RegExp(
    String.raw`(?<![\p{L}\d])${escapeLiteral(value)}['’"”]?(?:\s+(?:mobile\s+)?${APP}\b|,?\s+(?:is|was)\s+(?:a|an)\s+(?:[\p{L}-]+\s+){0,3}?${APP}\b)`,
    'iu',
  ).test(text);

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
  rejects: (n) => memoized(n.doc, 'app-or-game', n.value, () => calledApp(n.text, n.value)) && !harmedAround(n.text, n.s, n.e),
});
