// Blocks (paragraphs and list items) and digest items, the labelled entries of a round-up that resolve keeps
// apart from the lead incident. Read through the analysed document.
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';

const blocksOf = (text: string) => analyse({ id: 't', text }).blocks.map((b) => ({ text: text.slice(b.start, b.end), digest: b.digestItem }));

describe('blocks', () => {
  it('splits paragraphs at blank lines and list items at bullets', () => {
    const text = 'First paragraph\nstill first.\n\nSecond one.\n- item one\n- item two';
    expect(blocksOf(text).map((b) => b.text)).toEqual(['First paragraph\nstill first.', 'Second one.', '- item one', '- item two']);
  });

  it.each([
    ['a bulleted "Name:" label', '- Rubymar Logistics: the Rotterdam freight forwarder confirmed that 40 servers were encrypted', true],
    ['a "Name (Place)." label', 'Hochschule Heilbronn (Baden-Württemberg). The university confirmed that its systems were attacked last week.', true],
    ['a numbered label', '2. Acme Corp: the company said its email servers were encrypted on Monday.', true],
    ['an ordinary sentence with a verb', 'Operations that could wait were postponed. The hospital said it would reopen soon.', false],
    ['an upper-case dateline', 'TULSA, Okla. — The city said its network was hit by ransomware on Saturday.', false],
    ['a label with too little prose after it', 'Acme Corp: servers encrypted.', false],
    ['no label at all', 'the city said its network was hit by ransomware on Saturday morning.', false],
  ])('%s', (_name, text, digest) => {
    expect(blocksOf(text)).toEqual([{ text, digest }]);
  });
});
