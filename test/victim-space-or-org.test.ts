// Two victim rules (most-mentioned, first-organisation) read only the names with white space or an organisation noun, and
// leave uncleaned the one-word runs that clean to a part of themselves (trims.ts cleansInside) and hold no organisation
// noun (lib/space-or-org.ts). Held here on invented texts, in the shapes each trim that takes in what follows a run
// knows and the near misses beside them, and on the fixture articles: such a run cleans inside itself, and the names
// given are those namesIn gives with white space or an organisation noun, in order.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../src/core/analyse/analyse.ts';
import { toView } from '../extractors/_shared/one-byte.ts';
import { cleansInside } from '../extractors/victim/lib/clean/trims.ts';
import { cleanName } from '../extractors/victim/lib/name-clean.ts';
import { isOrgLike } from '../extractors/victim/lib/name-shape.ts';
import { namesIn, runsUpTo } from '../extractors/victim/lib/names.ts';
import { namesWithSpaceOrOrgNoun } from '../extractors/victim/lib/space-or-org.ts';

const INVENTED = [
  'The Barrie police said. A Barrie police officer spoke. The Spotsylvania school system was hit.',
  'The Walking clinic was hit. Staff at Evansville hospital said. A Tarlow medical centre was hit.',
  'The Ministry of Agriculture, Forestry and Fisheries said. Texas, the state, said. Hawaii, Texas and Utah agreed.',
  'Texas Ear, Nose and Throat Specialists was hit. Ohio, Iowa, Utah and Idaho Health said.',
  'Dermatology, Allergy and Skin Care was hit. Then Dermatology, Allergy and Skin Care said.',
  "Firefighters' Credit Union said. Then Firefighters’ Credit Union was hit. Nurses' Benefit Union said.",
  'Reno city council was hit. Then Reno school district was hit. Tarlow police said. Walking clinic was hit. Then Walking clinic said. Tarlow hospital said.',
  'The Alabama State Employees’ Insurance Board was hit. Employees’ Insurance said. Equifax’s data was stolen.',
  "Teachers' Retirement System was hit. Employees' Pension Fund said. Acme's data was stolen.",
  'The Sierra View District Hospitals network was hit. Health Ministrys spokesman said. Hospitals network down.',
  'Microsoft said. However, Monday was quiet. FBI agents came. The hospital said. Acme Corp’s servers were hit.',
  'On Friday Tufts Health Plan said. Tufts Health Plan, Inc. said. Further ReadingAcme Corp said it was hacked.',
  'Ransomware hit Henry County’s Enhanced 911 system. A Hertfordshire Police USB memory stick was lost.',
  'Stadtwerke Bochum said. Universität Hamburg emailed. Tromsø kommune was hit. eBay said. U.S. agencies said.',
];
const fixtureTexts = () =>
  readdirSync('fixtures')
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(`fixtures/${f}`, 'utf8'));
const texts = () => [...INVENTED, ...fixtureTexts()].flatMap((t) => [t, toView(t)]);

describe('victim names with white space or an organisation noun', () => {
  it('a one-word run that cleansInside says cleans to a part of itself', () => {
    let inside = 0;
    let grown = 0;
    for (const text of texts()) {
      const doc = analyse({ id: 'space-or-org', text });
      const runs = runsUpTo(doc, text.length);
      for (let i = 0; i < runs.length; i += 2) {
        const [start, end] = [runs[i]!, runs[i + 1]!];
        const name = cleanName(doc, start, end);
        if (!cleansInside(text, start, end)) {
          if (name && name.end > end) grown++;
          continue;
        }
        inside++;
        if (name) expect([name.start >= start && name.end <= end, name.value], text.slice(start, end + 20)).toEqual([true, name.value]);
      }
    }
    // (a test that meets no run of either kind proves nothing)
    expect(inside).toBeGreaterThan(500);
    expect(grown).toBeGreaterThan(5);
  });

  it('gives the names namesIn gives that hold white space or an organisation noun', () => {
    for (const text of texts()) {
      for (const to of [600, 6000, text.length]) {
        const wanted = (doc: ReturnType<typeof analyse>) =>
          [...namesIn(doc, 0, Math.min(to, text.length))].filter((n) => /\s/.test(n.value) || isOrgLike(n.value));
        const got = [...namesWithSpaceOrOrgNoun(analyse({ id: 'a', text }), Math.min(to, text.length))].filter((n) => /\s/.test(n.value) || isOrgLike(n.value));
        expect(got).toEqual(wanted(analyse({ id: 'b', text })));
      }
    }
  });
});
