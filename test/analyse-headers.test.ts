// "Key: value" report headers as incident databases print them, read through the analysed document.
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';

const headersOf = (text: string) => Object.fromEntries([...analyse({ id: 't', text }).headers].map(([k, h]) => [k, h.value]));

describe('headers', () => {
  it.each([
    ['a value on the same line', 'Cyber Incident Victim: Province de Namur\n', { 'cyber incident victim': 'Province de Namur' }],
    ['a value on the next line', 'Date:\nJul 2023\n', { date: 'Jul 2023' }],
    ['several headers', 'Victim: Acme\nCountry: Belgium\n', { victim: 'Acme', country: 'Belgium' }],
    ['the first of a repeated key', 'Victim: Acme\nVictim: Other\n', { victim: 'Acme' }],
    ['no value when the next line is another empty header', 'Date:\nLocation:\nBelgium\n', { location: 'Belgium' }],
    ['not a lower-case start', 'note: nothing here\n', {}],
    ['not a long phrase', 'The City Council Of Springfield Said: hello\n', {}],
    ['not a value too long to be one', `Summary: ${'x'.repeat(201)}\n`, {}],
    ['no value at all', 'Victim:\n\n', {}],
  ])('%s', (_name, text, expected) => {
    expect(headersOf(text)).toEqual(expected);
  });

  it('spans point at the value in the text', () => {
    const text = 'Report\nVictim:   Province de Namur  \nDate:\n  Jul 2023\n';
    for (const h of analyse({ id: 't', text }).headers.values()) expect(text.slice(h.start, h.end)).toBe(h.value);
  });
});
