import { orList, suggestionFixes, suggestionList } from './medication';
import { itemCheck } from './types';

/**
 * A medication item (one with a strength, a dosage form or a quantity) whose title names no known
 * drug: a misspelling ("Baclofan 20 mg") or a name the lexicon lacks. Services (therapy, MRI, TENS
 * unit, injections ...) and plain descriptions ("Sleep aid #30") are left alone.
 */
const check = itemCheck({
  code: 'unknown-drug',
  description: 'A medication item names no known drug.',
  defaultSeverity: 'error',
  *runItem({ facts }, item) {
    const unknown = facts.unknownTreatment(item);
    if (!unknown) return;
    const { word, suggestions } = unknown;
    const names = suggestionList(word, suggestions);
    const advice = names.length > 0 ? ` Did you mean ${orList(names)}?` : ' No known name is close.';
    yield {
      start: unknown.start,
      end: unknown.end,
      message:
        `"${word}" is not a known drug name.${advice} Correct the name, or add it to the setting ` +
        'imr.drugs.extra if it is right.',
      fixes: suggestionFixes(word, unknown.wordStart, unknown.wordEnd, suggestions),
      data: { word, suggestions: names },
    };
  },
});

export default check;
