// The words that tell a victim's name from everything else capitalised: sentence openers, generic
// subjects, attackers and the outlets that report on them, roles, regulators, and compromise's lexicon of
// first names and common words. Shared by the victim name scanner (names.ts, name-clean.ts) and its rules.
import { wordList } from '../../_shared/lexicon.ts';
import { wordTagList, wordTags } from '../../_shared/word-tags.ts';
import { wordMemo } from './cache.ts';
import { WORD_END, isSpace } from '../../_shared/char-classes.ts';
import { forText } from '../../_shared/one-byte.ts';

/** Capitals, digits and & . - only, two or more: an acronym or a code. */
export const ACRONYM_SHAPE = /^[\p{Lu}\d&.-]{2,}$/u;

// sentence-initial words and time phrases that are capitalised but never start a victim's name
export const LEADING = new Set(wordList('victim-leading'));

// words that, on their own, name a kind of thing or people rather than one organisation
export const GENERIC = new Set(wordList('victim-generic'));

// attackers, and the security firms, outlets and databases that report on them, are named next to victims
export const NOT_VICTIM_WORDS = new Set(wordList('victim-not-victim-words'));
export const NOT_VICTIM_NAMES = new Set(wordList('victim-not-victim-names'));
// operating systems, browsers, app stores and devices: what an attack runs on, not whom it hits
export const PRODUCT_NAMES = new Set(wordList('victim-product-names'));

// "HEROIC, a cybersecurity startup", "UpGuard, a security firm": researchers and vendors who report a breach
export const SECURITY_APPOSITIVE = new RegExp(
  String.raw`^['’\x92]?s?,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:(?:cyber)?security|threat[\s-]intelligence` +
    String.raw`|research|antivirus|news)\s+(?:[\w-]+\s+)?(?:firm|company|startup|start-up|vendor|outfit|researchers?|group|team|site|outlet|agency` +
    String.raw`|specialists?|provider)\b`,
  'iu',
);
export const LOWER_KIND = new RegExp(
  String.raw`^\s+(?:police(?:\s+(?:department|force|service))?|sheriff['’\x92]s\s+(?:office|department)|fire\s+department` +
    String.raw`|school\s+(?:district|system|board)|public\s+schools|county\s+(?:government|council|schools)|city\s+(?:council|hall|government)` +
    String.raw`|town\s+(?:council|hall)|health\s+(?:department|authority|system)|police\s+force|(?:state\s+|municipal\s+|provincial\s+` +
    String.raw`|city\s+)?government)(?![\p{L}-])`,
  'u',
);
// "according to an annual report by cyber insurer Coalfield", "reported by ZDNet"
export const SOURCE_BEFORE = new RegExp(
  String.raw`\b(?:according\s+to|(?:report|study|survey|analysis|research)\s+(?:by|from)|reported\s+by|told` +
    String.raw`|via)\s+(?:(?:the|an?)\s+)?(?:[\w-]+\s+){0,3}$`,
  'iu',
);
export const RESIDENT_AFTER = new RegExp(
  String.raw`^\s+(?:woman|man|men|women|resident|residents|couple|teen|teenager|girl|boy|native|mother|father` +
    String.raw`|grandmother|grandfather|homeowner|retiree)\b`,
  'u',
);
// a name followed by one of these is the attacker, not the victim ("the LockBit ransomware gang")
export const ACTOR_AFTER = new RegExp(
  String.raw`^\s*(?:ransomware\s+)?(?:gang|group|hackers?|hacktivists?|collective|crew|operators?|affiliates?|actors?` +
    String.raw`|threat\s+actors?|cybercriminals|attackers?|team|researchers?|analysts?|spokes(?:person|man|woman))\b`,
  'i',
);
// nouns that make a capitalised run an organisation even when it starts with a first name ("Logan Health")
// (every word but "Universit…" ends on an ASCII letter, after which WORD_END is the \b; "Università" ends on a letter that is no
// \w and keeps its \b)
export const ORG_HEAD = new RegExp(
  String.raw`\b(?:(?:Health|Healthcare|Hospitals?|Medical|Cent(?:er|re)s?|Clinics?|University|Universities` +
    String.raw`|Colleges?|School|Schools|Academy|Institutes?|Banks?|Bancorp|Credit|Union|Insurance|Departments?|Ministry|Agency|Authority|Council|County` +
    String.raw`|City|Town|Township|Village|Province|Municipality|Police|Federation|Library|Museum|Telecom|Communications|Pharmaceuticals?|Logistics` +
    String.raw`|Technologies|Technology|Software|Media|Enterprises|Capital|Financial|Energy|Motors|Airways|Gemeente|Stadtwerke|Ville|Commune|Court|Board` +
    String.raw`|Office|Commission|Service|Services|Group|Company|Corporation|Systems|Solutions|Foundation|Association|Society|Church|Trust|Partners` +
    String.raw`|Associates|Holdings|Industries|Airlines?|Airport|Port|Pharmacy|Laborator(?:y|ies)|Labs?|Inc|Corp|Co|Ltd|LLC|Network|Store|Stores|Hotel` +
    String.raw`|Hotels|Resort|Casino|Restaurant|Club|Specialists|Practice|Physicians|Dental|Dentistry|Surgery|Chiropractic|Radiology|Orthopa?edics` +
    String.raw`|Pediatrics|Dermatology|Oncology|Cardiology|Care|Exchange|Electronics|Supermarkets?|Pharmacies|Dealership|Administration|Bureau|Division` +
    String.raw`|Borough|Ambulance|Rehabilitation)${WORD_END}|Universit\p{Ll}+\b)`,
  'u',
);

