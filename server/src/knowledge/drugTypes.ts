/** The drug lexicon's types, and the kinds and guidelines its data may name. */
import type { Gap } from './drugNames';

/** Guidelines a drug's governing topic can come from (see `guidelines` in drugs.json). */
export type GuidelineId = 'CPMTG' | 'ODG' | 'ACOEM' | 'MTUS-Opioids' | 'none';

/** What kind of product an entry is. `user`: a name the user added (setting or word-list file). */
export type DrugKind =
  | 'drug'
  | 'combination'
  | 'topical-compound'
  | 'oral-suspension-kit'
  | 'medical-food'
  | 'supplement'
  | 'compounding-base'
  | 'user';

/** A guideline topic that governs a drug: "CPMTG Opioids pages 74-96", "ODG Pain: Tapentadol". */
export interface GoverningTopic {
  guideline: GuidelineId;
  /** ODG or ACOEM chapter ("Pain", "Knee & Leg"). */
  chapter?: string;
  topic: string;
  /** Printed page or range of the 2009 CPMTG ("74-96"). */
  pages?: string;
  /** The page is known only roughly. */
  approximate?: boolean;
  note?: string;
}

/** One drug or product of the lexicon. */
export interface DrugEntry {
  /** Stable identifier made from the generic name ("hydrocodone-acetaminophen"). */
  id: string;
  /** The generic name ("hydrocodone/acetaminophen"), or a description when `genericIsDescription`. */
  generic: string;
  /** True when `generic` describes a product that has no generic name (medical foods, kits). */
  genericIsDescription: boolean;
  brands: string[];
  /** Other names that mean this entry: salts, abbreviations, older names ("APAP", "hydrocodone ER"). */
  aliases: string[];
  /** The drugs a combination, compound or kit contains, each a name of the lexicon. */
  ingredients: string[];
  kind: DrugKind;
  /** The heading the entry stands under in drugs.json ("Opioids", "Muscle relaxants ..."). */
  group: string;
  drugClass: string;
  topics: GoverningTopic[];
  /** The governing topics as one line of text, for hovers and messages. */
  governs: string;
  note?: string;
}

/** What a name is to its entry. `variant`: a spelling the lexicon derives (other order, "APAP"). */
export type NameRole = 'generic' | 'brand' | 'alias' | 'variant';

/** A name the lexicon knows, as the lexicon spells it. */
export interface DrugName {
  name: string;
  role: NameRole;
  entry: DrugEntry;
}

/** A drug name found in a text: the entry, the words as written and their offsets. */
export interface DrugMatch {
  entry: DrugEntry;
  name: string;
  start: number;
  end: number;
}

/** A known name near a word, with its edit distance. */
export interface Suggestion {
  name: string;
  distance: number;
  entry: DrugEntry;
}

/** One drug as drugs.json stores it. */
export interface DrugRecord {
  generic: string;
  genericIsDescription?: boolean;
  kind: string;
  group?: string;
  class: string;
  brands: string[];
  aliases: string[];
  ingredients?: string[];
  governs: GoverningTopic[];
  note?: string;
}

/** A name prepared for matching in texts and for suggestions. */
export interface IndexedName extends DrugName {
  key: string;
  words: string[];
  gaps: Gap[];
  mask: number;
  counts: Uint8Array;
}

export const KINDS: readonly DrugKind[] = [
  'drug',
  'combination',
  'topical-compound',
  'oral-suspension-kit',
  'medical-food',
  'supplement',
  'compounding-base',
];
export const GUIDELINES: readonly GuidelineId[] = ['CPMTG', 'ODG', 'ACOEM', 'MTUS-Opioids', 'none'];
