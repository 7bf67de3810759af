// Victim names as news and incident write-ups print them: a run of capitalised words that may hold
// lower-case joiners ("Province de Namur", "Gemeente Hof van Twente", "Department of Health and Human
// Services"). A regex over such runs is much cheaper than a parse, and the rules only need to know where
// a name starts and ends and whether it is a real organisation rather than a generic subject.
import nlp from 'compromise';
import type { Span } from '../../src/contract/record.ts';
import { span } from '../../src/pipeline/rule.ts';
import { countryCode } from './countries.ts';
import { memoFor, memoized, spanKey, wordMemo } from './victim-cache.ts';

// camel-cased brands ("eBay") and acronyms with dots ("U.S.") count as capitalised words
const WORD = String.raw`(?:(?:\p{Lu}\.){2,}(?=[ \t]+\p{Lu})|(?:St|Mt|Ft|Inc|Corp|Co|Ltd|Jr|Bros)\.|\p{Lu}[\p{L}\p{M}\d]*(?:[-'’.&/][\p{L}\p{M}\d]+)*|\p{Ll}{1,2}\p{Lu}[\p{L}\p{M}\d]*|\d+[-\p{L}]*\p{L})`;
// longest first; "at", "in" and "on" are left out because they join a name to a place more often than not
// "and" is left out too: it joins two victims ("Facebook and Instagram") more often than it sits inside one
// "and" is let in here and cut again by cleanName unless an organisation noun follows it
const JOINER = String.raw`(?:della|delle|degli|des|der|den|del|dei|dos|das|van|von|for|für|und|and|the|du|de|la|le|di|da|do|of|y|&)`;
const SUFFIX = String.raw`(?:,?\s(?:Inc|Corp|Co|Ltd|L\.?L\.?C|L\.?L\.?P|P\.?C|P\.?A|N\.?A|S\.?A)\b\.?)`;
// Nordic and central European local governments put the lower-case kind after the place ("Tromsø kommune")
const LOCAL_KIND = String.raw`(?:[ \t]+(?:kommune|kommun|kunta|gmina|község))?`;
/** A capitalised run with joiners; ends on a capitalised word (or a corporate suffix). */
export const NAME = String.raw`${WORD}(?:[ \t]+(?:${JOINER}[ \t]+){0,2}${WORD}){0,7}${LOCAL_KIND}${SUFFIX}?`;

// sentence-initial words and time phrases that are capitalised but never start a victim's name
const LEADING = new Set(`a an the this that these those its their his her our my your on in at after before
  according last earlier today yesterday recently when while as by for from with about over since during
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec update breaking early late mid
  however meanwhile also other another some several many both each every former local despite but although though
  because if once until unless inside outside following amid among across via per through now then thus so hence
  no million millions billion billions thousand thousands hundred hundreds`.split(/\s+/));

// words that, on their own, name a kind of thing or people rather than one organisation
const GENERIC = new Set(`hackers hacker attackers attacker criminals cybercriminals cyber criminals thieves thief
  police officials official authorities company companies firm organization organisation hospital hospitals clinic
  employee employees staff worker workers someone somebody nobody unknown anonymous user users customers customer
  patients patient people person man woman individual individuals researchers researcher analysts analyst experts
  security information data personal private medical health it we they he she i you there here what who which
  investigators investigation government state federal national city county bank school university college
  department agency ministry office council group gang ransomware malware phishing breach attack incident report
  reports news media press statement notice letter letters website site email emails server servers systems
  system network database files records laptop laptops computer computers documents paperwork paper mail
  social sources source spokesperson spokesman spokeswoman representative representatives management board
  members member students student parents children victims victim affected unauthorized north south east west
  new update updated note editor internet borough atm atms cd cds dvd usb notifications newly hacktivists
  all privacy veteran veterans detectives officers prosecutors court courts judge agents fbi phi pii phr ehr hipaa windows linux
  web`.split(/\s+/));