// a person's role or title inside the run ("Professor Barry Feld", "VA Social Worker")
export const ROLE = new RegExp(
  String.raw`\b(?:Professor|Prof|Dr|Doctor|Minister|PM|MP|MEP|President|CEO|CFO|CIO|CISO|Director|Governor|Senator|Mayor|Judge` +
    String.raw`|Officer|Commissioner|Detectives?|Spokes(?:person|man|woman)|Chairman|(?:Supreme|Majority|Minority|Opposition|Party)\s+Leader|Worker|Nurse` +
    String.raw`|Physician|Employee|Staffer|Analyst|Researcher|Reporter|Editor|Founder|Sergeant|Sgt|Lt|Deputy|Attorney|Prosecutor|Inspector|Manager` +
    String.raw`|Technician|Resident|Provider|Clerk)s?\b`,
  'u',
);
// regulators, courts and investigators announce other organisations' breaches
export const REPORTER = new RegExp(
  String.raw`\b(?:Attorney\s+General|National\s+Security\s+(?:Agency|Authority|Office|Council)|Justice\s+Department` +
    String.raw`|Department\s+of\s+Justice|DOJ|Federal\s+Trade\s+Commission|FTC|Office\s+for\s+Civil\s+Rights|OCR|HHS|Information\s+Commissioner|ICO|FBI` +
    String.raw`|Secret\s+Service|District\s+Court|People['’\x92]s\s+Court|Field\s+Office|Fraud\s+Control\s+Unit|Regulatory\s+Authority` +
    String.raw`|FINRA|SEC|Medical\s+Board` +
    String.raw`|Europol|Interpol|CISA|Infrastructure\s+Security\s+Agency|NCSC|Police|News|Times|Post|Journal|Herald|Tribune|Gazette|Daily|Magazine|Standard` +
    String.raw`|Register|Chronicle|Observer|TV|Radio|I-Team|Newswire|Cyber\s*Security\s+(?:Centre|Center|Agency|Authority)|CERT|CSIRT)${WORD_END}|-based$` +
    String.raw`|^[KW][A-Z]{2,3}(?:-?TV|\d{1,2})?$`,
  'u',
);
// the patient of an attack, spelled out right next to the name
export const HARM_AFTER = new RegExp(
  String.raw`^(?:['’\x92]s?)?\s+(?:(?:official|internal|computer|web|online|email|e-mail)\s+)*(?:(?:web\s*)?sites?|websites?` +
    String.raw`|servers?|systems?|networks?|databases?|accounts?|computers?)\s+(?:(?:was|were|has\s+been|had\s+been|have\s+been|got)\s+)?(?:hacked|breached` +
    String.raw`|defaced|compromised|attacked|hijacked|taken\s+down)\b|^\s+(?:was|were|has\s+been|had\s+been|became|become)\s+(?:hacked|breached|targeted` +
    String.raw`|attacked|compromised|defaced|a\s+target|the\s+(?:latest\s+)?(?:victim|target))\b`,
  'u',
);
// "defaced a number of websites of Jaya TV": a share of its sites is still the outlet's own
export const HARM_BEFORE = new RegExp(
  String.raw`\b(?:hacked(?:\s+into)?|breached|defaced|compromised|compromises|hacks|targeted|targeting|attack(?:s` +
    String.raw`|ed)?\s+(?:on|against))\s+(?:the\s+)?(?:(?:(?:a\s+number|dozens|hundreds|some|several|many|all)\s+of\s+(?:the\s+)?|several\s+|many\s+` +
    String.raw`|multiple\s+)?(?:official\s+)?(?:websites?|sites?|servers?|systems?|networks?|accounts?)\s+of\s+(?:the\s+)?)?$`,
  'u',
);
// title-case headlines run on into their verb ("Breach at Sonic Drive-In May Have Impacted Millions")
export const HEADLINE_VERB = new RegExp(
  String.raw`\s(?:May|Might|Have|Has|Had|Is|Are|Was|Were|Will|Could|Says|Said|Hit|Hits|Hacked|Breached|Confirms` +
    String.raw`|Notifies|Reports|Suffers|Warns|Admits|Discloses|Exposes|Leaks|Notify|Notifying|Recovers|Loses|Fined|Sued|Investigates|Announces|Alerts` +
    String.raw`|Apologi[sz]es|Found|Finds|Target|Targets|Targeted|Sues|Steal|Steals|Stole|Stolen|Accessed|Compromised|Attacked|Exposed|Leaked|Defaced` +
    String.raw`|Defaces|Accuses|Arrested|Settles|Pays|Blackmails?|Serving|After|Over|In|On|At|To|With|By|From)(?:\s.*)?$`,
  'u',
);
export const allCapsHeadline = (value: string) =>
  mayShoutThreeWords(value) && value.split(/\s+/).filter((w) => w.length >= 4 && w === w.toUpperCase() && HAS_CAPITAL.test(w)).length >= 3;
