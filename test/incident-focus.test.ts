// The headline decides whether an article tells of a victim's incident: general-story wording (a scam, a flaw,
// a report) without any word tying it to a victim's incident means no victim. Invented headlines.
import { describe, expect, it } from 'vitest';
import { storyFocus, targetsThePublic } from '../src/core/incident/focus.ts';

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

describe('targetsThePublic', () => {
  it.each([
    ['Phishing scam targets iPhone users with fake support calls', 'Body text.'],
    ['Picky ransomware targets a subset of would-be Streamflix users', 'Body text.'],
    ['Malware on the rise', 'A new threat aims to steal Streamflix user credentials and hold them hostage.'],
    ['Fake receipts from phishers targeting Acme Music customers', 'Body text.'],
  ])("a scam aimed at a brand's public: %s", (title, text) => {
    expect(targetsThePublic(text, title)).toBe(true);
  });

  it.each([
    ['New email scam is targeting customers across the country', 'Body text.'],
    ['Attacks targeting its customers came from a breach, Acme admits', 'Body text.'],
    ['Hackers targeted Acme customer records in March', 'Body text.'],
    ['Acme says 2 million users affected by breach', 'Acme users were told to reset their passwords.'],
  ])("not a brand's public: %s", (title, text) => {
    expect(targetsThePublic(text, title)).toBe(false);
  });
});
