// "Ebay domains hacked by Syrian Electronic Army" / "Anonymous Brazil defaces website" / "Philippines CyberArmy"
import { defineRule, firstMatch, span } from '../_shared/kit.ts';
import { places } from './lib/places.ts';
import { negated } from './lib/context.ts';
import { tellsOfIncident } from './lib/incident.ts';

// Words that only hacker groups put in their names next to a country; "Pakistan Army" or "Russian Navy" are institutions.
const MARK = new RegExp(
  String.raw`^(?:Cyber(?![Ss]ecurity)\w*|Electronic\w*|Hack(?!ed$|s$|ing$)\w*|Hat|Anonymous|Anon|LulzSec|Team|Crew|Squad|Legion|Mafia` +
    String.raw`|Ghosts?|Warriors|Defacers|Knights|Tigers|Underground|Crime|Syndicate|Gang)$`,
  '',
);
const PART = new RegExp(
  String.raw`^(?:Cyber(?![Ss]ecurity)\w*|Electronic\w*|Hack(?!ed$|s$|ing$)\w*|Grey|Gray|Black|White|Hat|Security|Team|Army|Crew|Squad` +
    String.raw`|Command|Force|Legion|Mafia|Ghosts?|Warriors|Unit|Brigade|Defacers|Knights|Tigers|Fighters|Underground|Attackers|Group|Crime|Family` +
    String.raw`|Syndicate|Gang)$`,
  '',
);
const PREFIX = /^(?:Anonymous|Anon|LulzSec|Team|HighTech|Elite|The)$/;
const WORD = /^[\s]+([A-Z][\w-]*)/;
const WORD_BEFORE = /([A-Z][\w-]*)\s+$/;
// "Australian Cyber Security Centre": a state body named like a crew.
const INSTITUTION = /^[ \t]+(?:Centre|Center|Agency|Department|Ministry|Authority|Office|Council|Directorate|Institute|Coordination|Response)\b/;
// "U.S. Cyber Command": a military command, not a crew
const COMMAND = /\bCommand$/;
const NAMED_GROUP = 0.8; // the group's own name carries the country, as hacktivist crews name themselves
const MAX_PARTS = 4;

export default defineRule({
  field: 'origin',
  examples: [
    { text: 'Ebay and Paypal UK domains hacked by Syrian Electronic Army', value: { country: 'SY', actor: 'Syrian Electronic Army' } },
    { text: 'Hacker group Anonymous Brazil defaces website of Brazilian air force.', value: { country: 'BR', actor: 'Anonymous Brazil' } },
    { text: 'Government of Philippines Hacked by Philippines CyberArmy', value: { country: 'PH', actor: 'Philippines CyberArmy' } },
    { text: 'Interpol Indonesia Hacked and Defaced by HighTech Brazil HackTeam', value: { country: 'BR', actor: 'HighTech Brazil HackTeam' } },
    {
      text: 'A group calling itself the Turkish Crime Family threatened to wipe the accounts unless it was paid.',
      value: { country: 'TR', actor: 'Turkish Crime Family' },
    },
  ],
  counterExamples: [
    'The Pakistan Army websites were defaced.',
    'The Russian Navy confirmed the outage.',
    'Officials of the Indian Air Force said nothing.',
    'The Australian Cyber Security Centre said it was aware of the incident.',
    'The store was breached in May; U.S. Cyber Command was not involved.',
  ],
  *propose(doc) {
    if (!tellsOfIncident(doc)) return;
    for (const p of places(doc)) {
      if (p.kind === 'capital' || !p.exact) continue;
      const parts: string[] = [];
      let end = p.end;
      const nextWord = () => firstMatch(WORD, doc.text.slice(end, end + 30));
      for (let m = nextWord(); m && PART.test(m[1]!) && parts.length < MAX_PARTS; m = nextWord()) {
        parts.push(m[1]!);
        end += m[0].length;
      }
      const b = firstMatch(WORD_BEFORE, doc.text.slice(Math.max(0, p.start - 20), p.start));
      const prefix = b && PREFIX.test(b[1]!) && b[1] !== 'The' ? b[1]! : undefined;
      if (!prefix && !parts.some((w) => MARK.test(w))) continue;
      if (!prefix && parts.length === 0) continue;
      if (INSTITUTION.test(doc.text.slice(end, end + 30)) || COMMAND.test(parts.join(' '))) continue;
      const start = prefix ? p.start - b![0].length : p.start;
      if (negated(doc, start, end)) continue;
      yield { value: { country: p.code, actor: doc.text.slice(start, end) }, confidence: NAMED_GROUP, evidence: [span(doc.text, start, end)] };
    }
  },
});