// (at module level: the build's esbuild target writes a literal with a bare \p{…} as `new RegExp(…)`, built at each call)
const HAS_CAPITAL = /\p{Lu}/u;
/**
 * A word its upper case leaves alone holds no letter a-z, so three such words of four or more characters are three runs
 * of four or more characters that are neither white space nor a-z: a value without three such runs (most names) shouts no
 * headline, and is answered without splitting it.
 */
function mayShoutThreeWords(value: string): boolean {
  let runs = 0;
  let length = 0;
  for (let i = 0; i <= value.length; i++) {
    const c = i < value.length ? value.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || isSpace(c)) {
      if (length >= 4 && ++runs >= 3) return true;
      length = 0;
    } else length++;
  }
  return false;
}

export { wordTagList, wordTags };
// the word tests below depend on the word alone: every clean of every text asks them, so each word is answered once
const firstNameMemo = wordMemo<boolean>();
export const isFirstName = (w: string) =>
  firstNameMemo(w, () => {
    return wordTagList(w.toLowerCase()).some((x) => /^(?:FirstName|MaleName|FemaleName|Person)$/.test(x));
  });

// what only an organisation does or has: "Morgan Stanley said Monday that it terminated", "Opera warns Sync users",
// "Sally Beauty suffers", "Best Buy employees", "Ziggo's customers"; people are "he" or "she"
// "Drake International, the Canadian-based job placement firm, confirmed that it": an appositive may sit before the verb
const CORPORATE_CONTEXT = new RegExp(
  String.raw`^(?:['’\x92]s?)?(?:,\s+(?:a|an|the)\s+[^,;:\n]{1,80},)?\s+(?:(?:suffers|suffered|notifies|warns|alerts` +
    String.raw`|discloses|confirms|announces|apologi[sz]es|loses|is\s+notifying|has\s+(?:notified|disclosed|suffered|confirmed|alerted|warned))\b` +
    String.raw`|(?:employees?|staff|staffers?|workers?|contractors?|nurses?|customers|clients|subscribers|stores|branches|servers|systems|network|website)\b` +
    String.raw`|(?:said|says|announced|confirmed|disclosed|reported)\s+(?:\p{L}+\s+){0,2}(?:that\s+)?(?:it|its)\b)`,
  'u',
);