// attackers, and the security firms, outlets and databases that report on them, are named next to victims
const NOT_VICTIM_WORDS = new Set(`lockbit conti revil sodinokibi darkside blackcat alphv clop cl0p hive ryuk maze egregor
  netwalker doppelpaymer babuk avaddon ragnarlocker blackbasta royal akira medusa rhysida bianlian lorenz karakurt
  lapsus lapsus$ shinyhunters killnet noname057 anonymous anonghost lazarus sandworm apt28 apt29 apt41 apt10 turla
  kimsuky guacamaya mandiant emsisoft sophos crowdstrike kaspersky symantec mcafee eset fireeye talos proofpoint
  sentinelone darktrace group-ib trustwave secureworks bitdefender malwarebytes avast tenable rapid7 qualys
  citizenlab bellingcat bleepingcomputer databreaches.net zdnet techcrunch reuters afp bbc cnn therecord cybernews
  securityweek darkreading threatpost krebsonsecurity haveibeenpwned bloomberg telegram twitter`.split(/\s+/));
const NOT_VICTIM_NAMES = new Set([
  'vice society', 'black basta', 'ragnar locker', 'fancy bear', 'cozy bear', 'charming kitten', 'syrian electronic army',
  'lazarus group', 'anonymous sudan', 'trend micro', 'palo alto networks', 'unit 42', 'check point', 'recorded future',
  'cisco talos', 'microsoft threat intelligence', 'google threat analysis group', 'citizen lab', 'bleeping computer',
  'associated press', 'the record', 'dark reading', 'krebs on security', 'have i been pwned', 'hipaa journal',
  'new york times', 'washington post', 'wall street journal', 'russian hackers', 'chinese hackers',
]);

