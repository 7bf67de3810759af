// #12 item 11: text the rules cannot read still gets its record, and the record says which language it looks like.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../src/core/engine.ts';
import { notEnglish } from '../src/core/language.ts';

const extractor = await createExtractor();
const warningsOf = (text: string) => {
  const r = extractor.process({ text });
  if (!r.ok) throw new Error(r.deadLetter.message);
  return r.record.warnings;
};

const TEXTS: Record<string, string> = {
  French: `La province de Namur a été victime d'une cyberattaque au mois de juillet. Les pirates informatiques ont chiffré cinq serveurs
    et ont exigé une rançon. Les services provinciaux sont restés indisponibles pendant plusieurs jours, selon le gouverneur, qui a porté plainte.`,
  German: `Die Stadtverwaltung wurde im Juli Opfer eines Cyberangriffs. Die Angreifer verschlüsselten fünf Server und forderten ein Lösegeld.
    Die Bürgerdienste waren mehrere Tage nicht erreichbar, sagte der Bürgermeister, der Anzeige bei der Polizei erstattet hat.`,
  Dutch: `De gemeente werd in juli getroffen door een cyberaanval. De hackers versleutelden vijf servers en eisten losgeld.
    De gemeentelijke diensten waren dagenlang onbereikbaar, zei de burgemeester, die aangifte heeft gedaan bij de politie.
    Volgens de provincie zijn er geen aanwijzingen dat persoonsgegevens van inwoners zijn gestolen.`,
};

describe('texts in another language', () => {
  it.each(Object.entries(TEXTS))('%s: a record with a warning naming the language', (name, text) => {
    const warnings = warningsOf(text);
    expect(warnings.filter((w) => w.startsWith('language:'))).toHaveLength(1);
    expect(warnings.join(' ')).toContain(name);
  });

  it('English gets no language warning, the seed report nor a short headline', () => {
    expect(warningsOf(readFileSync(new URL('../fixtures/province-de-namur.txt', import.meta.url), 'utf8')).filter((w) => w.startsWith('language:'))).toEqual(
      [],
    );
    expect(warningsOf('Hackers hit the city of Dallas.')).toEqual([]);
  });
});

describe("the English shortcut gives franc's answer", () => {
  const dir = new URL('../fixtures/', import.meta.url);
  const english = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .slice(0, 6)
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const russian = `Городская администрация в июле подверглась кибератаке. Злоумышленники зашифровали пять серверов и потребовали выкуп.
    Муниципальные службы были недоступны несколько дней, сообщил мэр, который обратился в полицию.`;
  it('on English, on other languages and on every mix of the two between', () => {
    const answers = new Set<string | null>();
    for (const e of english) {
      for (const other of [...Object.values(TEXTS), russian]) {
        // English then the other language, cut at lengths where franc's answer turns from one to the other
        for (let k = 0; k <= 300; k += 30) {
          for (const cut of [230, 300, 420, 800]) {
            const text = `${e.slice(0, k)} ${other} ${e}`.slice(0, cut);
            const fast = notEnglish(text);
            expect(fast, text).toBe(notEnglish(text, true));
            answers.add(fast);
          }
        }
      }
    }
    // both ways were taken: English, and each other language somewhere in the mixes
    expect([...answers].sort()).toEqual(['deu', 'fra', 'nld', 'rus', null].sort());
  });
});
