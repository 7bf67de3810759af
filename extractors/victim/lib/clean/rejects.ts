// The rejections of a victim-name clean, in the order they run: each says why a trimmed run is no victim
// organisation (a generic subject, a law, an attacker, a person, a place, a reporter, a source).
import { JOINER, isOrgLike, isPlace } from '../name-shape.ts';
import { NOT_ORGANISATION, PERSON_AFTER, endsOnPersonTitle, isPeoplePlural, namedAsPerson } from '../person.ts';
import { TECH_ACRONYM } from '../lone.ts';
import {
  ACTOR_AFTER,
  ENFORCING_AFTER,
  FINDING_AFTER,
  GENERIC,
  LAW_ENFORCEMENT,
  LEADING,
  NOT_VICTIM_NAMES,
  NOT_VICTIM_WORDS,
  PRODUCT_NAMES,
  ORG_HEAD,
  OVERSEEING_AFTER,
  OVERSIGHT_BODY,
  REPORTER,
  RESIDENT_AFTER,
  ROLE,
  SECURITY_APPOSITIVE,
  SOURCE_BEFORE,
  allCapsHeadline,
  hasCorporateContext,
  isCommonWord,
  isFirstName,
} from '../words.ts';
import { defineReject, type Named, type RejectStep, type StepExample, type StepSpec } from './step.ts';
import { allGeneric, harmedAround, isCountry, isTownOrCounty, namedFromCommonWords } from './helpers.ts';
import { BODY_KIND_END } from './trims.ts';
import { appOrGame } from './app-or-game.ts';
import { MONTH_SOURCE } from '../../../_shared/months.ts';
import { endTest } from '../ends.ts';
import { crewWordsEnd, mayBeHired, namesPeopleBody } from './gates.ts';
import { compiledNow, forText } from '../../../_shared/one-byte.ts';

// \p{…} patterns live at module level: esbuild (tsx, the bundle) would rebuild a literal inside a function on each call
const CAPS_CODE = /^[\p{Lu}\d&.-]+$/u;

const before = (n: Named, chars: number) => n.text.slice(Math.max(0, n.s - chars), n.s);
const after = (n: Named, chars: number) => n.text.slice(n.e, n.e + chars);
const harmed = (n: Named) => harmedAround(n.text, n.s, n.e);
const COMMA = 0x2c;
/** A comma within the first `chars` characters after the run (an appositive pattern opening "^['’]?s?," needs one in 3). */
const commaWithin = (n: Named, chars: number) => {
  // (not past the text's end: a read there gives NaN and throws away V8's optimised code)
  const end = Math.min(n.e + chars, n.text.length);
  for (let i = n.e; i < end; i++) if (n.text.charCodeAt(i) === COMMA) return true;
  return false;
};

// The rejections that ask one pattern of the words right after the run, or one end-anchored pattern of the words right
// before it, are one class each: their test is one method, which V8 optimises once for them all (a closure of each
// rejection's own is optimised on its own)
interface PatternSpec extends StepSpec {
  /** How many characters after (or before) the run the pattern reads. */
  readonly chars: number;
}
/** What a rejection of either class keeps of its spec. */
abstract class PatternReject implements RejectStep {
  readonly name: string;
  readonly examples: readonly StepExample[];
  readonly counterExamples: readonly string[];
  protected readonly chars: number;
  constructor(spec: PatternSpec) {
    this.name = spec.name;
    this.examples = spec.examples;
    this.counterExamples = spec.counterExamples;
    this.chars = spec.chars;
  }
  abstract rejects(n: Named): boolean;
}
/** Rejects a run the pattern matches right after. */
class PatternAfter extends PatternReject {
  readonly #pattern: RegExp;
  constructor(spec: PatternSpec, pattern: RegExp) {
    super(spec);
    // (asked of nearly every name: compiled to machine code now, one-byte.ts compiledNow)
    this.#pattern = compiledNow(pattern);
  }
  rejects(n: Named): boolean {
    return this.#pattern.test(after(n, this.chars));
  }
}
/** Rejects a run the end-anchored pattern matches right before (endTest), unless, when so asked, the run is harmed. */
class EndsBefore extends PatternReject {
  readonly #ends: (s: string) => boolean;
  readonly #unlessHarmed: boolean;
  constructor(spec: PatternSpec, pattern: RegExp, unlessHarmed: boolean) {
    super(spec);
    this.#ends = endTest(pattern);
    this.#unlessHarmed = unlessHarmed;
  }
  rejects(n: Named): boolean {
    return this.#ends(before(n, this.chars)) && !(this.#unlessHarmed && harmed(n));
  }
}

