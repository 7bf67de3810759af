// Incidents made from made-up records, covering what exports must survive: a ransom with an amount, a named
// actor, an origin without actor, no country, no date, and hostile names and titles.
import { toArticle } from '../../src/incidents/article.ts';
import { groupArticles } from '../../src/incidents/group.ts';
import type { Incident } from '../../src/incidents/incident.ts';
import { recordOf } from './records.ts';

export const HOSTILE = 'Acme "Widgets" </script><script>alert(1)</script>\u0007\u001b[31m & Co\u2028';

export function sampleIncidents(): Incident[] {
  const loc = (country: string | null, region: string | null = null) => ({ country, region, city: null });
  return groupArticles([
    toArticle(
      recordOf(
        'namur-1',
        {
          victim: 'Province de Namur',
          date: '2023-07',
          location: loc('BE', 'Namur'),
          serverCount: 5,
          ransom: { demanded: true, amount: null, currency: null },
          origin: { country: 'RU', actor: null },
        },
        { publishedAt: '2023-07-20', title: 'Namur hit', uri: 'https://news.example.org/namur-1' },
      ),
      null,
    ),
    toArticle(recordOf('namur-2', { victim: 'province de Namur', location: loc('BE') }, { publishedAt: '2023-07-25' }), null),
    toArticle(
      recordOf(
        'hrta-1',
        {
          victim: 'Harbourview Regional Transit Authority',
          date: '2024-03-03',
          location: loc('US', 'Oregon'),
          ransom: { demanded: true, amount: 2000000, currency: 'USD' },
          origin: { country: 'RU', actor: 'BlackFen' },
        },
        { publishedAt: '2024-03-05', title: 'Transit hit "again" <b>now</b>' },
      ),
      null,
    ),
    toArticle(
      recordOf('hrta-2', { victim: 'HRTA', ransom: { demanded: true, amount: 2500000, currency: 'USD' } }, { publishedAt: '2024-03-08' }),
      'HRTA (Harbourview Regional Transit Authority) said',
    ),
    toArticle(recordOf('hostile-1', { victim: HOSTILE, ransom: { demanded: true, amount: 5, currency: 'BTC' } }, { title: `${HOSTILE} title` }), null),
    toArticle(recordOf('novictim-1', { date: '2024-01', location: loc('FR') }, { publishedAt: '2024-01-02' }), null),
  ]);
}
