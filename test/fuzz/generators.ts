/**
 * fast-check generators for the robustness properties: arbitrary text, and the real letters damaged
 * the way pasted or extracted text gets damaged (sections deleted, duplicated, shuffled; cut at any
 * byte; other line ends; tabs, non-ASCII and invisible characters; very long lines).
 *
 * The letters are read from ../shared/corpus (never copied into the repository), in both surface
 * forms, plus our own fictional samples of the older layouts.
 */
import fc from 'fast-check';
import { corpusFiles, readFixture, readLetter, toPdfText } from '../helpers';

/** How many cases each property runs: `IMR_FUZZ_RUNS`, else the small CI size. */
export function fuzzRuns(ciDefault: number): number {
  const raw = process.env.IMR_FUZZ_RUNS;
  if (!raw) return ciDefault;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`IMR_FUZZ_RUNS must be a positive integer, not "${raw}"`);
  return n;
}

/** In the CI size, a property stops generating new cases after this long (a bound, not a goal). */
const CI_TIME_LIMIT_MS = 60_000;

/** The seed of the CI-size run. */
export const CI_SEED = 20261123;

/**
 * fast-check parameters: the run count, `IMR_FUZZ_SEED` and `IMR_FUZZ_PATH` to replay a failure
 * (fast-check prints both), and in the CI size a time bound.
 */
export function fuzzParams(ciDefault: number): fc.Parameters<unknown> {
  // The CI-size run uses a fixed seed, so that a red CI is reproducible and never a matter of luck;
  // the long run (`npm run fuzz`, IMR_FUZZ_RUNS set) draws a new seed each time.
  const seed = process.env.IMR_FUZZ_SEED ? Number(process.env.IMR_FUZZ_SEED) : process.env.IMR_FUZZ_RUNS ? undefined : CI_SEED;
  const path = process.env.IMR_FUZZ_PATH;
  return {
    numRuns: fuzzRuns(ciDefault),
    ...(seed !== undefined ? { seed } : {}),
    ...(path ? { path } : {}),
    ...(process.env.IMR_FUZZ_RUNS ? {} : { interruptAfterTimeLimit: CI_TIME_LIMIT_MS }),
  };
}

/** The seed letters: the five real letters, their PDF-text form, and the older-layout samples. */
export function seedLetters(): string[] {
  const letters = corpusFiles().map((f) => readLetter(f.slice(0, 3)));
  const pdf = letters.map((l) => toPdfText(l));
  const fixtures = ['maximus-2014.txt', 'notice-2013.txt', 'professional-review.txt'].map(readFixture);
  return [...letters, ...pdf, ...fixtures];
}

/** Pieces of letter structure, so random text often looks like a letter. */
export const STRUCTURE_TOKENS: readonly string[] = [
  '### HOW THE IMR FINAL DETERMINATION WAS MADE',
  '### CLINICAL CASE SUMMARY',
  '### IMR ISSUES, DECISIONS AND RATIONALES',
  ' IMR ISSUES, DECISIONS AND RATIONALES ',
  'DOCUMENTS REVIEWED',
  'IMR DECISION(S) AND RATIONALE(S)',
  'NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION',
  'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
  'MEDICAL PROFESSIONAL REVIEW',
  'ISSUE AT DISPUTE:',
  'RATIONALE FOR WHY',
  'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON',
  '**Case Number:** CM15-0027300',
  'Case Number: CM1-00',
  '**Date Assigned:** 02/19/2015',
  'Date of Injury: 13/45/2001',
  'Decision Date: 2/30/2015',
  'UR Denial Date:',
  'Priority: Standard',
  'Claim Number:',
  'Dated:',
  '**Baclofen 20mg #120:** Upheld',
  'Norco 10/325mg #180: Overturned',
  'Klonopin 1mg quantity 30: Partially Overturned',
  'Gabapentin 600 mg QTY 90.00: Uphled',
  '**Claims Administrator guideline:**',
  'Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines, Page(s): 76-79.',
  '**MAXIMUS guideline:**',
  'MAXIMUS guideline: Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Pain',
  'Section(s): Introduction, Muscle relaxants (for pain)',
  '**Decision rationale:**',
  'Decision rationale: The request is not medically necessary.',
  'Therefore, the request for Baclofen 20 mg #90 is medically necessary.',
  'page 64 of the MTUS Chronic Pain guidelines',
  'MTUS 9792.20e',
  '1) MAXIMUS Federal Services, Inc. has determined the request for Tramadol 50mg #60 is not',
  '1) Regarding the request for six sessions of aquatic therapy:',
  'The Claims Administrator based its decision on',
  'The Expert Reviewer based his/her decision on',
  'Rationale for the Decision:',
  'State(s) of Licensure: California, Texas',
  'Certification(s)/Specialty: Neurology',
  'is Board Certified in Internal Medicine and is licensed to practice in California',
  '<!-- imr-disable-next-line missing-outcome -->',
  '<!-- imr-disable-file -->',
  '<!-- imr-disable',
  '-->',
  '**',
  '<b>',
  '</b>',
  '__',
  '#',
  ':',
  ' #',
  'Page(s):',
  '1-',
  '–',
];

