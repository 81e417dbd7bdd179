/**
 * The checks keep their power on real letters: each kind of defect is put into every posted letter
 * of dwc-2017 where it applies, and must be reported with its code; the clean letter never gets
 * that code. Each test reports how many variants were caught (N/M) as a diagnostic.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/engine';
import { defaultKnowledge } from '../../server/src/knowledge';
import type { Decision, Span } from '../../server/src/model';
import { parse } from '../../server/src/parser/parse';
import { dwcLetters, lettersMissing } from '../corpusLetters';

const knowledge = defaultKnowledge();

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A defect: the edit that puts it into a letter (undefined where it does not apply) and the code that must report it. */
interface Defect {
  name: string;
  /** The code that must report it (one of them, where two checks share the work). */
  code: string | string[];
  /** The finding must touch the edited text (not only be somewhere in the letter). */
  here?: boolean;
  edit(text: string, d: Decision): Edit | null | undefined;
}

const replace = (s: Pick<Span, 'start' | 'end'>, text: string): Edit => ({ start: s.start, end: s.end, text });
const field = (d: Decision, name: string) => d.header?.fields.find((f) => f.name === name);

/** A drug name misspelled as letters misspell them ("Baclofan"): its last vowel changed. */
function misspell(word: string): string {
  const at = Math.max(...[...'aeiou'].map((v) => word.lastIndexOf(v)));
  const swap: Record<string, string> = { a: 'e', e: 'a', i: 'e', o: 'a', u: 'o' };
  return word.slice(0, at) + swap[word[at]] + word.slice(at + 1);
}

const DEFECTS: Defect[] = [
  ...(['how-made', 'clinical-summary', 'issues'] as const).map((kind) => ({
    name: `the ${kind} heading removed`,
    code: 'missing-section',
    edit: (_: string, d: Decision) => {
      const s = d.sections.find((x) => x.kind === kind);
      return s && replace(s.heading, '');
    },
  })),
  {
    name: 'the clinical summary heading written twice',
    code: 'duplicate-section',
    edit: (text, d) => {
      const s = d.sections.find((x) => x.kind === 'clinical-summary');
      return s && { start: s.heading.end, end: s.heading.end, text: `\n${text.slice(s.heading.start, s.heading.end)}` };
    },
  },
  {
    name: "the first item's outcome flipped",
    code: 'outcome-conflict',
    edit: (_, d) => {
      const item = d.items[0];
      return item?.outcomeSpan ? replace(item.outcomeSpan, item.outcome === 'upheld' ? 'Overturned' : 'Upheld') : undefined;
    },
  },
  {
    name: "the first item's outcome removed",
    code: 'missing-outcome',
    edit: (_, d) => d.items[0]?.outcomeSpan && replace(d.items[0].outcomeSpan, ''),
  },
  {
    name: "the first item's outcome not an outcome",
    code: 'unknown-outcome',
    edit: (_, d) => d.items[0]?.outcomeSpan && replace(d.items[0].outcomeSpan, 'Denied'),
  },
  {
    name: "the last item's rationale removed",
    code: 'missing-rationale',
    edit: (_, d) => {
      const r = d.items[d.items.length - 1]?.rationale;
      return r?.label ? { start: r.label.start, end: r.body.end, text: '' } : undefined;
    },
  },
  {
    name: "the first item's MAXIMUS guideline line removed",
    code: 'missing-citation',
    edit: (_, d) => {
      const g = d.items[0]?.guidelines.find((x) => x.by === 'maximus');
      return g && { start: g.label.start, end: g.value.end, text: '' };
    },
  },
  {
    name: 'a case number of the wrong form',
    code: 'invalid-case-number',
    edit: (_, d) => {
      const f = field(d, 'caseNumber');
      return f && replace(f.value, f.value.text.slice(0, 8));
    },
  },
  {
    name: 'an impossible decision date (February 30)',
    code: 'invalid-date',
    edit: (_, d) => {
      const f = field(d, 'decision');
      return f && replace(f.value, `02/30/${f.value.text.slice(-4)}`);
    },
  },
  {
    name: 'a decision dated before the injury',
    code: 'date-order',
    edit: (_, d) => {
      const f = field(d, 'decision');
      return f && replace(f.value, '01/02/2003');
    },
  },
  {
    // A title that still names a known drug (a compound, "Ultram (tramadol)", the original of a
    // modified request) is not an unknown drug: the misspelled word is a drug-spelling hint there.
    name: 'a drug name misspelled in a medication title',
    code: ['unknown-drug', 'drug-spelling'],
    here: true,
    edit: (text, d) => {
      for (const item of d.items) {
        if (item.category !== 'medication') continue;
        const word = /^[A-Za-z]{5,}/.exec(item.treatment.text)?.[0];
        if (!word || !knowledge.drugs.lookup(word)) continue;
        const at = text.indexOf(word, item.treatment.start);
        if (at >= 0 && at < item.treatment.end) return { start: at, end: at + word.length, text: misspell(word) };
      }
      return undefined;
    },
  },
];

describe('each kind of defect put into the posted letters is reported', { skip: lettersMissing ?? false }, () => {
  const letters = dwcLetters().map((l) => ({ ...l, decision: parse(l.text) }));
  for (const defect of DEFECTS) {
    const codes = ([] as string[]).concat(defect.code);
    test(`${defect.name}: ${codes.join(' or ')}`, (t) => {
      let tried = 0;
      const missed: string[] = [];
      for (const letter of letters) {
        const e = defect.edit(letter.text, letter.decision);
        if (!e) continue;
        tried++;
        // Reported at the defect: a finding of the code that touches the edited place.
        const reported = (text: string, from: number, to: number) =>
          analyze(text, { knowledge }).findings.some((f) => codes.includes(f.code) && f.start <= to && f.end >= from);
        const clean = analyze(letter.text, { knowledge }).findings.filter((f) => codes.includes(f.code) && f.severity !== 'hint');
        assert.deepEqual(clean.map((f) => f.code), [], `${letter.name}: on the clean letter`);
        const broken = letter.text.slice(0, e.start) + e.text + letter.text.slice(e.end);
        const [from, to] = defect.here ? [e.start, e.start + e.text.length] : [0, broken.length];
        if (!reported(broken, from, to)) missed.push(letter.name);
      }
      t.diagnostic(`caught ${tried - missed.length}/${tried}`);
      assert.ok(tried >= 20, `applies to ${tried} letters only`);
      assert.deepEqual(missed, []);
    });
  }
});
