// The attackers' attributed origin as the text states it: an ISO alpha-2 country and a named group, if any.
import { confidenceColumn, normName, type FieldDescriptor } from './field.ts';

export const origin: FieldDescriptor<'origin'> = {
  name: 'origin',
  key: (v) => v.country ?? `?${normName(v.actor ?? '')}`,
  merge: (v, peers) => ({ country: v.country, actor: v.actor ?? peers.find((p) => p.actor)?.actor ?? null }),
  score: [
    {
      name: 'origin',
      supportKey: 'origin_country',
      gold: (g) => g.origin_country ?? undefined,
      answers: (v) => !!v?.country,
      ok: (v, g: string) => String(v.country).toUpperCase() === g,
    },
  ],
  columns: [
    { name: 'origin_country', type: 'text', of: (f) => f.value.country ?? null },
    { name: 'origin_actor', type: 'text', of: (f) => f.value.actor ?? null },
    confidenceColumn('origin_confidence'),
  ],
};