/** Characters that pasted text carries and parsers trip on. */
export const ODD_CHARACTERS: readonly string[] = [
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u00a0', // no-break space
  '\u00ad', // soft hyphen
  '\u200b', // zero-width space
  '\u200c',
  '\u200d',
  '\u200e', // left-to-right mark
  '\u202e', // right-to-left override
  '\u2028', // line separator (not a line break in LSP)
  '\u2029',
  '\ufeff', // byte order mark
  '\ufffd', // replacement character
  '\u0000',
  '\u000b',
  '\u000c',
  '\u0085',
  '\ud83d\ude00', // a surrogate pair
  '\ud83d', // a lone high surrogate
  '\ude00', // a lone low surrogate
  'é',
  'ﬁ', // ligature
  'Ａ', // fullwidth
  '²',
  '·',
  '“',
  '”',
  '’',
  '—',
  '\u0301', // combining acute
];

/** Random text: characters of every kind, odd characters, and letter structure, mixed. */
export const arbitraryText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
      { weight: 2, arbitrary: fc.fullUnicodeString({ maxLength: 10 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 10 }) },
      { weight: 3, arbitrary: fc.constantFrom(...ODD_CHARACTERS) },
      { weight: 4, arbitrary: fc.constantFrom(...STRUCTURE_TOKENS) },
      { weight: 2, arbitrary: fc.constantFrom('\n', '\n\n', '\r\n', '\r', ' ', '  ', '\t') },
    ),
    { maxLength: 80 },
  )
  .map((parts) => parts.join(''));

/** A letter cut into blocks: runs of lines separated by blank lines (sections, items, paragraphs). */
export function blocks(text: string): string[] {
  return text.split(/(?<=\n)(?=[ \t]*\r?\n)/);
}

/** One way of damaging a letter. */
export type Mutation =
  | { op: 'delete-block'; at: number }
  | { op: 'duplicate-block'; at: number }
  | { op: 'swap-blocks'; a: number; b: number }
  | { op: 'shuffle-blocks'; keys: number[] }
  | { op: 'delete-lines'; at: number; count: number }
  | { op: 'truncate-utf8'; at: number }
  | { op: 'truncate-utf16'; at: number }
  | { op: 'line-ends'; eol: '\r\n' | '\r' | 'mixed'; picks: number[] }
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete-range'; at: number; length: number }
  | { op: 'join-lines'; at: number; count: number }
  | { op: 'long-line'; at: number; word: string; times: number }
  | { op: 'tabs'; at: number[] }
  | { op: 'case'; upper: boolean; at: number; length: number };

/** Fraction helpers: positions are drawn as fractions so the same mutation applies to any text. */
const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const at = (n: number, f: number) => Math.floor(f * n);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fraction.map((a): Mutation => ({ op: 'delete-block', at: a })),
  fraction.map((a): Mutation => ({ op: 'duplicate-block', at: a })),
  fc.tuple(fraction, fraction).map(([a, b]): Mutation => ({ op: 'swap-blocks', a, b })),
  fc.array(fc.nat(), { minLength: 1, maxLength: 40 }).map((keys): Mutation => ({ op: 'shuffle-blocks', keys })),
  fc.tuple(fraction, fc.integer({ min: 1, max: 6 })).map(([a, count]): Mutation => ({ op: 'delete-lines', at: a, count })),
  fraction.map((a): Mutation => ({ op: 'truncate-utf8', at: a })),
  fraction.map((a): Mutation => ({ op: 'truncate-utf16', at: a })),
  fc
    .tuple(fc.constantFrom<'\r\n' | '\r' | 'mixed'>('\r\n', '\r', 'mixed'), fc.array(fc.nat(2), { minLength: 1, maxLength: 16 }))
    .map(([eol, picks]): Mutation => ({ op: 'line-ends', eol, picks })),
  fc
    .tuple(fraction, fc.oneof(fc.constantFrom(...ODD_CHARACTERS), fc.constantFrom(...STRUCTURE_TOKENS), arbitraryText))
    .map(([a, text]): Mutation => ({ op: 'insert', at: a, text })),
  fc.tuple(fraction, fc.integer({ min: 1, max: 400 })).map(([a, length]): Mutation => ({ op: 'delete-range', at: a, length })),
  fc.tuple(fraction, fc.integer({ min: 2, max: 200 })).map(([a, count]): Mutation => ({ op: 'join-lines', at: a, count })),
  fc
    .tuple(fraction, fc.constantFrom('word ', 'Baclofen 20mg #120 ', 'x', '**', ': ', 'Page(s): 1, ', '\u200b', 'is medically necessary. '), fc.integer({ min: 100, max: 5000 }))
    .map(([a, word, times]): Mutation => ({ op: 'long-line', at: a, word, times })),
  fc.array(fraction, { minLength: 1, maxLength: 10 }).map((a): Mutation => ({ op: 'tabs', at: a })),
  fc.tuple(fc.boolean(), fraction, fc.integer({ min: 1, max: 2000 })).map(([upper, a, length]): Mutation => ({ op: 'case', upper, at: a, length })),
);

