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
    // a report's findings: what it "exposes" is a finding, the attacks it describes its topic
    'How do state hackers hack? Security firm analysis exposes their favourite tactics',
    'Researchers have found a new way to hack smart locks',
    'Exposed: where the ransom money goes',
  ])('no victim-specific incident: %s', (title) => {
    expect(storyFocus('Body text of the article.', title).victimIncident).toBe(false);
  });

  it.each([
    'County council hit by phishing scam, payroll data stolen',
    'Retailer confirms breach after malware found on tills',
    'Hackers demand bitcoin from regional hospital',
    'Ransomware attack on city of Springfield shuts down services',
    // a victim's incident that a report tells of
    'Retailer hit by card-skimming malware, report finds',
    'Cyber attack on county council detailed in new report',
    'Cloud account breach revealed in security firm report',
    'Insurer reports breach exposed 40,000 customers',
  ])('a victim incident: %s', (title) => {
    expect(storyFocus('Body text of the article.', title).victimIncident).toBe(true);
  });

  it('reads the opening when there is no headline', () => {
    expect(storyFocus('Top five phishing scams and how to avoid them. Scammers keep inventing new lures.').victimIncident).toBe(false);
    expect(storyFocus('The water authority was hacked on Monday, officials said.').victimIncident).toBe(true);
  });
});
