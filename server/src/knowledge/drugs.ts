/**
 * The drug lexicon (stub: the real one is being written). See docs in ARCHITECTURE.md.
 */
export interface DrugEntry {
  generic: string;
  brands: string[];
  drugClass: string;
  /** The MTUS topic (and pages) that governs the drug, as text. */
  governs: string;
}

export class DrugLexicon {
  /** The entry a name (generic or brand, any case) belongs to. */
  lookup(_name: string): DrugEntry | undefined {
    return undefined;
  }
  /** The nearest known names to a word that is not known, best first. */
  suggest(_word: string, _max = 3): string[] {
    return [];
  }
}

export function loadDrugLexicon(): DrugLexicon {
  return new DrugLexicon();
}
