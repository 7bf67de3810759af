// Whether a ransom was demanded, and the total amount and currency when stated. (The scorer judges `demanded` as a
// binary field of its own, over true and false labels alike: see src/eval/score.ts.)
import { confidenceColumn, type FieldDescriptor } from './field.ts';

type Amount = { amount: number; currency: string | null };

export const ransom: FieldDescriptor<'ransom'> = {
  name: 'ransom',
  key: (v) => String(v.demanded),
  merge: (v, peers) => {
    if (v.amount != null) return v;
    const withAmount = peers.find((p) => p.amount != null);
    // (a literal in the rules' key order, not a spread: a value of another shape than the rules' throws away the
    // optimised code of the steps that read every candidate's value, such as calibration)
    return withAmount ? { demanded: v.demanded, amount: withAmount.amount, currency: withAmount.currency } : v;
  },
  score: [
    {
      name: 'ransom_amount',
      supportKey: 'ransom',
      gold: (g) => (g.ransom && g.ransom.amount != null ? g.ransom : undefined),
      answers: (v) => v?.amount != null,
      ok: (v, g: Amount) => Math.abs(v.amount! - g.amount) <= 0.01 * g.amount && (!g.currency || String(v.currency ?? '').toUpperCase() === g.currency),
    },
  ],
  columns: [
    { name: 'ransom_demanded', type: 'boolean', of: (f) => f.value.demanded ?? null },
    { name: 'ransom_amount', type: 'numeric', of: (f) => f.value.amount ?? null },
    { name: 'ransom_currency', type: 'text', of: (f) => f.value.currency ?? null },
    confidenceColumn('ransom_confidence'),
  ],
};
