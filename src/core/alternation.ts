// Shared by the rules (through extractors/_shared/kit.ts) and the core's headline focus.
// The one way a word list becomes a regex: an alternation, longest entry first (so "South Korea" wins over "Korea"
// and "US$" over "$"), every entry escaped, optionally with spaces that match any run of white space and with the
// word boundaries every list here uses (no letter or digit on either side).

/** One literal as regex source: every character that means something to a regex escaped. */
export const escapeLiteral = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface AlternationOptions {
  /** A space in an entry matches any run of white space ("pounds sterling" across a line break). */
  readonly flexibleSpace?: boolean;
  /** Wrap as a whole word: `(?<![\p{L}\p{N}])(…)(?![\p{L}\p{N}])`, the alternation as capture group 1 (needs /u). */
  readonly wholeWord?: boolean;
}

/** Regex source matching any of `words`, longest first; a bare `a|b|c` unless `wholeWord`. */
export function alternation(words: Iterable<string>, options: AlternationOptions = {}): string {
  const sorted = [...words].sort((a, b) => b.length - a.length).map(escapeLiteral);
  const alt = (options.flexibleSpace ? sorted.map((w) => w.replace(/ /g, '\\s+')) : sorted).join('|');
  return options.wholeWord ? `(?<![\\p{L}\\p{N}])(${alt})(?![\\p{L}\\p{N}])` : alt;
}
