// "Anonymous breached the official website of the Syrian Investment Agency" / "Hackers stole data from Uber"
import { defineRule } from '../_shared/kit.ts';
import { objectsOf } from './lib/propose.ts';
import { keyed, lowerKey } from './lib/keyed.ts';
import { isNameLike } from './lib/lone.ts';
import { isPlace } from './lib/name-shape.ts';

// the object of a hacking verb, optionally behind "the website of", is whoever was attacked
const HACKED = new RegExp(
  String.raw`\b(?:hacked\s+into|broke\s+into|breached\s+into|(?:managed|able|tried|attempted)\s+to\s+(?:hack|breach|deface` +
    String.raw`|compromise|infiltrate|penetrate|access)(?:\s+and\s+(?:hack|breach|deface|compromise|leak|dump))?|hacked|breached|defaced|compromised` +
    String.raw`|attacked|targeted|targeting|hacks|breaches|defaces|compromises|infiltrated|penetrated|hijacked|hit|struck|encrypted|crippled|disrupted` +
    String.raw`|paralys[ei]d|paralyzed|knocked\s+offline|took\s+down|taking\s+down|gained\s+(?:unauthorized\s+)?access\s+(?:to|into)` +
    String.raw`|stole\s+(?:[\w,-]+\s+){0,8}?from|leaked\s+(?:[\w,-]+\s+){0,6}?(?:from|of|belonging\s+to))\s+(?:the\s+)?(?:(?:official|internal|computer|IT` +
    String.raw`|email|web|online|corporate)\s+)*(?:(?:systems?|servers?|networks?|websites?|sites?|accounts?|databases?|portal|infrastructure` +
    String.raw`|sub-?domain)\s+(?:of|at|belonging\s+to|run\s+by|operated\s+by)\s+(?:the\s+)?)?`,
  'giu',
);
const HACKED_KEYED = keyed(HACKED, lowerKey(HACKED));
const ACTOR_OBJECT = 0.65; // the patient of a hacking verb

export default defineRule({
  field: 'victim',
  examples: [
    {
      text: 'Hackers of the Afghan Cyber Army have breached and defaced the official website of the Syrian Investment Agency.',
      value: 'Syrian Investment Agency',
    },
    { text: 'Russian hackers targeted Stadtwerke Bochum with ransomware.', value: 'Stadtwerke Bochum' },
    { text: 'Hackers gained unauthorized access to the systems of MOAB Training International.', value: 'MOAB Training International' },
    { text: 'A hacker using the moniker Dr4g0n has hacked MacTalk (mactalk.com.au), a forum for Apple fans.', value: 'MacTalk' },
    { text: 'An unidentified suspect allegedly hacked into the server of Interpark Corp. and stole customer information.', value: 'Interpark' },
    // an outlet is hit when its own site is: one capitalised word may name the site
    { text: "Hackers breached the Washington Post's Jobs website last month, stealing user names.", value: 'Washington Post' },
    // the apostrophe lost in a write-up: NATO owns the centre that was hit
    {
      text: 'Hackers breached NATOs Strategic Communications Centre of Excellence in May. NATO said no classified data was taken.',
      value: 'Strategic Communications Centre of Excellence',
    },
    // a brand's branch in a country, and the web page named after its owner, are the brand's
    { text: 'Turkish Ajan hacker group breaches Sony Italy web site and releases customer data', value: 'Sony' },
    { text: 'The Syrian Electronic Army hacked into Viber Support Page and left the site defaced.', value: 'Viber' },
  ],
  counterExamples: [
    'Hackers breached the network of a regional utility.',
    'The intruders compromised several servers on Monday.',
    'The group attacked Mandiant researchers in a blog post.',
    'The worm hacked Windows machines and Monday was chaos.',
  ],
  propose: (doc) => objectsOf(doc, HACKED_KEYED, ACTOR_OBJECT, (n, d) => !isPlace(n.value) && isNameLike(d, n)),
});
