/**
 * Property-based robustness of the editor features (outline, folding, hover, completion, links,
 * summary, normalizer) on arbitrary text and damaged letters: nothing throws and every range they
 * give lies inside the document. Sizes as in parser.fuzz.test.ts (`IMR_FUZZ_RUNS`).
 */
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { arbitraryText, damagedLetter, fuzzParams, seedLetters } from './generators';
import { checkFeatures } from './properties';

const seeds = seedLetters();

describe('editor features on arbitrary input', () => {
  test('the seed letters', () => {
    for (const text of seeds) checkFeatures(text);
  });

  test('arbitrary text', () => {
    fc.assert(
      fc.property(arbitraryText, (text) => {
        checkFeatures(text);
      }),
      fuzzParams(500),
    );
  });

  test('damaged letters', () => {
    fc.assert(
      fc.property(damagedLetter(seeds), (text) => {
        checkFeatures(text);
      }),
      fuzzParams(150),
    );
  });
});
