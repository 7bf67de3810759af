// A date says which event it is the date of (contract: fields.date.role): the record's date is the incident's,
// and a statement's or a notice's day stands in only when nothing ties a date to the incident itself.
import { describe, expect, it } from 'vitest';
import { DateField, IncidentRecord } from '../src/core/contract/record.ts';
import { createExtractor } from '../src/core/engine.ts';
import { resolve } from '../src/core/resolve.ts';
import type { Candidate } from '../src/core/rule.ts';

const extractor = await createExtractor({ calibration: null });
function dateOf(text: string, publishedAt?: string) {
  const r = extractor.process({ id: 'd', text, ...(publishedAt ? { publishedAt } : {}) });
  if (!r.ok) throw new Error(r.deadLetter.message);
  expect(IncidentRecord.safeParse(r.record).success).toBe(true);
  return r.record.fields.date;
}

describe('date roles on the record', () => {
  it.each([
    ['Hackers broke into the network of the clinic on June 13, 2014, and stole patient files.', '2014-06-13', 'incident'],
    ['The school detected the intrusion on 20 November 2022 and alerted the police.', '2022-11-20', 'discovery'],
    ['The laptop with patient records was stolen. Customers were notified by letter on July 2, 2014.', '2014-07-02', 'disclosure'],
    ['Hackers stole customer data from the retailer, the company said on March 3, 2022.', '2022-03-03', 'report'],
  ])('%s → %s (%s)', (text, value, role) => {
    const d = dateOf(text);
    expect(d?.value).toBe(value);
    expect(d?.role).toBe(role);
  });

  it('the incident date wins over the statement date, which stays an alternative with its role', () => {
    const d = dateOf('The county said on Thursday that ransomware attackers encrypted its servers on Monday.', '2023-07-21');
    expect(d?.value).toBe('2023-07-17');
    expect(d?.role).toBe('incident');
  });

  it('the role is that of the candidate whose value was kept when agreeing values merge', () => {
    const at = (start: number) => [{ start, end: start + 4, text: 'xxxx' }];
    const cands: Candidate[] = [
      { field: 'date', value: '2023', confidence: 0.6, evidence: at(0), rule: 'date/a', role: 'incident' },
      { field: 'date', value: '2023-07-02', confidence: 0.3, evidence: at(10), rule: 'date/b', role: 'disclosure' },
    ];
    expect(resolve(cands, { calibration: null }).date).toMatchObject({ value: '2023-07-02', rule: 'date/a', role: 'disclosure' });
  });

  it('a day does not back another day of its year: only a value and the coarser values it implies agree', () => {
    const at = (start: number) => [{ start, end: start + 4, text: 'xxxx' }];
    const windows: Candidate[] = [
      { field: 'date', value: '2017-06-09', confidence: 0.6, evidence: at(10), rule: 'date/a', role: 'incident' },
      { field: 'date', value: '2018-06-08', confidence: 0.6, evidence: at(50), rule: 'date/a', role: 'incident' },
      { field: 'date', value: '2018-12-17', confidence: 0.35, evidence: at(0), rule: 'date/b', role: 'disclosure' },
    ];
    expect(resolve(windows, { calibration: null }).date).toMatchObject({ value: '2017-06-09', role: 'incident' });
    // "this year" backs the day it implies best, not the day of the rule that stated it
    const year: Candidate[] = [
      { field: 'date', value: '2017', confidence: 0.48, evidence: at(0), rule: 'date/a', role: 'incident' },
      { field: 'date', value: '2017-02-06', confidence: 0.48, evidence: at(10), rule: 'date/a', role: 'incident' },
      { field: 'date', value: '2017-01-27', confidence: 0.32, evidence: at(20), rule: 'date/b', role: 'incident' },
      { field: 'date', value: '2016', confidence: 0.5, evidence: at(30), rule: 'date/c', role: 'incident' },
    ];
    const d = resolve(year, { calibration: null }).date;
    expect(d?.value).toBe('2017-01-27');
    expect(d?.alternatives?.map((a) => a.value)).toEqual(['2016', '2017-02-06']);
  });

  it('the schema takes the five roles, no other, and a date without one (records made before roles)', () => {
    const base = { value: '2023-07', confidence: 0.5, evidence: [{ start: 0, end: 4, text: 'July' }], rule: 'date/x' };
    for (const role of ['incident', 'discovery', 'disclosure', 'report', 'background']) expect(DateField.safeParse({ ...base, role }).success).toBe(true);
    expect(DateField.safeParse(base).success).toBe(true);
    expect(DateField.safeParse({ ...base, role: 'publication' }).success).toBe(false);
    expect(DateField.safeParse({ ...base, alternatives: [{ ...base, role: 'later' }] }).success).toBe(false);
  });
});
