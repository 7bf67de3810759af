// A name as a rule first sees it is often the short form the text uses after introducing the full one,
// or before it in a headline ("El Centro" … "El Centro Regional Medical Center"; "Premier" … "Premier
// Physicians Group"). Every rule that lands on the short form should agree with those that land on the long one.
import { expandAcronym, isOrgLike, nameAt, type VictimName } from './victim-names.ts';

const WINDOW = 6000; // a write-up introduces its subject early
const MAX_EXTRA_WORDS = 4; // "El Centro" + "Regional Medical Center"; longer runs swallow a headline

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const words = (s: string) => s.split(/\s+/).length;

/** The longest organisation-like mention in the text that starts with `name`'s words. */
export function completeName(text: string, name: VictimName): VictimName {
  // "University of Miami" is already whole (its medical school is a part); an acronym is its own short form
  if (isOrgLike(name.value) || /^[\p{Lu}\d&.-]+$/u.test(name.value)) return name;
  const re = new RegExp(String.raw`(?<![\p{L}\p{M}\d'’.&/-])${escape(name.value)}(?=\s+\p{Lu})`, 'gu');
  const part = text.slice(0, Math.max(WINDOW, name.end));
  let best = name;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const longer = nameAt(text, m.index);
    if (!longer || !longer.value.startsWith(name.value) || longer.value.length <= best.value.length) continue;
    // "Microsoft Threat Intelligence" is someone else than "Microsoft"; an organisation noun makes it the same
    if (!isOrgLike(longer.value.slice(name.value.length)) || words(longer.value) - words(name.value) > MAX_EXTRA_WORDS) continue;
    best = longer;
  }
  return best;
}

/** The name a text gives in full: an acronym spelled out, a short form completed. */
export const fullName = (text: string, name: VictimName): VictimName => completeName(text, expandAcronym(text, name));
