// "The gang demanded $2 million in bitcoin to decrypt the files." / "a ransom of €2m"
import { defineRule, span } from '../_shared/kit.ts';
import { denial, saysRansom } from './lib/context.ts';
import { ransomAmounts } from './lib/amount.ts';

const DEMANDED_AMOUNT = 0.9; // a sum next to a demand verb or the word ransom
const DEMANDED_TOTAL = 0.92; // "$50,000 in total" beats the per-machine price in the same story

export default defineRule({
  field: 'ransom',
  examples: [
    { text: 'The gang demanded $4.5 million in bitcoin to decrypt the files.', value: { demanded: true, amount: 4500000, currency: 'USD' } },
    { text: 'Hackers asked for a ransom of €2m to restore the systems.', value: { demanded: true, amount: 2000000, currency: 'EUR' } },
    { text: 'The attackers wanted 50 BTC for the decryption key.', value: { demanded: true, amount: 50, currency: 'BTC' } },
    { text: 'The ransomware asked $500 per computer, $50,000 in total, to unlock the network.', value: { demanded: true, amount: 50000, currency: 'USD' } },
    {
      text: 'The ransom note demanded 100,000 euros within 48 hours, a sum the city refused to pay.',
      value: { demanded: true, amount: 100000, currency: 'EUR' },
    },
    // the stated currency, not its conversion; a number word; a range's low end; a conditional demand
    {
      text: 'The hospital opted to pay the ransom demand of 4 Bitcoin, which was worth around $55,000 at the time.',
      value: { demanded: true, amount: 4, currency: 'BTC' },
    },
    { text: 'The ransom notes demand $100 worth of Bitcoin (0.18 BTC) from its victims.', value: { demanded: true, amount: 100, currency: 'USD' } },
    { text: 'The virus demanded four bitcoins in exchange for unlocking the data.', value: { demanded: true, amount: 4, currency: 'BTC' } },
    { text: 'The gang tried to extort the firms into paying between 100 and 500 bitcoins.', value: { demanded: true, amount: 100, currency: 'BTC' } },
    {
      text: 'The group says that if the bank does not pay $75,000 in bitcoin it will leak the files.',
      value: { demanded: true, amount: 75000, currency: 'USD' },
    },
    {
      text: 'The note read: you must send us 0.7 bitcoin for each PC or 3 bitcoins to receive all the private keys.',
      value: { demanded: true, amount: 3, currency: 'BTC' },
    },
    { text: 'The extortionists sought US$70,000 in exchange for deleting the stolen files.', value: { demanded: true, amount: 70000, currency: 'USD' } },
  ],
  counterExamples: [
    'After the breach the company was fined £1.2bn by the regulator.',
    'The ransomware attack cost the city $4.5 million in recovery costs.',
    'The firm, which posted revenue of $2 billion last year, was hit by ransomware.',
    'Cleaning up after the ransomware attack cost the firm between $2 million and $3 million.',
    'The hospital paid a ransom of 4 bitcoins to the hackers.',
    // a sum of many victims' payments, not one demand
    'The study traced more than $25 million in ransomware payments made over two years.',
    'Criminal gangs collected over $2 billion in ransom payments last year, analysts say.',
    // the sum of an earlier incident the article compares with
    'The scheme looks like one aimed at tablets in 2015. That one demanded a $200 ransom in gift cards.',
    'The same alias was behind an attack on a dental clinic. In that case, the hackers demanded 30 bitcoins to restore the files.',
  ],
  *propose(doc) {
    if (denial(doc)) return;
    if (!saysRansom(doc) && !/extort|demand|decrypt|bitcoin/i.test(doc.text)) return;
    for (const a of ransomAmounts(doc)) {
      if (a.role !== 'demanded') continue;
      yield {
        value: { demanded: true, amount: a.amount, currency: a.currency },
        confidence: a.total ? DEMANDED_TOTAL : DEMANDED_AMOUNT,
        evidence: [span(doc.text, a.start, a.end)],
      };
    }
  },
});