/** Applies one mutation to a text. */
export function mutate(text: string, m: Mutation): string {
  switch (m.op) {
    case 'delete-block': {
      const b = blocks(text);
      b.splice(at(b.length, m.at), 1);
      return b.join('');
    }
    case 'duplicate-block': {
      const b = blocks(text);
      const i = at(b.length, m.at);
      b.splice(i, 0, b[i] ?? '');
      return b.join('');
    }
    case 'swap-blocks': {
      const b = blocks(text);
      const i = at(b.length, m.a);
      const j = at(b.length, m.b);
      [b[i], b[j]] = [b[j], b[i]];
      return b.join('');
    }
    case 'shuffle-blocks': {
      const b = blocks(text);
      const keyed = b.map((block, i) => ({ block, key: m.keys[i % m.keys.length] * 1000 + i }));
      keyed.sort((x, y) => x.key - y.key);
      return keyed.map((k) => k.block).join('');
    }
    case 'delete-lines': {
      const lines = text.split('\n');
      lines.splice(at(lines.length, m.at), m.count);
      return lines.join('\n');
    }
    case 'truncate-utf8': {
      const bytes = Buffer.from(text, 'utf8');
      return bytes.subarray(0, at(bytes.length + 1, m.at)).toString('utf8');
    }
    case 'truncate-utf16':
      return text.slice(0, at(text.length + 1, m.at));
    case 'line-ends': {
      if (m.eol !== 'mixed') return text.replace(/\r\n|\r|\n/g, m.eol);
      const eols = ['\n', '\r\n', '\r'];
      let k = 0;
      return text.replace(/\r\n|\r|\n/g, () => eols[m.picks[k++ % m.picks.length]]);
    }
    case 'insert': {
      const i = at(text.length + 1, m.at);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'delete-range': {
      const i = at(text.length + 1, m.at);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'join-lines': {
      const lines = text.split(/\r?\n|\r/);
      const i = at(lines.length, m.at);
      lines.splice(i, m.count, lines.slice(i, i + m.count).join(' '));
      return lines.join('\n');
    }
    case 'long-line': {
      const i = at(text.length + 1, m.at);
      return text.slice(0, i) + m.word.repeat(m.times) + text.slice(i);
    }
    case 'tabs': {
      let out = text;
      for (const f of m.at) {
        const i = at(out.length + 1, f);
        out = out.slice(0, i) + '\t' + out.slice(i);
      }
      return out.replace(/ {4}/g, (s, offset: number) => (offset % 3 === 0 ? '\t' : s));
    }
    case 'case': {
      const i = at(text.length + 1, m.at);
      const part = text.slice(i, i + m.length);
      return text.slice(0, i) + (m.upper ? part.toUpperCase() : part.toLowerCase()) + text.slice(i + m.length);
    }
  }
}

/** A seed letter damaged by one to six mutations. */
export function damagedLetter(seeds: readonly string[] = seedLetters()): fc.Arbitrary<string> {
  return fc
    .tuple(fc.nat(seeds.length - 1), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([i, ms]) => ms.reduce((text, m) => mutate(text, m), seeds[i]));
}

/** Any input the tool may be given: damaged letters most of the time, arbitrary text otherwise. */
export function anyInput(seeds: readonly string[] = seedLetters()): fc.Arbitrary<string> {
  return fc.oneof({ weight: 3, arbitrary: damagedLetter(seeds) }, { weight: 1, arbitrary: arbitraryText });
}
