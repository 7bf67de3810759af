// The rule kit: the one place a rule or a field's helper imports the core from. A rule is `defineRule({...})` with
// examples and counter-examples; it reads the analysed document, walks regex matches with `matches` (never its own
// `.exec` loop or `lastIndex`), keeps per-document facts with `doc.once`, and cites evidence with `span`.
export { afterMatch, defineRule, DONE, firstMatch, groupStart, matches, nextMatch, span } from '../../src/core/rule.ts';
export type { Proposal } from '../../src/core/rule.ts';
export type { AnalysedDoc, Sentence } from '../../src/core/analyse/analyse.ts';
export { digestItems } from '../../src/core/analyse/blocks.ts';
export type { DateRole, Span } from '../../src/core/contract/record.ts';
export { alternation, escapeLiteral, type AlternationOptions } from '../../src/core/alternation.ts';
export { storyFocus } from '../../src/core/incident/focus.ts';
export { genreOf } from '../../src/core/calibration.ts';
