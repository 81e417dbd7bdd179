/**
 * Property-based robustness of the parser and every check: on arbitrary text and on the real
 * letters damaged in every way pasted text gets damaged (sections deleted, duplicated, shuffled;
 * cut at any byte; CRLF / CR / mixed line ends; tabs, non-ASCII and invisible characters; very long
 * lines), nothing throws, no check fails, every range lies in the document and on the text it
 * names, and parsing and checking are deterministic.
 *
 * CI runs a small number of cases; `IMR_FUZZ_RUNS=N` runs N cases per property (`npm run fuzz`
 * runs the nightly size); `IMR_FUZZ_SEED` and `IMR_FUZZ_PATH` replay a reported failure.
 */
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbitraryText, damagedLetter, fuzzParams, seedLetters } from './generators';
import { checkText } from './properties';

const seeds = seedLetters();

describe('parser and checks on arbitrary input', () => {
  test('the seed letters themselves satisfy every property', () => {
    for (const text of seeds) checkText(text);
  });

  test('arbitrary text: no throw, sound ranges, deterministic', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        checkText(text);
      }),
      fuzzParams(1000),
    );
  });

  test('damaged letters: no throw, sound ranges, deterministic', () => {
    fc.assert(
      fc.property(damagedLetter(seeds), (text) => {
        checkText(text);
      }),
      fuzzParams(300),
    );
  });
});
