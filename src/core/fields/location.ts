// Where the victim / incident is: an ISO 3166-1 alpha-2 country, and the region and city as named.
import { confidenceColumn, normName, type FieldDescriptor } from './field.ts';

export const location: FieldDescriptor<'location'> = {
  name: 'location',
  key: (v) => v.country ?? `?${normName(v.region ?? v.city ?? '')}`,
  merge: (v, peers) => ({
    country: v.country,
    region: v.region ?? peers.find((p) => p.region)?.region ?? null,
    city: v.city ?? peers.find((p) => p.city)?.city ?? null,
  }),
  score: [
    {
      name: 'country',
      supportKey: 'country',
      gold: (g) => g.country ?? undefined,
      answers: (v) => !!v?.country,
      ok: (v, g: string) => String(v.country).toUpperCase() === g,
    },
  ],
  columns: [
    { name: 'country', type: 'text', of: (f) => f.value.country ?? null },
    { name: 'region', type: 'text', of: (f) => f.value.region ?? null },
    { name: 'city', type: 'text', of: (f) => f.value.city ?? null },
    confidenceColumn('location_confidence'),
  ],
};
