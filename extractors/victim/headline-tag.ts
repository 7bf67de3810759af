// "Illegal credit card skimmers found at Antioch gas pumps - Valero"
// Incident databases file a story under its headline and tag it with the organisation it is about: the name after
// the last dash of the opening line, standing alone to the end of that line. A news outlet signing its headline the
// same way ("… - Reuters") is a reporter, not a victim.
import { defineRule, matches } from '../_shared/kit.ts';
import { nameAt } from './lib/names.ts';
import { headlineOf } from './lib/headline.ts';
import { nameSpan } from './lib/name-shape.ts';
import { isBrandWord } from './lib/lone.ts';
import { REPORTER } from './lib/words.ts';
import { talksIncident } from './lib/context.ts';

const TAG = /\s[-–\x96—\x97|]\s+(?=\S)/gu;
// outlets that sign headlines and carry none of the words REPORTER knows them by
const OUTLET = new RegExp(
  String.raw`^(?:Reuters|AP|AFP|UPI|BBC|CNN|CNBC|NPR|Bloomberg|ZDNet|ZDNET|TechCrunch|Wired|Engadget|The\s+Verge|Ars\s+Technica` +
    String.raw`|Forbes|Fortune|Axios|Politico|Guardian|The\s+Guardian|Telegraph|The\s+Telegraph|Independent|The\s+Independent|Insider|Business\s+Insider` +
    String.raw`|SecurityWeek|BleepingComputer|Threatpost|Dark\s+Reading|Motherboard|VICE|Vice|KrebsOnSecurity|Krebs\s+on\s+Security|The\s+Record` +
    String.raw`|Recorded\s+Future|CyberScoop|Infosecurity|SC\s+Media|Yahoo|MSN|Fox|CBS|NBC|ABC|Sky|Euronews|Al\s+Jazeera|Heise|Le\s+Monde)$`,
  'u',
);
const HEADLINE_TAG = 0.6;

export default defineRule({
  field: 'victim',
  examples: [
    { text: 'Illegal credit card skimmers found at Antioch gas pumps - Valero', value: 'Valero' },
    { text: 'Cybersecurity attack on Sask Polytech suspends classes until Wednesday - Saskatchewan Polytechnic', value: 'Saskatchewan Polytechnic' },
    {
      text: 'Ashland clinic notifies 1,600 patients after ransomware incident - Namaste Health Care\nThe clinic said on Friday that files were encrypted.',
      value: 'Namaste Health Care',
    },
  ],
  counterExamples: [
    // an outlet signing its headline
    'Hospital hit by ransomware, patients diverted - Reuters',
    'Council confirms data breach affecting residents - BBC News',
    // a dash inside the story is no tag, nor is a dash before more of the sentence
    'The hospital said on Monday that its systems were down. Officials - including the mayor - met later - Valero',
    'Hackers hit the network - Acme Corp said - and stole files.',
    // a banner and a job advert
    'NATIONAL CYBER SECURITY CENTRE — ADVISORY\nA municipality was hit by ransomware.',
    'Senior Systems Administrator (m/f/d) — Linux & Virtualisation\nYou will harden our servers.',
  ],
  *propose(doc) {
    const text = doc.text;
    // the opening line as the text writes it, its tag kept; a headline is one sentence (a line that ends one is prose)
    const top = headlineOf(doc, { title: false, keepSignature: true, alone: true });
    if (!top) return;
    const { line, start } = top;
    const lineEnd = start + line.length;
    let last: RegExpExecArray | null = null;
    for (const m of matches(TAG, line)) last = m;
    if (!last || last.index < 10) return;
    // a banner in capitals ("CYBER SECURITY CENTRE — ADVISORY") or a job title is no incident headline
    const headline = line.slice(0, last.index);
    if (headline === headline.toUpperCase() || !talksIncident(headline)) return;
    const at = start + last.index + last[0].length;
    const name = nameAt(doc, at);
    // the tag is the whole rest of the line
    if (!name || text.slice(name.end, lineEnd).trim() !== '' || name.start !== at) return;
    if (REPORTER.test(name.value) || OUTLET.test(name.value)) return;
    if (!/\s/.test(name.value) && !isBrandWord(name.value)) return;
    yield { value: name.value, confidence: HEADLINE_TAG, evidence: [nameSpan(text, name)] };
  },
});
