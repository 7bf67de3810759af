// A pattern anchored at the end ("… security firm\s*$" asked of the words before a name, "\s+(?:Inc|Corp)$" of a
// name) is tried by V8 at every offset of the string when it can match strings of any length. The same pattern as a
// look-behind from the string's end is tried once, reading backwards: the look-behind holds at the end exactly when
// the pattern matches a suffix of the string, which is when the pattern matches at all (every alternative of it ends
// on `$`). A yes or no, so an exec that needs the match's offsets asks this first and runs only on a yes.
import { firstMatch } from '../../_shared/kit.ts';
import { compiledNow } from '../../_shared/one-byte.ts';

/** `re.test` for an end-anchored `re` (each top-level alternative ends on `$`; no /g, /y or /m), read from the end. */
export function endTest(re: RegExp): (s: string) => boolean {
  if (!re.source.endsWith('$') || /[gmy]/.test(re.flags)) throw new Error(`endTest: ${re} is not anchored at the end`);
  // (compiled to machine code now: one-byte.ts compiledNow)
  const back = compiledNow(new RegExp(`(?<=${re.source})$`, `${re.flags}y`));
  return (s) => firstMatch(back, s, s.length) !== null;
}
