// "Fraudsters encrypted the data and demanded money to remove the block." / "pay to decrypt the files"
// Files locked and payment asked for is a ransom demand, even when the article never says ransom.
import { defineRule, matches, span } from '../_shared/kit.ts';
import { sentencesWith } from '../_shared/sentences-with.ts';
import { denial, unreported } from './lib/context.ts';

// "encrypted", "locked", "held hostage": a sentence holds one where it holds one of these words ("held hostage" holds
// "hostage"), and a word inside a sentence reads the same there as in the whole text
const LOCKED_WORD = /\b(?:encrypt(?:ed|ing|s)?|decrypt(?:ed|ing|ion|s)?|locked|unlock(?:ed|ing)?|scrambled|hostage)\b/gi;
// Every locked word holds one of these stems: a text without one (most) is passed over after a plain search of them,
// cheaper than the word search with its \b on either side.
const LOCKED_STEM = /crypt|lock|scrambled|hostage/i;
const PAYMENT = new RegExp(
  String.raw`\b(?:demand(?:ed|ing|s)?|ask(?:ed|ing|s)?\s+for|request(?:ed|ing)?|want(?:ed|s)?)\s+(?:(?:a|an|the` +
    String.raw`|some)\s+)?(?:payment|money|cash|bitcoins?|cryptocurrency|crypto|fee|sum)\b|\bpay(?:ment)?\s+(?:[\w$€£.,-]+\s+){0,4}?(?:to|for)\s+(?:decrypt` +
    String.raw`|unlock|restore|release|regain|recover|get\s+(?:\w+\s+)?(?:files|data)\s+back)\w*|\b(?:data|files|systems?` +
    String.raw`|records)\s+(?:\w+\s+)?held\s+hostage\b`,
  'gi',
);

const LOCK_AND_PAY = 0.85; // payment asked for in a sentence about locked data

export default defineRule({
  field: 'ransom',
  examples: [
    {
      text: 'Cyber fraudsters encrypted data belonging to an accountant and demanded money to remove the block.',
      value: { demanded: true, amount: null, currency: null },
    },
    { text: 'Staff found a message demanding payment for the return of encrypted data on a server.', value: { demanded: true, amount: null, currency: null } },
    { text: "City of Sarasota's system hacked, data held hostage", value: { demanded: true, amount: null, currency: null } },
  ],
  counterExamples: ['The laptop was encrypted, so the data is safe.', 'The vendor demanded payment of overdue invoices.'],
  *propose(doc) {
    if (denial(doc) || !LOCKED_STEM.test(doc.text)) return;
    const { text } = doc;
    // the locked words found once in the whole text; each sentence holding one is searched once, in order
    for (const s of sentencesWith(doc, LOCKED_WORD)) {
      for (const m of matches(PAYMENT, s.text)) {
        const start = s.start + m.index;
        const end = start + m[0].length;
        if (unreported(doc, start, end)) continue;
        yield { value: { demanded: true, amount: null, currency: null }, confidence: LOCK_AND_PAY, evidence: [span(text, start, end)] };
      }
    }
  },
});
