// How many servers the incident hit, when the text counts them.
import { confidenceColumn, type FieldDescriptor } from './field.ts';

export const serverCount: FieldDescriptor<'serverCount'> = {
  name: 'serverCount',
  key: (v) => String(v),
  merge: (v) => v,
  score: [
    {
      name: 'server_count',
      supportKey: 'server_count',
      gold: (g) => g.server_count ?? undefined,
      answers: (v) => Number.isFinite(v),
      ok: (v, g: number) => v === g,
    },
  ],
  columns: [{ name: 'server_count', type: 'integer', of: (f) => f.value }, confidenceColumn('server_count_confidence')],
};
