// Every field's descriptor, in the record's field order (FIELD_NAMES): resolve, the scorer and the sinks read them here.
import type { FieldName } from '../contract/record.ts';
import { date } from './date.ts';
import type { FieldDescriptor } from './field.ts';
import { location } from './location.ts';
import { origin } from './origin.ts';
import { ransom } from './ransom.ts';
import { serverCount } from './server-count.ts';
import { victim } from './victim.ts';

export const FIELDS: { readonly [F in FieldName]: FieldDescriptor<F> } = { victim, date, location, serverCount, ransom, origin };

export { normName, type Column, type FieldDescriptor, type GoldDate, type GoldLabels, type ScoreView } from './field.ts';