// "HEROIC, a cybersecurity startup", "UpGuard, a security firm": researchers and vendors who report a breach
const SECURITY_APPOSITIVE = /^['’]?s?,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:(?:cyber)?security|threat[\s-]intelligence|research|antivirus|news)\s+(?:[\w-]+\s+)?(?:firm|company|startup|start-up|vendor|outfit|researchers?|group|team|site|outlet|agency|specialists?|provider)\b/iu;
const LOWER_KIND = /^\s+(?:police(?:\s+(?:department|force|service))?|sheriff['’]s\s+(?:office|department)|fire\s+department|school\s+(?:district|system|board)|public\s+schools|county\s+(?:government|council|schools)|city\s+(?:council|hall|government)|town\s+(?:council|hall)|health\s+(?:department|authority|system)|police\s+force|(?:state\s+|municipal\s+|provincial\s+|city\s+)?government)(?![\p{L}-])/u;
// "according to an annual report by cyber insurer Coalfield", "reported by ZDNet"
const SOURCE_BEFORE = /\b(?:according\s+to|(?:report|study|survey|analysis|research)\s+(?:by|from)|reported\s+by|told|via)\s+(?:(?:the|an?)\s+)?(?:[\w-]+\s+){0,3}$/iu;
const RESIDENT_AFTER = /^\s+(?:woman|man|men|women|resident|residents|couple|teen|teenager|girl|boy|native|mother|father|grandmother|grandfather|homeowner|retiree)\b/u;
// a name followed by one of these is the attacker, not the victim ("the LockBit ransomware gang")
const ACTOR_AFTER = /^\s*(?:ransomware\s+)?(?:gang|group|hackers?|hacktivists?|collective|crew|operators?|affiliates?|actors?|threat\s+actors?|cybercriminals|attackers?|team|researchers?|analysts?|spokes(?:person|man|woman))\b/i;
// nouns that make a capitalised run an organisation even when it starts with a first name ("Logan Health")
const ORG_HEAD = /\b(?:Health|Healthcare|Hospitals?|Medical|Cent(?:er|re)s?|Clinics?|University|Universities|Universit\p{Ll}+|Colleges?|School|Schools|Academy|Institutes?|Banks?|Bancorp|Credit|Union|Insurance|Departments?|Ministry|Agency|Authority|Council|County|City|Town|Township|Village|Province|Municipality|Police|Federation|Library|Museum|Telecom|Communications|Pharmaceuticals?|Logistics|Technologies|Technology|Software|Media|Enterprises|Capital|Financial|Energy|Motors|Airways|Gemeente|Stadtwerke|Ville|Commune|Court|Board|Office|Commission|Service|Services|Group|Company|Corporation|Systems|Solutions|Foundation|Association|Society|Church|Trust|Partners|Associates|Holdings|Industries|Airlines?|Airport|Port|Pharmacy|Laborator(?:y|ies)|Labs?|Inc|Corp|Co|Ltd|LLC|Network|Store|Stores|Hotel|Hotels|Resort|Casino|Restaurant|Club)\b/u;

// a person's role or title inside the run ("Professor Barry Feld", "VA Social Worker")
const ROLE = /\b(?:Professor|Prof|Dr|Doctor|Minister|President|CEO|CFO|CIO|CISO|Director|Governor|Senator|Mayor|Judge|Officer|Commissioner|Detectives?|Spokes(?:person|man|woman)|Chairman|Worker|Nurse|Physician|Employee|Staffer|Analyst|Researcher|Reporter|Editor|Founder|Sergeant|Sgt|Lt|Deputy|Attorney|Prosecutor|Inspector|Manager|Technician)s?\b/u;
// regulators, courts and investigators announce other organisations' breaches
const REPORTER = /\b(?:Justice\s+Department|Department\s+of\s+Justice|DOJ|Federal\s+Trade\s+Commission|FTC|Office\s+for\s+Civil\s+Rights|OCR|HHS|Information\s+Commissioner|ICO|FBI|Secret\s+Service|District\s+Court|Regulatory\s+Authority|FINRA|SEC|Medical\s+Board|Europol|Interpol|CISA|Infrastructure\s+Security\s+Agency|NCSC|Police|News|Times|Post|Journal|Herald|Tribune|Gazette|Daily|Magazine|Standard|Register|Chronicle|Observer|TV|Radio|I-Team|Newswire|Cyber\s*Security\s+(?:Centre|Center|Agency|Authority)|CERT|CSIRT)\b|-based$|^[KW][A-Z]{2,3}(?:-?TV|\d{1,2})?$/u;
// the patient of an attack, spelled out right next to the name
const HARM_AFTER = /^(?:['’]s?)?\s+(?:(?:official|internal|computer|web|online|email|e-mail)\s+)*(?:(?:web\s*)?sites?|websites?|servers?|systems?|networks?|databases?|accounts?|computers?)\s+(?:(?:was|were|has\s+been|had\s+been|have\s+been|got)\s+)?(?:hacked|breached|defaced|compromised|attacked|hijacked|taken\s+down)\b|^\s+(?:was|were|has\s+been|had\s+been|became|become)\s+(?:hacked|breached|targeted|attacked|compromised|defaced|a\s+target|the\s+(?:latest\s+)?(?:victim|target))\b/u;
const HARM_BEFORE = /\b(?:hacked(?:\s+into)?|breached|defaced|compromised|compromises|hacks|targeted|targeting|attack(?:s|ed)?\s+(?:on|against))\s+(?:the\s+)?(?:(?:official\s+)?(?:website|site|servers?|systems?|network|accounts?)\s+of\s+(?:the\s+)?)?$/u;
// title-case headlines run on into their verb ("Breach at Sonic Drive-In May Have Impacted Millions")
const HEADLINE_VERB = /\s(?:May|Might|Have|Has|Had|Is|Are|Was|Were|Will|Could|Says|Said|Hit|Hits|Hacked|Breached|Confirms|Notifies|Reports|Suffers|Warns|Admits|Discloses|Exposes|Leaks|Notify|Notifying|Recovers|Loses|Fined|Sued|Investigates|Announces|Alerts|Apologi[sz]es|After|Over|In|On|At|To|With|By|From)(?:\s.*)?$/u;
const allCapsHeadline = (value: string) => value.split(/\s+/).filter((w) => w.length >= 4 && w === w.toUpperCase() && /\p{Lu}/u.test(w)).length >= 3;

const lexicon = (nlp as unknown as { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } })
  .world().model.one.lexicon;
const isFirstName = (w: string) => {
  const t = lexicon[w.toLowerCase()];
  const tags = Array.isArray(t) ? t : t ? [t] : [];
  return tags.some((x) => /^(?:FirstName|MaleName|FemaleName|Person)$/.test(x));
};

// what only an organisation does or has: "Morgan Stanley said Monday that it terminated", "Opera warns Sync users",
// "Sally Beauty suffers", "Best Buy employees", "Ziggo's customers"; people are "he" or "she"
const CORPORATE_CONTEXT = new RegExp(String.raw`^(?:['’]s?)?\s+(?:(?:suffers|suffered|notifies|warns|alerts|discloses|confirms|announces|apologi[sz]es|loses|is\s+notifying|has\s+(?:notified|disclosed|suffered|confirmed|alerted|warned))\b|(?:employees?|staff|staffers?|workers?|contractors?|nurses?|customers|clients|subscribers|stores|branches|servers|systems|network|website)\b|(?:said|says|announced|confirmed|disclosed|reported)\s+(?:\p{L}+\s+){0,2}(?:that\s+)?(?:it|its)\b)`, 'u');

// the legal form is no part of the name people use ("Meridian Pipeline Co.", "Brightline Dental Group, LLC")
const CORPORATE_SUFFIX = /,?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Ltd|Limited|L\.?L\.?C|L\.?L\.?P|P\.?L\.?C|plc|P\.?C|P\.?A|N\.?A|S\.?A|ASA|AG|GmbH|N\.?V|B\.?V|S\.?p\.?A|AB|Oy|Pty)\.?$/u;
const COMMON_TAGS = /^(?:Adjective|Adverb|Verb|Infinitive|PastTense|Gerund|Singular|Plural|Noun|Uncountable|Preposition|Conjunction|Determiner|Pronoun|Modal|Auxiliary|Copula|Expression|Value|Cardinal|Ordinal|Date|Month|WeekDay|Duration|Actor|Comparable|Superlative|Comparative|Possessive|Negative|QuestionWord|Demonym|Title)$/;
const tagsOf = (w: string) => { const t = lexicon[w.toLowerCase()]; return Array.isArray(t) ? t : t ? [t] : []; };
const isCommonWord = (w: string) => !/^[\p{Lu}\d&.-]{2,}$/u.test(w) && tagsOf(w).some((t) => COMMON_TAGS.test(t)) && !tagsOf(w).includes('Organization');
/** compromise's lexicon knows many brands ("Uber", "Tesco", "Nintendo"): a single word it tags as an organisation. */
/** A name the surrounding words make an organisation's: "Opera warns users", "Ziggo employee". */
export const hasCorporateContext = (text: string, end: number) => CORPORATE_CONTEXT.test(text.slice(end, end + 80));
export const isKnownOrganisation = (w: string) => tagsOf(w).includes('Organization') && !/^(?:inc|ltd|co|corp|dept|univ|assn)$/i.test(w);

/** Attackers, vendors and outlets that report on incidents ("databreaches.net", "Mandiant"). */
export const isNotVictimWord = (value: string) => NOT_VICTIM_WORDS.has(value.toLowerCase()) || NOT_VICTIM_NAMES.has(value.toLowerCase());

const PART_OF = /^(?:Thousands|Millions|Billions|Hundreds|Dozens|Scores|Some|Many|Most|All|Several|Both|Each|None|One|Two|Three|Part|Parts|Half|Head|Heads)\s+of\s+(?:the\s+)?(?=\p{Lu})/u;

/** A news dateline before the lead sentence: "LONDON (Reuters) - ", "SAN FRANCISCO, Calif. -- ", "(7:30 a.m. EDT) -- ". */
export const DATELINE = String.raw`(?:(?:\p{Lu}[\p{Lu} .'-]{1,40}(?:,\s*\p{Lu}[\p{L}.]{1,12})?\s*)?(?:\([^)\n]{1,30}\)\s*)?[-–—]{1,2}\s+)?`;

export interface VictimName { value: string; start: number; end: number }

// "Northern Iowa", "Western Cape": a direction before a place is still a place
const DIRECTION = /^(?:Northern|Southern|Eastern|Western|Central|North|South|East|West|Upper|Lower|Greater|Rural)\s+/u;
const placeMemo = wordMemo<boolean>();
export const isPlace = (value: string): boolean => placeMemo(value, () => isPlaceWord(value));
const isPlaceWord = (value: string): boolean => {
  if (DIRECTION.test(value) && !ORG_HEAD.test(value)) return isPlace(value.replace(DIRECTION, ''));
  if (countryCode(value)) return true;
  const t = lexicon[value.toLowerCase()];
  return (Array.isArray(t) ? t : t ? [t] : []).some((x) => /^(?:Region|City|Country|Place)$/.test(x));
};

/** A bare single word ("Bolton said") is too often a person's surname; acronyms and organisation nouns are not. */
export const isStrongName = (n: VictimName) =>
  /\s/.test(n.value) || /^[\p{Lu}\d&.-]{2,}$/u.test(n.value) || ORG_HEAD.test(n.value);

/**
 * Cleans the capitalised run text[start, end): drops leading noise ("The", "On Monday"), a trailing
 * possessive and punctuation, and rejects generic subjects, people, attackers and reporters.
 */
export function cleanName(text: string, start: number, end: number): VictimName | null {
  const memo = memoFor<number, VictimName | null>(text, 'clean');
  const key = spanKey(start, end);
  let name = memo.get(key);
  if (name === undefined) memo.set(key, (name = isBareFunctionWord(text, start, end) ? null : cleanRun(text, start, end)));
  return name;
}

// Most capitalised runs are one sentence-opening word ("The", "We", "According", "July"): with nothing
// to trim and no kind after it, such a word is only a generic subject, and cleanRun would say so slowly.
const ONE_WORD = /^[^\s'’.,;:!?)\]"”-]+$/u;
const isBareFunctionWord = (text: string, start: number, end: number) => {
  if (end - start > 12) return false;
  const w = text.slice(start, end);
  const lower = w.toLowerCase();
  return (LEADING.has(lower) || GENERIC.has(lower)) && ONE_WORD.test(w) && !LOWER_KIND.test(text.slice(end, end + 40));
};

const JOINER_END = new RegExp(String.raw`\s+${JOINER}$`, 'iu');
function cleanRun(text: string, start: number, end: number): VictimName | null {
  let s = start;
  let e = end;
  // "Thousands of Sentara patients", "Head of the Gyeonggi-do Fire and Disaster Headquarters": a share of the name
  const share = PART_OF.exec(text.slice(s, e));
  if (share) s += share[0].length;
  for (;;) {
    const m = /^(\S+?)[,]?\s+/u.exec(text.slice(s, e));
    if (!m || !LEADING.has(m[1]!.toLowerCase())) break;
    s += m[0].length;
  }
  for (;;) {
    const before = e;
    const tail = text.slice(s, e);
    const poss = /(?:['’]s?|[.,;:!?)\]"'”’-]+)$/u.exec(tail);
    if (poss && !/\b(?:Inc|Corp|Co|Ltd|L\.?L\.?C|P\.?C|[A-Z])\.$/.test(tail)) e -= poss[0].length;
    const join = JOINER_END.exec(text.slice(s, e));
    if (join) e -= join[0].length;
    if (e === before) break;
  }
  const verb = HEADLINE_VERB.exec(text.slice(s, e));
  if (verb) e = s + verb.index;
  // "Redcar and Cleveland Borough Council" is one name, "Facebook and Instagram" two
  const and = /\s+and\s+/u.exec(text.slice(s, e));
  if (and && !ORG_HEAD.test(text.slice(s + and.index + and[0].length, e))) e = s + and.index;
  const suffix = CORPORATE_SUFFIX.exec(text.slice(s, e));
  if (suffix && suffix.index > 0) e = s + suffix.index;
  if (e <= s) return null;
  // "North Carolina's Guildford County Schools": a place before the possessive only locates the victim;
  // "University of Cambridge's project": an organisation before it is the victim
  const poss = /^(.*?\S)['’]s?\s+(?=\S+\s+\S)/u.exec(text.slice(s, e));
  // "Midland Women's Clinic": a possessive plural noun is part of the name
  if (poss && !/\b(?:Women|Children|Men|People|Veterans|Workers|Teachers|Employees|Doctors|Physicians|Nurses|Owners|Farmers)$/u.test(poss[1]!)) {
    if (ORG_HEAD.test(poss[1]!)) e = s + poss[1]!.length;
    else s += poss[0].length;
  }
  // "Hartfords Saint Francis Hospital": a place whose possessive lost its apostrophe
  const glued = /^(\p{Lu}\p{Ll}+)s\s+(?=\S+\s+\S)/u.exec(text.slice(s, e));
  if (glued && isPlace(glued[1]!)) s += glued[0].length;
  // "Barrie police", "Spotsylvania school system": a lower-case kind after a place makes it the place's body
  const kind = LOWER_KIND.exec(text.slice(e, e + 40));
  if (kind) e += kind[0].length;
  const value = text.slice(s, e);
  const words = value.toLowerCase().split(/\s+/);
  if (allGeneric(words) && !namedFromCommonWords(value, words)) return null;
  // laws are breached too ("a breach of the Data Protection Act")
  if (/\s(?:Act|Law|Regulation|Directive)$/u.test(value) && !/\b(?:School|College|Faculty|Institute|Cent(?:er|re))\s+of\s+Law$/u.test(value)) return null;
  // gang names are ordinary words too ("Royal Shrewsbury Hospital"): an organisation noun outweighs them
  if (NOT_VICTIM_NAMES.has(words.join(' ')) || (NOT_VICTIM_WORDS.has(words[0]!) && !ORG_HEAD.test(value))) return null;
  if (LEADING.has(words[0]!) || value.length < 2) return null;
    // "Prime Minister's Office", "Office of Medicaid Inspector General": a role names the office that serves it
  const office = /['’]s\s+(?:Office|Department|Bureau)\b|^(?:Office|Department|Bureau|Ministry)\s+of\b/u.test(value);
  if ((ROLE.test(value) && !office) || (REPORTER.test(value) && !harmedAround(text, s, e)) || allCapsHeadline(value) || isCountry(value)) return null;
  // "Brett Callow", "Zelda McConachy": a first name and no organisation noun is a person
  if (words.length <= 3 && isFirstName(words[0]!) && !ORG_HEAD.test(value) && !hasCorporateContext(text, e)) return null;
  // "Emory Roane of the Privacy Rights Clearinghouse" is a person speaking for an organisation
  if (isFirstName(words[0]!) && words[2] === 'of') return null;
  // a lone dictionary word ("Potential", "Privacy") is a capitalised sentence start, not a brand
  if (words.length === 1 && isCommonWord(value) && !hasCorporateContext(text, e)) return null;
  // "Hackers of AnonGhost", "Members of the Anonymous movement": a crowd named after its group
  if (/^(?:hackers|members|supporters|activists|operatives|affiliates|fans|users|customers|friends)$/.test(words[0]!) && words[1] === 'of') return null;
  // "A Kanawha County woman", "Matamata woman Tania": a place qualifying a person
  if (RESIDENT_AFTER.test(text.slice(e, e + 20))) return null;
  if (ACTOR_AFTER.test(text.slice(e, e + 40)) || SECURITY_APPOSITIVE.test(text.slice(e, e + 80))) return null;
  // "According to Wikipedia", "reported by ZDNet": a source, not a subject
  if (SOURCE_BEFORE.test(text.slice(Math.max(0, s - 60), s))) return null;
  return { value, start: s, end: e };
}

const NAME_SCAN = String.raw`(?<![\p{L}\p{M}\d'’.&/-])${NAME}`;
const FULL_SCAN = new RegExp(NAME_SCAN, 'gu');
const PART_SCAN = new RegExp(NAME_SCAN, 'gu');
// A run ending this far before a window's edge is the same whether the scan sees the whole text or only the
// window; closer to the edge the window may cut it, so that stretch is scanned again as the window ends it.
const EDGE = 300;

interface Scan { runs: number[]; next: number; done: boolean }
/** The capitalised runs of the whole text (start, end pairs), scanned only as far as anyone has asked. */
function scanTo(text: string, to: number): Scan {
  const memo = memoFor<'scan', Scan>(text, 'scan');
  let scan = memo.get('scan');
  if (!scan) memo.set('scan', (scan = { runs: [], next: 0, done: false }));
  while (!scan.done && (scan.runs.length === 0 || scan.runs[scan.runs.length - 2]! < to)) {
    FULL_SCAN.lastIndex = scan.next;
    const m = FULL_SCAN.exec(text);
    if (!m) { scan.done = true; break; }
    scan.runs.push(m.index, m.index + m[0].length);
    scan.next = FULL_SCAN.lastIndex;
  }
  return scan;
}

/** Every cleaned capitalised run in text[0, to), in order, worked out once per text and window. */
function namesUpTo(text: string, to: number): readonly VictimName[] {
  return memoized(text, 'names', to, () => {
    const out: VictimName[] = [];
    const keep = (s: number, e: number) => {
      const name = cleanName(text, s, e);
      if (name && !isPlace(name.value)) out.push(name);
    };
    const { runs } = scanTo(text, to);
    let resume = 0;
    for (let i = 0; i < runs.length && runs[i + 1]! <= to - EDGE; i += 2) {
      keep(runs[i]!, runs[i + 1]!);
      resume = runs[i + 1]!;
    }
    const part = text.slice(0, to);
    PART_SCAN.lastIndex = resume;
    for (let m = PART_SCAN.exec(part); m; m = PART_SCAN.exec(part)) keep(m.index, m.index + m[0].length);
    return out;
  });
}

const ORDINAL = /^[\d.,]+(?:st|nd|rd|th)?$/;
// "City National Bank", "State Employees Credit Union": three or more common words capitalised together and
// ending on an organisation noun are one organisation's name; "the National Bank" alone is a kind
const namedFromCommonWords = (value: string, words: readonly string[]) =>
  words.length >= 3 && !LEADING.has(words[0]!) && ORG_TAIL.test(value);
const ORG_TAIL = /\s(?:Bank|Hospitals?|Clinic|Credit\s+Union|Union|Insurance|Health|Healthcare|University|College|School|Schools|Council|Authority|Agency|Company|Group|Corporation|Services|Systems|Network)$/u;
function allGeneric(words: readonly string[]): boolean {
  for (const w of words) if (!GENERIC.has(w) && !LEADING.has(w) && !ORDINAL.test(w)) return false;
  return true;
}
// outlets and police are hit too: "The New York Times' computer system was hacked", "hacked the ARY News Channel website"
function harmedAround(text: string, s: number, e: number): boolean {
  return HARM_AFTER.test(text.slice(e, e + 60)) || HARM_BEFORE.test(text.slice(Math.max(0, s - 60), s));
}
const countryMemo = wordMemo<boolean>();
function isCountry(value: string): boolean {
  return countryMemo(value, () => !!countryCode(value));
}

/** Every cleaned capitalised run in text[from, to), in order. */
export function* namesIn(text: string, from = 0, to = text.length): Generator<VictimName> {
  if (from === 0) {
    yield* namesUpTo(text, to);
    return;
  }
  const part = text.slice(0, to);
  const re = new RegExp(NAME_SCAN, 'gu');
  re.lastIndex = from;
  for (let m = re.exec(part); m; m = re.exec(part)) {
    const name = cleanName(text, m.index, m.index + m[0].length);
    if (name && !isPlace(name.value)) yield name;
  }
}

const ACRONYM = /^[\p{Lu}\d&]{2,8}$/u;
// "Huntington Medical Research Institutes (HMRI)": the bracket ends the name, so at most one name stands before it
const SPELLED_OUT = new RegExp(String.raw`(?<![\p{L}\p{M}\d'’.&/-])(${NAME})\s*\(\s*(?:the\s+)?([\p{Lu}\d&]{2,8})\s*\)`, 'gu');
const PAREN_BEFORE = /\(\s*(?:the\s+)?$/u;
const PAREN_AFTER = /\s*\)/y;
// the spelled-out name sits right before its acronym in brackets; no name runs this long
const SPELLED_OUT_REACH = 1500;

/** "Huntington Medical Research Institutes (HMRI)": an acronym stands for the full name the text gives it. */
export function expandAcronym(text: string, name: VictimName): VictimName {
  if (!ACRONYM.test(name.value)) return name;
  const full = memoized(text, 'acronym', name.value, () => spelledOut(text, name.value));
  return full ?? name;
}

function spelledOut(text: string, acronym: string): VictimName | null {
  // the bracketed acronym is a cheap literal to look for; only from where it first stands is the name before it sought
  for (let at = text.indexOf(acronym); at >= 0; at = text.indexOf(acronym, at + 1)) {
    PAREN_AFTER.lastIndex = at + acronym.length;
    if (!PAREN_AFTER.test(text) || !PAREN_BEFORE.test(text.slice(Math.max(0, at - 40), at))) continue;
    SPELLED_OUT.lastIndex = Math.max(0, at - SPELLED_OUT_REACH);
    for (let m = SPELLED_OUT.exec(text); m; m = SPELLED_OUT.exec(text)) {
      if (m[2] === acronym) return cleanName(text, m.index, m.index + m[1]!.length);
    }
    break;
  }
  // "Bay Area Chiropractic Center … BACC said": a longer name in the text whose initials spell the acronym
  for (const n of namesUpTo(text, Math.min(text.length, ACRONYM_WINDOW))) {
    if (n.value !== acronym && initialsOf(n.value).includes(acronym)) return n;
  }
  return null;
}
const ACRONYM_WINDOW = 4000;
/** "Department of Health and Human Services" → DHHS and DOHAHS. */
const initialsOf = (value: string) => {
  const words = value.split(/[\s-]+/).filter((w) => /^\p{L}/u.test(w));
  const all = words.map((w) => w[0]!.toUpperCase()).join('');
  const content = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  return [all, content].filter((x) => x.length >= 2);
};

const NAME_HERE = new RegExp(NAME, 'uy');
/** The name that starts exactly at `pos`, if any. */
export function nameAt(text: string, pos: number): VictimName | null {
  const memo = memoFor<number, VictimName | null>(text, 'at');
  let name = memo.get(pos);
  if (name === undefined) {
    NAME_HERE.lastIndex = pos;
    const m = NAME_HERE.exec(text);
    memo.set(pos, (name = m ? cleanName(text, m.index, m.index + m[0].length) : null));
  }
  return name;
}

const NAME_ENDING = new RegExp(String.raw`(?:^|[^\p{L}\p{M}\d'’.&/-])(${NAME})['’]?s?\s*$`, 'u');
/** The name that ends exactly at `pos` (the last capitalised run before it). */
export function nameBefore(text: string, pos: number): VictimName | null {
  const memo = memoFor<number, VictimName | null>(text, 'before');
  let name = memo.get(pos);
  if (name === undefined) memo.set(pos, (name = nameEndingAt(text, pos)));
  return name;
}

function nameEndingAt(text: string, pos: number): VictimName | null {
  const from = Math.max(0, pos - 160);
  const m = NAME_ENDING.exec(text.slice(from, pos));
  if (!m) return null;
  const start = from + m.index + m[0].indexOf(m[1]!);
  const name = cleanName(text, start, start + m[1]!.length);
  // "North Big Horn Hospital in Wyoming reported": the place only locates the name before it
  const via = /(?:\s+in|,)\s+$/u.exec(text.slice(Math.max(0, start - 8), start));
  if (via && (!name || isPlace(name.value) || (/in\s+$/.test(via[0]) && !isOrgLike(name.value)))) {
    const outer = nameBefore(text, start - via[0].length);
    if (outer && !isPlace(outer.value)) return outer;
  }
  return name && isPlace(name.value) ? null : name;
}

export const nameSpan = (text: string, n: VictimName): Span => span(text, n.start, n.end);

/** Whether a name carries an organisation noun ("Health", "University", "Inc"). */
export const isOrgLike = (value: string) => ORG_HEAD.test(value);