// the legal form is no part of the name people use ("Meridian Pipeline Co.", "Brightline Dental Group, LLC")
export const CORPORATE_SUFFIX = new RegExp(
  String.raw`,?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Ltd|Limited|L\.?L\.?C|L\.?L\.?P|P\.?L\.?C|plc|P\.?C|P\.?A` +
    String.raw`|N\.?A|S\.?A|ASA|AG|GmbH|N\.?V|B\.?V|S\.?p\.?A|AB|Oy|Pty)\.?$`,
  'u',
);
const COMMON_TAGS = new RegExp(
  String.raw`^(?:Adjective|Adverb|Verb|Infinitive|PastTense|Gerund|Singular|Plural|Noun|Uncountable|Preposition` +
    String.raw`|Conjunction|Determiner|Pronoun|Modal|Auxiliary|Copula|Expression|Value|Cardinal|Ordinal|Date|Month|WeekDay|Duration|Actor|Comparable` +
    String.raw`|Superlative|Comparative|Possessive|Negative|QuestionWord|Demonym|Title)$`,
  '',
);
const tagsOf = (w: string) => wordTagList(w.toLowerCase());
/**
 * Whether compromise's lexicon tags `w` (lower-cased) with `tag`: tagsOf(w).includes(tag) without the array it builds (a
 * one-tag word's array, an untagged word's empty one and the lexicon's own are of different kinds, which threw the
 * optimised code of the steps that ask away).
 */
export const hasTag = (w: string, tag: string) => {
  const t = wordTags(w.toLowerCase());
  return t === tag || (Array.isArray(t) && t.includes(tag));
};
const commonMemo = wordMemo<boolean>();
export const isCommonWord = (w: string) =>
  commonMemo(w, () => !ACRONYM_SHAPE.test(w) && tagsOf(w).some((t) => COMMON_TAGS.test(t)) && !hasTag(w, 'Organization'));
/** compromise's lexicon knows many brands ("Uber", "Tesco", "Nintendo"): a single word it tags as an organisation. */
/** A name the surrounding words make an organisation's: "Opera warns users", "Ziggo employee". */
export const hasCorporateContext = (text: string, end: number) => forText(CORPORATE_CONTEXT, text).test(text.slice(end, end + 170));
const organisationMemo = wordMemo<boolean>();
export const isKnownOrganisation = (w: string) => organisationMemo(w, () => hasTag(w, 'Organization') && !/^(?:inc|ltd|co|corp|dept|univ|assn)$/i.test(w));

/** Attackers, vendors and outlets that report on incidents ("databreaches.net", "Mandiant"). */
export const isNotVictimWord = (value: string) => NOT_VICTIM_WORDS.has(value.toLowerCase()) || NOT_VICTIM_NAMES.has(value.toLowerCase());