const generic = defineReject({
  name: 'generic words only',
  examples: [{ run: '[The Hospital] said.', value: null }],
  counterExamples: ['[City National Bank] said.'],
  rejects: (n) => allGeneric(n.words) && !namedFromCommonWords(n.value, n.words),
});

const LAW = /\s(?:Act|Law|Regulation|Directive|Rule)$/u;
// (a test of the name asked before a pattern, here and below, is a condition the pattern cannot match without; a cheap
// one, a built-in call or a lookup: code of our own runs in V8's interpreter through most of a first pass, slower than
// a pattern's native code; clean/gates.ts)
const LAW_SCHOOL = /\b(?:School|College|Faculty|Institute|Cent(?:er|re))\s+of\s+Law$/u;
const law = defineReject({
  name: 'a law',
  examples: [{ run: 'a breach of the [Data Protection Act]', value: null }],
  counterExamples: ['[Harvard School of Law] was hit.'],
  // laws are breached too ("a breach of the Data Protection Act")
  rejects: (n) => LAW.test(n.value) && !LAW_SCHOOL.test(n.value),
});

const LAW_REST = /^\s+(?:and|&)\s+(?:\p{Lu}\p{L}+\s+){1,3}(?:Act|Law)\b/u;
// "the Health Insurance Portability and Accountability Act": a law's first half, cut at its "and"
const lawFirstHalf = new PatternAfter(
  {
    name: "a law's first half",
    examples: [{ run: 'the [Health Insurance Portability] and Accountability Act', value: null }],
    counterExamples: ['the [Health Insurance Portability] office'],
    chars: 60,
  },
  LAW_REST,
);

const attackerOrReporterName = defineReject({
  name: 'attacker, security firm or outlet',
  examples: [
    { run: '[Fancy Bear] struck again.', value: null },
    { run: '[LockBit Gang] struck.', value: null },
  ],
  counterExamples: ['[Royal Shrewsbury Hospital] was hit.', '[Royal Navy] was hit.'],
  // gang names are ordinary words too ("Royal Shrewsbury Hospital"): an organisation noun outweighs them
  // "Royal Navy", "Royal Victoria Infirmary": a gang named by an ordinary adjective opens many organisations' names;
  // ("the Syrian Electronic Armys official website": a possessive that lost its apostrophe)
  rejects: (n) => {
    const { words } = n;
    const joined = words.join(' ');
    return (
      ((NOT_VICTIM_NAMES.has(joined) || (joined.endsWith('s') && NOT_VICTIM_NAMES.has(joined.slice(0, -1)))) && !harmed(n)) ||
      (NOT_VICTIM_WORDS.has(words[0]!) && !isOrgLike(n.value) && !(words[0] === 'royal' && words.length > 1 && !GENERIC.has(words[1]!)))
    );
  },
});

const JOINER_START = new RegExp(String.raw`^${JOINER}\s`, 'u');
const openerOrFragment = defineReject({
  name: 'sentence opener, one letter or joiner start',
  examples: [
    { run: '[X] marks the spot.', value: null },
    { run: 'ministry [of Health] said', value: null },
  ],
  counterExamples: ['[Acme Corp] said.'],
  rejects: (n) => LEADING.has(n.words[0]!) || n.value.length < 2 || JOINER_START.test(n.value),
});

