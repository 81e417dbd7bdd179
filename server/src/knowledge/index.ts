import { loadDrugLexicon, type DrugLexicon } from './drugs';
import { loadMtusIndex, type MtusIndex } from './mtus';

/** What the checks and features know beyond the letter: the drug lexicon and the MTUS index. */
export interface Knowledge {
  drugs: DrugLexicon;
  mtus: MtusIndex;
}

let bundled: Knowledge | undefined;

/** The knowledge bundled with the extension, loaded once. */
export function defaultKnowledge(): Knowledge {
  bundled ??= { drugs: loadDrugLexicon(), mtus: loadMtusIndex() };
  return bundled;
}
