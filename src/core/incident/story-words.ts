// Word lists (data) for telling an article about one victim's incident from a story with no victim-specific
// incident: a scam aimed at the public, a vulnerability or patch, a research or trend report, a malware family or
// campaign write-up. Each list is matched as whole words, case-insensitive, in the headline (else the opening).
// Source: the wording of news headlines (LABELLING.md: such articles have no main incident and no victim).

/** Headline words of a story about the public, a product or a trend rather than one victim. */
export const GENERAL_STORY_WORDS: readonly string[] = [
  'scam', 'scams', 'scammer', 'scammers', 'phishing', 'phishers', 'smishing', 'spam', 'malspam',
  'patch', 'patches', 'patched', 'patching', 'flaw', 'flaws', 'bug', 'bugs', 'vulnerable', 'vulnerability', 'vulnerabilities',
  'report', 'study', 'research', 'researchers', 'how', 'anatomy', 'trend', 'trends', 'favoring', 'favouring',
  'emerges', 'emerge', 'surfaces', 'warns', 'warning', 'beware', 'alert', 'tips', 'explainer', 'analysis',
  'campaign', 'campaigns', 'spyware', 'malware', 'ransomware-as-a-service',
];

/** Headline words that tie the story to a victim's incident: with one of them the headline is about a victim. */
export const VICTIM_INCIDENT_WORDS: readonly string[] = [
  'hit', 'hits', 'hacked', 'hack', 'hacks', 'breach', 'breached', 'breaches', 'victim', 'victims', 'falls victim',
  'compromised', 'compromises', 'compromise', 'duped', 'affects', 'affected', 'affecting', 'expose', 'exposes', 'exposed',
  'leak', 'leaks', 'leaked', 'incident', 'attack on', 'attacked', 'suffers', 'suffer', 'confirms', 'admits', 'stolen',
  'steals', 'stealing', 'held', 'hostage', 'ransomed', 'knocks', 'investigating', 'investigates', 'cyberattack', 'cyber-attack',
  'cyber attack', 'attack', 'heist', 'offline', 'outage',
];
