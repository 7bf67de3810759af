// The gates that keep a chrono parser off a text it cannot match (extractors/date/lib/chrono.ts) are pieces of the
// parsers' own patterns: held here to chrono's dictionaries, and to chrono itself on invented sentences.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  INTEGER_WORD_DICTIONARY,
  MONTH_DICTIONARY,
  ORDINAL_WORD_DICTIONARY,
  TIME_UNIT_DICTIONARY,
  WEEKDAY_DICTIONARY,
} from '../node_modules/chrono-node/dist/esm/locales/en/constants.js';
import { fromView } from '../extractors/_shared/one-byte.ts';
import { COUNT_END, GATES, MONTH_NAME, MONTH_STEM, UNIT, WEEKDAY, absoluteChrono, parseDates, relativeChrono } from '../extractors/date/lib/chrono.ts';
import { analyse } from '../src/core/analyse/analyse.ts';
import * as chrono from 'chrono-node/en';

const whole = (source: string) => new RegExp(`^${source}$`, 'i');

// the same parsers, as chrono has them (not wrapped), with chrono's own refiners, not the gated ones
const ungated = (parser: chrono.Chrono) => {
  const c = chrono.casual.clone();
  const names = new Set(parser.parsers.map((p) => p.constructor.name));
  c.parsers = c.parsers.filter((p) => names.has(p.constructor.name));
  return c;
};

describe('chrono gates', () => {
  it('are written from chrono’s dictionaries', () => {
    for (const k of Object.keys(MONTH_DICTIONARY)) expect(k).toMatch(whole(`(?:${MONTH_STEM})[a-z]*\\.?`));
    for (const k of Object.keys(MONTH_DICTIONARY)) expect(k).toMatch(whole(MONTH_NAME));
    for (const k of Object.keys(TIME_UNIT_DICTIONARY)) expect(k).toMatch(whole(UNIT));
    for (const k of Object.keys(WEEKDAY_DICTIONARY)) expect(k).toMatch(whole(WEEKDAY));
    for (const k of Object.keys(INTEGER_WORD_DICTIONARY)) expect(k).toMatch(whole(COUNT_END));
    // the day-then-month gate: a day ends in a digit or as its ordinal words do
    for (const k of Object.keys(ORDINAL_WORD_DICTIONARY)) expect(k).toMatch(/(?:st|nd|rd|th)$/);
    // every parser the date rules use has its gate
    for (const p of relativeChrono.parsers) expect(GATES[p.constructor.name]?.test).toBeTypeOf('function');
  });

  it('change no result of chrono’s', () => {
    const texts = [
      'Hackers broke in on June 13, 2014, and again on the 5th of July.',
      'The breach, first seen 2014-06-13 and reported 6/20/2014, ran until 07/2014.',
      'Last Tuesday the firm said that two days ago it noticed the attack; the day before, a couple  weeks earlier.',
      'In the past 3 weeks, over the weekend and yesterday, plus this month, next year and monof this week.',
      'It was 2014 June when the thirty-first of December 2013 passed, half ad. about  couple days.',
      'Nothing here but a fine day and some months.',
      'On the 5th of June, 6-July-2014, 7/Aug and the twenty-first of May; then 3 to 9 March, 4 -Sept. and 1ST  OF  DEC.',
      'Not 5 - June, nor 2 . May, nor the week of June, nor 12 months, nor the first days of March.',
      // the gated refiners: the end of a period, a time zone after a date
      'By the end of March, the last day of the month and at the END OF   the June audit; on March 5 of the year.',
      'On June 5 EST, June 6, (CET) and June 7 the firm, then 2014-06-13T10:00 cet, 2014-06-14 10:00 (pst) and June 8 \t\u2003  PST.',
      'Jul 2023\n14 July 2023\nwithin 2 hours\n3 days later\nin 5 mins\n10:30 am\ntonight',
      // the year-first parsers: a year before a month, its name or number, and a day
      'In 2014, March was cold; 2014, marking a year; 2014, marked; 2019.March.3, 2019/Sept./04, 2019 sep.04, 2020-Jun-5x and 2021 6 7.',
      'About 300 BCE June, 12 AD. May, 1999 of December, 2001of june, 2004\tAUG. 1 and 2005  -  oct 2 (2006 Nov) then 2007 Decemberx.',
    ];
    for (const f of readdirSync('fixtures', { recursive: true }) as string[]) {
      if (/\.(?:txt|md)$/.test(f)) texts.push(readFileSync(path.join('fixtures', f), 'utf8'));
    }
    const ref = { instant: new Date(Date.UTC(2017, 2, 13)), timezone: 0 };
    const shape = (rs: ReturnType<typeof absoluteChrono.parse>) =>
      rs.map((r) => [
        r.index,
        fromView(r.text),
        r.start.date().toISOString(),
        r.start.isCertain('day'),
        r.start.isCertain('month'),
        r.start.isCertain('year'),
        r.end?.date(),
      ]);
    for (const text of texts) {
      // the sentences as rules read them (the one-byte view): chrono's results on the stored text
      for (const s of analyse({ id: 't', text }).sentences) {
        for (const parser of [absoluteChrono, relativeChrono, chrono.casual])
          expect(shape(parseDates(parser, s.text, ref))).toEqual(shape(ungated(parser).parse(text.slice(s.start, s.end), ref)));
      }
    }
  });
});
