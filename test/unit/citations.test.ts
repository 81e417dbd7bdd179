/**
 * Guideline lines and prose citations as the posted 2016-2017 letters write them: several guidelines
 * in one sentence joined by ", and", a chapter name holding commas, "Non-MTUS" wrapped at its hyphen,
 * and a prose citation followed by the guideline's date in parentheses. The lines are our own.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findProseCitations, parseGuidelineValue } from '../../server/src/parser/citations';
import { Joined } from '../../server/src/text/joined';

/** The citations of one guideline value: [guideline, sections, mtus]. */
function cite(value: string) {
  const joined = new Joined(value).add(0, value.length);
  return parseGuidelineValue(joined, 'maximus').citations.map((c) => [c.guideline, c.sections, c.mtus]);
}

describe('several guidelines in one sentence', () => {
  test('"Forearm, Wrist, and Hand Complaints 2004" stays one name', () => {
    assert.deepEqual(
      cite('Decision based on MTUS Forearm, Wrist, and Hand Complaints 2004, Section(s): Special Studies, and Postsurgical Treatment 2009, Section(s): Forearm, Wrist, & Hand.'),
      [
        ['Forearm, Wrist, and Hand Complaints 2004', ['Special Studies'], true],
        ['Postsurgical Treatment 2009', ['Forearm', 'Wrist', '& Hand'], true],
      ],
    );
  });

  test('a chapter with commas after a section list, and a dated name that closes the sentence', () => {
    assert.deepEqual(
      cite('Decision based on MTUS Elbow Complaints 2007, Section(s): Diagnostic Criteria, and Forearm, Wrist, and Hand Complaints 2004, Section(s): Summary, and Knee Complaints 2004.'),
      [
        ['Elbow Complaints 2007', ['Diagnostic Criteria'], true],
        ['Forearm, Wrist, and Hand Complaints 2004', ['Summary'], true],
        ['Knee Complaints 2004', [], true],
      ],
    );
  });

  test('", and" inside a section list does not split', () => {
    assert.deepEqual(cite('Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Office visits, and Physical medicine treatment.'), [
      ['Chronic Pain Medical Treatment 2016', ['Office visits', 'Physical medicine treatment'], true],
    ]);
  });

  test('"Non- MTUS" (wrapped after its hyphen) is a Non-MTUS citation', () => {
    assert.deepEqual(cite('Decision based on Non- MTUS Citation Official Disability Guidelines (ODG) Knee & Leg Chapter'), [
      ['Official Disability Guidelines', [], false],
    ]);
  });
});

describe('prose citations', () => {
  test('the guideline named before "(Month day, year)" is the name without the date', () => {
    const text = 'As page 12 of the MTUS Chronic Pain Medical Treatment Guidelines (July 28, 2016) explains, ...';
    const [prose] = findProseCitations(new Joined(text).add(0, text.length));
    assert.deepEqual([prose.guideline, prose.pages], ['Chronic Pain Medical Treatment Guidelines', [12]]);
  });

  test('a closed parenthesis stays part of the name', () => {
    const text = 'See page 40 of the ODG Pain (Chronic) chapter.';
    const [prose] = findProseCitations(new Joined(text).add(0, text.length));
    assert.equal(prose.guideline, 'ODG Pain (Chronic)');
  });
});
