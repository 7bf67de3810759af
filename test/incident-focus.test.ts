// The headline decides whether an article tells of a victim's incident: general-story wording (a scam, a flaw,
// a report) without any word tying it to a victim's incident means no victim. Invented headlines.
import { describe, expect, it } from 'vitest';
import { storyFocus } from '../src/core/incident/focus.ts';

describe('storyFocus', () => {
  it.each([
    'Beware the latest tax refund phishing scam',
    'Browser maker patches critical flaw in password manager',
    'New ransomware-as-a-service emerges on underground forum',
    'Study finds hospitals slow to report data loss',
  ])('no victim-specific incident: %s', (title) => {
    expect(storyFocus('Body text of the article.', title).victimIncident).toBe(false);
  });

  it.each([
    'County council hit by phishing scam, payroll data stolen',
    'Retailer confirms breach after malware found on tills',
    'Hackers demand bitcoin from regional hospital',
    'Ransomware attack on city of Springfield shuts down services',
  ])('a victim incident: %s', (title) => {
    expect(storyFocus('Body text of the article.', title).victimIncident).toBe(true);
  });

  it('reads the opening when there is no headline', () => {
    expect(storyFocus('Top five phishing scams and how to avoid them. Scammers keep inventing new lures.').victimIncident).toBe(false);
    expect(storyFocus('The water authority was hacked on Monday, officials said.').victimIncident).toBe(true);
  });
});