const NATIONAL_GOVERNMENT = /^(.+?)\s+government$/u;
const nationalGovernment = defineReject({
  name: "a whole country's government",
  examples: [{ run: 'the [Norway government] said.', value: null }],
  counterExamples: ['the [Ontario government] said.'],
  // "the Egyptian government", "Norway government": a whole country's government is where write-ups start,
  // the victim is the ministry or agency they go on to name
  rejects: (n) => n.value.endsWith('government') && NATIONAL_GOVERNMENT.test(n.value) && isCountry(n.value.replace(NATIONAL_GOVERNMENT, '$1')),
});

const CREW_END =
  /\s(?:Crew|Hackers|Hacking\s+Team|Crime\s+(?:Family|Syndicate|Gang)|Cyber\s+(?:Army|Team|Squad|Force))$|^(?:\p{Lu}\p{L}+\s+)?Electronic\s+Army$/u;
const crew = defineReject({
  name: "a crew's name",
  examples: [
    { run: '[Pakistani Haxors Crew] defaced it.', value: null },
    { run: '[Iranian Cyber Army] struck.', value: null },
    { run: 'the [Lusitanian Crime Family] demanded a ransom.', value: null },
  ],
  counterExamples: ['[Cyber Defence Agency] said.'],
  // "Pakistani Haxors Crew", "Iranian Cyber Army": a crew's name is the attacker's
  rejects: (n) => crewWordsEnd(n.words) && CREW_END.test(n.value),
});