export const PART_OF = new RegExp(
  String.raw`^(?:Thousands|Millions|Billions|Hundreds|Dozens|Scores|Some|Many|Most|All|Several|Both|Each|None|One|Two|Three` +
    String.raw`|Part|Parts|Half|Head|Heads)\s+of\s+(?:the\s+)?(?=\p{Lu})`,
  'u',
);

// "Chicago police have arrested", "Nassau County police said": a force that acts or speaks in the incident
export const LAW_ENFORCEMENT = /(?:^|\s)(?:[Pp]olice(?:\s+(?:Department|Service|Force))?|Sheriff(?:['’\x92]s\s+(?:Office|Department))?|Constabulary)$/u;
export const ENFORCING_AFTER = new RegExp(
  String.raw`^['’\x92]?s?\s+(?:(?:have|has|had|are|were|is|was|later|also|then)\s+)?(?:said|say|says|seek|seeks|seeking` +
    String.raw`|sought|arrested|arrest|located|executed|charged|investigat\w*|believe|believed|alerted|reported|responded|recovered|searched|booked` +
    String.raw`|identified|was\s+the\s+agency|were\s+called)\b`,
  'u',
);
// "The state Department of Insurance has fined Lakeview Health", "The Office of the Privacy Commissioner found that
// Corvus Travel stored…", "launched a probe into privacy violations at Ridgeway Hospital": a body that penalises or
// probes another named organisation oversees the victim and is none itself
export const OVERSEEING_AFTER = new RegExp(
  String.raw`^(?:\s+\([^)]{1,15}\))?\s+(?:has\s+|have\s+|had\s+)?(?:(?:fined|ordered|reprimanded|sanctioned` +
    String.raw`|penali[sz]ed|censured)\s+(?:the\s+)?\p{Lu}|(?:launched|opened|began|started)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:probe|investigation|enquiry` +
    String.raw`|inquiry)\s+into\s+(?:[\w-]+\s+){0,6}?(?:at|by)\s+(?:the\s+)?\p{Lu})`,
  'u',
);
// "found that Corvus Travel stored…" is a finding about another only from an oversight body; a company finds its own servers hacked
export const FINDING_AFTER = /^(?:\s+\([^)]{1,15}\))?\s+(?:has\s+|have\s+|had\s+)?found\s+that\s+(?:the\s+)?\p{Lu}(?!\p{Lu}*\b)/u;
export const OVERSIGHT_BODY = new RegExp(
  String.raw`\b(?:Commission|Commissioner|Inspectorate|Ombudsman|Regulator|Watchdog|Tribunal|Court|Auditor` +
    String.raw`|Inspector\s+General)\b|^(?:The\s+)?Office\s+of\b`,
  'u',
);
// "Sierra View District Hospitals network", "Health Ministrys": a possessive that lost its apostrophe
export const GLUED_TAIL = new RegExp(
  String.raw`\s\S*(?:(?:Hospital|Board|Network|Cent(?:er|re)|Clinic|Council|Commission|Bank|Association|College|Republic` +
    String.raw`|Express)(s|es)|(?:Ministr|Authorit|Agenc|Compan|Universit)y(s))$`,
  'u',
);
// a lower-case word after it that is no verb or joiner: what the name owns
export const OWNED_NOUN = new RegExp(
  String.raw`^\s+(?!(?:is|was|has|had|have|are|were|will|would|can|could|may|might|said|says|and|or|of|in|at|on|for|to` +
    String.raw`|with|by|from|that|which|who|as)\b)\p{Ll}+(?<!ed)\b`,
  'u',
);
// "Hertfordshire Police USB memory stick": a device the name owns
export const DEVICE_TAIL = /\s+(?:USB|CD|CDs|DVD|DVDs|PC|PCs|ATM|ATMs|CCTV|IT)$/u;
