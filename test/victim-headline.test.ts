// The one headline reader of the victim rules (extractors/victim/lib/headline.ts).
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';
import { headlineOf } from '../extractors/victim/lib/headline.ts';

const doc = (text: string, title?: string, publishedAt?: string) => analyse({ id: 't', text, title, publishedAt });

describe('headlineOf', () => {
  it("reads a dated article's title, its outlet's signature cut", () => {
    expect(headlineOf(doc('Body.', 'Acme hit by ransomware | Technology | The Daily Ledger', '2024-05-02'))).toEqual({
      line: 'Acme hit by ransomware',
      start: -1,
      body: 0,
    });
  });
  it("takes an undated text's title for a database's label, not a headline", () => {
    expect(headlineOf(doc('Acme hit by ransomware\nAcme said files were locked.', 'Acme Hack II'))?.line).toBe('Acme hit by ransomware');
    expect(headlineOf(doc('Acme said files were locked.', 'Acme Hack II'))).toBeNull();
  });
  it('reads a first line that is one short sentence with more below', () => {
    expect(headlineOf(doc('  Acme hit by ransomware - Help Net Security\nMore.'))).toEqual({ line: 'Acme hit by ransomware', start: 2, body: 45 });
    expect(headlineOf(doc('Acme Corp was hit by ransomware.\nMore.'))).toBeNull();
    expect(headlineOf(doc('Systems were down. Officials met - Acme\nMore.'))).toBeNull();
    expect(headlineOf(doc('Acme hit by ransomware'))).toBeNull();
    expect(headlineOf(doc(`${'word '.repeat(50)}\nMore.`))).toBeNull();
  });
  it('keeps the tag of a one-line entry when asked', () => {
    const tag = { title: false, keepSignature: true, alone: true } as const;
    expect(headlineOf(doc('Skimmers found at gas pumps - Acme Fuel Co.', 'Label', '2024-05-02'), tag)?.line).toBe(
      'Skimmers found at gas pumps - Acme Fuel Co.',
    );
  });
});