const MONTH = `(?:${MONTH_SOURCE})`;
const DAY_OF_MONTH = new RegExp(String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}\b|\b${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?\b`, 'u');
const ageOrDate = defineReject({
  name: "a person's age or a date",
  examples: [
    { run: '[47-year-old Schella Logan Hope] said.', value: null },
    { run: 'on [Sun 29th December]', value: null },
  ],
  counterExamples: ['[Acme Corp] said.'],
  // "47-year-old Schella Logan Hope", "Sun 29th December": a person's age or a date, no organisation
  rejects: (n) => /^\d+-year-old\b/u.test(n.value) || DAY_OF_MONTH.test(n.value),
});

const notOrganisation = defineReject({
  name: 'address, placeholder, time, record or people',
  examples: [
    { run: 'on [Salem Road]', value: null },
    { run: '[South Africans] were hit.', value: null },
  ],
  counterExamples: ['[Salem Hospital] was hit.'],
  // "Salem Road", "Veteran B", "1am GMT", "Social Security Numbers", "South Africans": an address, a placeholder
  // for a person, a time, a kind of record or a people is no organisation
  rejects: (n) => (NOT_ORGANISATION.test(n.value) && !n.incorporated) || isPeoplePlural(n.words[n.words.length - 1]!),
});

// (patterns with a bare \p{…} live at module level: the build's esbuild target writes such a literal as `new RegExp(…)`,
// built again at every call)
const PEOPLE_ENDING = /\p{Ll}ans$/u;
const ADVERB_ENDING = /\p{Ll}ly$/u;
const SHOUTED = /^\p{Lu}{6,}$/u;
const LOWER_NOUN_AFTER = /^,?\s+\p{Ll}/u;
const peopleOfPlace = defineReject({
  name: 'the people of a place',
  examples: [{ run: '7,500 [Californians] were hit.', value: null }],
  counterExamples: ['[Californian Bank] was hit.'],
  // "7,500 British Columbians", "Californians": the people of a place ending in -a
  rejects: (n) => n.value.endsWith('ans') && PEOPLE_ENDING.test(n.value) && isPlace(n.value.slice(0, -2)),
});

const aptLabel = defineReject({
  name: "a threat actor's label",
  examples: [{ run: '[Chinese APT Playful Taurus] struck.', value: null }],
  counterExamples: ['[Aptos Health] was hit.'],
  // "Chinese APT Playful Taurus": a threat actor's label inside the run
  rejects: (n) => n.value.includes('APT') && /\bAPT\b/u.test(n.value),
});

const system = defineReject({
  name: 'a system, not its owner',
  examples: [{ run: 'the [Electronic Case Files Management System] was hit.', value: null }],
  counterExamples: ['[Health Management System] was hit.'],
  // "the Electronic Case Files Management System": a system is what was hit, its owner is the victim
  rejects: (n) => n.value.endsWith('System') && /\sSystem$/u.test(n.value) && !isOrgLike(n.value),
});

const malwareName = defineReject({
  name: 'a malware family or a protocol',
  examples: [
    { run: 'the [Jolly Yule Ransomware] spreads by email.', value: null },
    { run: 'a flaw in the [Plain Device Query Protocol] lets anyone in.', value: null },
  ],
  counterExamples: ['[Ransomware Response Partners] was hacked.'],
  // "the Jolly Yule Ransomware", "Plain Device Query Protocol": what attacks or what is flawed, not whom
  rejects: (n) => /\s(?:Ransomware|Malware|Trojan|Botnet|Worm|Backdoor|Stealer|Wiper|Protocol)$/u.test(n.value),
});

const product = defineReject({
  name: 'a platform or device, not its vendor',
  examples: [
    { run: 'the ransomware hits [macOS] users.', value: null },
    { run: 'We run three [MongoDB] servers, one for the shop.', value: null },
  ],
  counterExamples: ['[Macrosoft Ltd] was hit.'],
  // "Filecoder targets macOS", "a Tor user": the platform an attack runs on names no victim organisation
  rejects: (n) => PRODUCT_NAMES.has(n.value.toLowerCase()),
});

const vendorKind = defineReject({
  name: "a vendor's kind in the run",
  examples: [{ run: 'states the [British IT-company Elliptic]', value: null }],
  counterExamples: ['the [British IT-company Elliptic] was hacked.'],
  // "the British IT-company Elliptic": a vendor's kind swallowed into the capitalised run
  rejects: (n) => n.value.includes('IT-') && /\bIT-(?:company|firm|provider|vendor)\b/u.test(n.value) && !harmed(n),
});

// the modifiers that make a group, gang or crew an attacker rather than a media or banking group
const ACTOR_BEFORE = new RegExp(
  String.raw`\b(?:(?:hack(?:er|ing|tivist)|hacking-for-hire|APT|ransomware|threat|espionage|` +
    String.raw`cyber(?:crime|criminal)?|criminal|extortion|activist|state[\s-]sponsored|wiper)[\s-]+(?:group|gang|collective|crew|actor|outfit|cell)|` +
    String.raw`(?:activist|state[\s-]sponsored|Iranian|Russian|Chinese|North\s+Korean|pro-\p{Lu}\p{L}+)\s+hack(?:er|tivist)s|hacktivists|` +
    String.raw`a\.?k\.?a\.?|also\s+known\s+as|under\s+the\s+(?:moniker|name))\s*,?\s*["“\x93']?(?:the\s+)?["“\x93']?$`,
  'iu',
);
// "hacktivist group Black Reward", "aka The White Company": the attacker, named after its kind
const actorBefore = new EndsBefore(
  {
    name: 'attacker named after its kind',
    examples: [{ run: 'hacktivist group [Black Reward] leaked files.', value: null }],
    counterExamples: ['media group [Black Reward] was hit.'],
    chars: 50,
  },
  ACTOR_BEFORE,
  false,
);

// "Entertainment news website Gossipline first reported": an outlet is the source too
const VENDOR_BEFORE = new RegExp(
  String.raw`\b(?:IT|security|cyber[\s-]?security|cyber[\s-]?intelligence|threat[\s-]intelligence|antivirus|` +
    String.raw`anti-virus|forensics?|blockchain\s+analytics|research|news)[\s-]+(?:company|firm|vendor|provider|researchers?|specialists?|outfit|` +
    String.raw`start-?up|expert|website|site|outlet|blog|portal)\s*$`,
  'iu',
);
// "states the British IT-company Elliptic": a vendor or researcher reports; it is the victim only when harmed
const vendorBefore = new EndsBefore(
  {
    name: 'a vendor or researcher reporting',
    examples: [{ run: 'security firm [Emsisoft Labs] said.', value: null }],
    counterExamples: ['security firm [Emsisoft Labs] was hacked.'],
    chars: 50,
  },
  VENDOR_BEFORE,
  true,
);

const SERVING_VENDOR_BEFORE = new RegExp(
  String.raw`(?:\bthird[\s-]party\s+(?:[\w-]+\s+){0,2}|\b(?:its|their)\s+(?:[\w-]+\s+){0,2}|` +
    String.raw`\b\p{Lu}{2,}\s+|\bsub-?)(?:vendor|contractor|business\s+associate)s?,?\s+(?:called\s+|named\s+)?$`,
  'u',
);
const HIRED_APPOSITIVE = new RegExp(
  String.raw`^['’\x92]?s?,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,5}?(?:company|firm|vendor|contractor|provider)\s+` +
    String.raw`(?:hired|contracted|used|retained|engaged)\b`,
  'u',
);
const endsServingVendor = endTest(SERVING_VENDOR_BEFORE);
const hiredAppositive = (next: string) => mayBeHired(next) && HIRED_APPOSITIVE.test(next);
const servingVendor = defineReject({
  name: 'a vendor serving the victim',
  examples: [
    { run: 'fired third-party vendor [Scribewell] said.', value: null },
    { run: '[Hummingwire], a software company hired to help', value: null },
  ],
  counterExamples: ['[Scribewell] said.'],
  // "fired third-party vendor Scribewell", "UMHS vendor Omnicare", "Hummingwire, a software company hired to…": a
  // vendor serving the organisation whose records it held; that organisation is the victim
  rejects: (n) => endsServingVendor(before(n, 50)) || (commaWithin(n, 3) && hiredAppositive(after(n, 90))),
});

const OFFICE = /['’\x92]s\s+(?:Office|Department|Bureau)\b|^(?:Office|Department|Bureau|Ministry)\s+of\b/u;
// ("Premier Physicians Group", "College of Nurses of Ontario", "Employee Health and Wellness": a body of or for the
// people a role names, not a person holding it, gates.ts; "College of Physicians and Surgeons" is a regulator, and stays out)
// "Daniel Drake Center for Post-Acute Care": a compound, not the newspaper word
const POST_PREFIX = /\bPost-\p{L}+/gu;
const roleOrReporter = defineReject({
  name: 'role, reporter, shouted headline or country',
  examples: [
    { run: '[Attorney General] said.', value: null },
    { run: 'in [Belgium] today', value: null },
  ],
  counterExamples: ["[Prime Minister's Office] was hit."],
  rejects: (n) => {
    // "Prime Minister's Office", "Office of Medicaid Inspector General": a role names the office that serves it
    return (
      (ROLE.test(n.value) && !OFFICE.test(n.value) && !namesPeopleBody(n.text.slice(n.s, n.e + 6))) ||
      // (the compound's replace is skipped when the name holds none: most names)
      (REPORTER.test(n.value.includes('Post-') ? n.value.replace(POST_PREFIX, '') : n.value) && !harmed(n)) ||
      allCapsHeadline(n.value) ||
      isCountry(n.value)
    );
  },
});

const enforcing = defineReject({
  name: 'police investigating or speaking',
  examples: [{ run: '[Chicago police] have arrested a man.', value: null }],
  counterExamples: ['[Chicago police] computers were hacked.'],
  // "Chicago police have arrested", "Nassau County police said", "the Sheriff's Office said": a force that
  // investigates or speaks reports the incident; it is the victim only when its own systems are hit
  rejects: (n) => LAW_ENFORCEMENT.test(n.value) && ENFORCING_AFTER.test(after(n, 50)) && !harmed(n),
});

const overseeing = defineReject({
  name: 'a regulator ruling',
  // "the ICO has fined", "the Commissioner found that the Trust": a regulator ruling on the incident
  examples: [{ run: "The [Information Commissioner's Office] has fined the Trust.", value: null }],
  counterExamples: ["The [Information Commissioner's Office] was hacked."],
  rejects: (n) => {
    const next = after(n, 120);
    return (OVERSEEING_AFTER.test(next) || (FINDING_AFTER.test(next) && OVERSIGHT_BODY.test(n.value))) && !harmed(n);
  },
});

const firstName = defineReject({
  name: 'a first name and no organisation noun',
  examples: [{ run: 'said [Brett Callow] of Emsisoft.', value: null }],
  counterExamples: ['[Brett Hospital] was hit.'],
  // "Brett Callow", "Zelda McConachy": a first name and no organisation noun is a person
  rejects: (n) =>
    n.words.length <= 3 &&
    isFirstName(n.words[0]!) &&
    !isOrgLike(n.value) &&
    !n.incorporated &&
    !BODY_KIND_END.test(n.value) &&
    !hasCorporateContext(n.text, n.e),
});

const COURTESY = new Set(['mr', 'mrs', 'ms', 'miss', 'mr.', 'mrs.', 'ms.', 'miss.']);
const titledPerson = defineReject({
  name: 'a title or role beside a short name',
  examples: [
    { run: 'spokesman [Jay Mayfield] said.', value: null },
    { run: '[Canh Oxelson], 32, a former employee', value: null },
  ],
  counterExamples: ['[Jay Mayfield Clinic] said.'],
  // "spokesman Jay Mayfield", "Canh Oxelson, 32, a former employee", "Mr Montgomery": a title or a role beside a
  // short name without an organisation noun makes it a person
  rejects: (n) =>
    n.words.length <= 3 &&
    !isOrgLike(n.value) &&
    !n.incorporated &&
    (COURTESY.has(n.words[0]!) ||
      endsOnPersonTitle(before(n, 40)) ||
      (n.e < n.text.length && n.text.charCodeAt(n.e) === COMMA && PERSON_AFTER.test(after(n, 80))) ||
      (!CAPS_CODE.test(n.value) && namedAsPerson(n.doc, n.value))),
});

const personOf = defineReject({
  name: 'a person of an organisation',
  examples: [{ run: '[Michael Roane of the Privacy] Rights Clearinghouse said.', value: null }],
  counterExamples: ['[Virginia Department of Health] said.'],
  // "Emory Roane of the Privacy Rights Clearinghouse" is a person speaking for an organisation; "Virginia Department
  // of Health" opens on a place that is also a first name, and an organisation noun follows it
  // (the "of" is asked first: it costs no lookup, and most runs have none)
  rejects: (n) => n.words[2] === 'of' && isFirstName(n.words[0]!) && !ORG_HEAD.test(n.value.split(/\s+/)[1]!),
});

// "Additionally, the groups …", "Apparently, no card data …" (but "Weebly, a website builder")
const ADVERB_AFTER = /^,\s+(?:the|it|its|they|their|he|she|we|this|these|there|some|many|no|none|all|hackers|attackers)\b/u;
const loneWord = defineReject({
  name: 'a lone dictionary word, technical acronym or sentence adverb',
  examples: [
    { run: '[Potential] victims were told.', value: null },
    { run: 'the [GPS] network', value: null },
  ],
  counterExamples: ['[Weebly], a website builder, said.'],
  // a lone dictionary word ("Potential", "Privacy") is a capitalised sentence start, not a brand; nor is a technical
  // or privacy-office acronym ("GPS network", "the CE") or a sentence adverb ("Additionally, the group …")
  rejects: (n) =>
    n.words.length === 1 &&
    ((isCommonWord(n.value) && !hasCorporateContext(n.text, n.e)) ||
      TECH_ACRONYM.has(n.value) ||
      (n.value.endsWith('ly') && ADVERB_ENDING.test(n.value) && ADVERB_AFTER.test(after(n, 12)))),
});

const shoutedWord = defineReject({
  name: 'a shouted dictionary word',
  examples: [{ run: '[BOXING] coach jailed.', value: null }],
  counterExamples: ['[SWIFT] said.'],
  // "BOXING coach", "A MILITARY laptop": a shouted dictionary word opens the story; acronyms that spell a word are
  // shorter ("SWIFT said")
  rejects: (n) => n.words.length === 1 && n.value.length >= 6 && SHOUTED.test(n.value) && isCommonWord(n.words[0]!) && !hasCorporateContext(n.text, n.e),
});

const CROWD = /^(?:hackers|hacktivists|members|supporters|activists|operatives|affiliates|fans|users|customers|friends|journalists|reporters)$/;
const crowd = defineReject({
  name: 'a crowd named after its group',
  examples: [{ run: '[Hackers of AnonGhost] struck.', value: null }],
  counterExamples: ['[Friends Health Trust] was hit.'],
  // "Hackers of AnonGhost", "Members of the Anonymous movement": a crowd named after its group
  rejects: (n) => n.words[1] === 'of' && CROWD.test(n.words[0]!),
});

const HACKER = new Set(['hacker', 'hacktivist', 'attacker']);
const hacker = defineReject({
  name: 'an attacker named with his trade',
  examples: [{ run: '[Hacker DasTn] defaced it.', value: null }],
  counterExamples: ['[Hacker School] was hit.'],
  // "Hacker DasTn of The Outlaws defaced…": an attacker named with his trade
  rejects: (n) => n.words.length > 1 && HACKER.has(n.words[0]!) && !isOrgLike(n.value),
});

// "A Kanawha County woman", "Matamata woman Tania": a place qualifying a person
const resident = new PatternAfter(
  {
    name: 'a place qualifying a person',
    examples: [{ run: 'A [Kanawha County] woman said.', value: null }],
    counterExamples: ['[Kanawha County] said.'],
    chars: 20,
  },
  RESIDENT_AFTER,
);

// an age before "of" makes the rest a person's home; "residents of" may also be a care home's
const RESIDENCE_BEFORE = /(?:(,[ \t]*\d{1,3},?)|\bresidents?|\bnatives?)[ \t]+of[ \t]+$/u;
const endsResidence = endTest(RESIDENCE_BEFORE);
const residence = defineReject({
  name: 'where a person lives',
  examples: [{ run: 'Michael Bryant, 41, of [Lauderdale Lakes] was charged.', value: null }],
  counterExamples: ['Michael Bryant of [Lauderdale Lakes] was charged.'],
  // "Michael Bryant, 41, of Lauderdale Lakes", "a resident of Phenix City": where a person lives
  rejects: (n) => {
    const b = before(n, 30);
    const m = endsResidence(b) && RESIDENCE_BEFORE.exec(b);
    return !!m && (!!m[1] || isTownOrCounty(n.value));
  },
});

const ARTICLE_BEFORE = /(?:^|[^\p{L}])an?[ \t]+$/iu;
// "An Alto city employee": the town's own body
const TOWN_BODY_AFTER = /^\s+(?:city|county|town|village|borough|township|municipal)\b/u;
const townOfSomeone = defineReject({
  name: 'a town named to place some unnamed body',
  examples: [{ run: 'An [Evansville] hospital was hit.', value: null }],
  counterExamples: ['An [Evansville] city employee was fired.'],
  // "An Evansville hospital", "a Jersey City doctor", "a Dallas County, Texas, physician": a town or county named only
  // to say where some unnamed body or person is; the victim is that one, not the place
  rejects: (n) =>
    forText(ARTICLE_BEFORE, n.doc.text).test(before(n, 4)) &&
    LOWER_NOUN_AFTER.test(after(n, 3)) &&
    !TOWN_BODY_AFTER.test(after(n, 12)) &&
    isTownOrCounty(n.value),
});

const actorOrResearcherAfter = defineReject({
  name: 'an attacker or security researcher by what follows',
  examples: [{ run: '[Conti Team] ransomware gang struck.', value: null }],
  counterExamples: ['[Acme Corp] was hit.'],
  rejects: (n) => ACTOR_AFTER.test(after(n, 40)) || (commaWithin(n, 3) && forText(SECURITY_APPOSITIVE, n.text).test(after(n, 80))),
});

const S3_BUCKET_AFTER = /^(?:\s+S3)?\s+(?:storage\s+)?buckets?\b/u;
const bucketAfter = (next: string) => next.includes('bucket') && S3_BUCKET_AFTER.test(next);
const HOST_USE_BEFORE = /\b(?:using|used|uses)\s+$/u;
const HOST_USE_AFTER = /^\s+to\s+(?:store|host|keep|back\s+up)\b/u;
const host = defineReject({
  name: 'the cloud that hosted the data',
  examples: [
    { run: 'found in a publicly accessible [Amazon Web Services] S3 bucket', value: null },
    { run: 'was using [Rackcloud] to store its files', value: null },
  ],
  counterExamples: ['[Amazon Web Services] was hit.'],
  // "found in a publicly accessible Amazon Web Services S3 bucket", "was using Rackcloud to store its files": the
  // cloud that hosted the data is no victim; its customer is
  rejects: (n) =>
    (bucketAfter(after(n, 30)) && /\bS3\b/u.test(n.value + after(n, 4))) || (HOST_USE_BEFORE.test(before(n, 12)) && HOST_USE_AFTER.test(after(n, 20))),
});

// "According to Wikipedia", "reported by ZDNet": a source, not a subject
const source = new EndsBefore(
  {
    name: 'a source',
    examples: [{ run: 'reported by [ZDNet Asia] today', value: null }],
    counterExamples: ['[ZDNet Asia] was hacked.'],
    chars: 60,
  },
  SOURCE_BEFORE,
  false,
);

const OUTLET_AFTER = new RegExp(
  String.raw`^\s+(?:has\s+|had\s+)?(?:learned\s+exclusively|(?:first\s+)?broke\s+the\s+(?:news|story)|` +
    String.raw`obtained\s+(?:a\s+copy|copies|documents|records)|(?:first\s+)?reported\s+(?:in|on|last|earlier)\s+(?:\p{Lu}\p{L}+\s+)?` +
    String.raw`(?:on|that|about)\b)`,
  'u',
);
const outlet = defineReject({
  name: 'an outlet',
  examples: [{ run: 'The [Valley Courier] obtained a copy of the indictment.', value: null }],
  counterExamples: ['The [Valley Courier] was hacked.'],
  // "The Valley Courier obtained a copy of the indictment", "Techboard reported in August on stolen logins": an outlet
  rejects: (n) => forText(OUTLET_AFTER, n.doc.text).test(after(n, 60)),
});

/** The patterns behind gates (gates.ts), for the test that holds each gate to its pattern. */
export const GATED = { CREW_END, HIRED_APPOSITIVE };

/**
 * The rejections, in the order they run. Each is a test of the run alone (its caches hold answers that depend on the
 * value alone), so the order changes no name, only the time: the tests that drop most runs for their cost (a lone
 * dictionary word, a first name, a role, a title beside a short name) come right after the first, and a run they drop
 * is spared the tests after them.
 */
export const REJECTS: readonly RejectStep[] = [
  generic,
  loneWord,
  firstName,
  roleOrReporter,
  titledPerson,
  law,
  lawFirstHalf,
  attackerOrReporterName,
  openerOrFragment,
  nationalGovernment,
  crew,
  ageOrDate,
  notOrganisation,
  peopleOfPlace,
  aptLabel,
  system,
  malwareName,
  product,
  appOrGame,
  vendorKind,
  actorBefore,
  vendorBefore,
  servingVendor,
  enforcing,
  overseeing,
  personOf,
  shoutedWord,
  crowd,
  hacker,
  resident,
  residence,
  townOfSomeone,
  actorOrResearcherAfter,
  host,
  source,
  outlet,
];
