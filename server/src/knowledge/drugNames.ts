/**
 * How drug names are written and compared: words of a text, the normal form of a name, the
 * separators a multiword name may be written with, and how to write a suggestion in the case of
 * the word it replaces. Pure helpers for the drug lexicon and the drug checks.
 */

/** A word of a text: a maximal run of letters and digits, with its source offsets. */
export interface Token {
  text: string;
  /** The word in lower case. */
  lower: string;
  start: number;
  end: number;
}

/**
 * The punctuation that may join two words of a multiword name in a letter: "" when the name uses
 * spaces only ("MS Contin"), "/-+&" when it joins parts of a combination or a hyphenated brand
 * ("hydrocodone/APAP", "Ben-Gay"), else the mark the name itself uses ("Tylenol #3", "Tylenol No. 3").
 */
export type Gap = string;

const COMBINING_MARKS = '/-+&';

const WIDE_WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** For characters beyond ASCII: 0 not yet known, 1 a letter or digit, 2 anything else. */
const wideKinds = new Uint8Array(65536);

/** For each ASCII code unit: 1 for a letter or a digit, else 0. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0;

/** Whether the UTF-16 code unit is a letter or a digit (astral characters count as separators). */
export function isWordChar(code: number): boolean {
  if (code < 128) return ASCII_WORD[code] === 1;
  return isWideWordChar(code);
}

function isWideWordChar(code: number): boolean {
  let kind = wideKinds[code];
  if (kind === 0) {
    kind = WIDE_WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wideKinds[code] = kind;
  }
  return kind === 1;
}

/** Where the first word at or after `from` starts (before `to`), or -1 when there is none. */
export function nextWordStart(text: string, from: number, to = text.length): number {
  for (let i = Math.max(0, from); i < to; i++) if (isWordChar(text.charCodeAt(i))) return i;
  return -1;
}

/** Where the word that starts at `start` ends (exclusive, at most `to`). */
export function wordEnd(text: string, start: number, to = text.length): number {
  let i = start;
  while (i < to && isWordChar(text.charCodeAt(i))) i++;
  return i;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A number for the lower-case form of text[start, end), computed without making a string (FNV-1a
 * over code units, ASCII capitals folded, kept to 30 bits so it stays a small integer): scanning a
 * letter, most words can be ruled out by it.
 */
export function lowerHash(text: string, start: number, end: number): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h & 0x3fffffff;
}

/**
 * Reads the words of text[from, to) in one pass, each with its `lowerHash` computed on the way: a
 * scan of a whole letter makes no string and calls nothing per character.
 */
export class WordScanner {
  /** The current word: text[start, end), and `lowerHash` of it. */
  start = 0;
  end = 0;
  hash = 0;
  private at: number;
  private readonly to: number;

  constructor(
    private readonly text: string,
    from: number,
    to: number,
  ) {
    this.at = Math.max(0, from);
    this.to = Math.min(to, text.length);
  }

  /** Moves to the next word; false when there is none. */
  next(): boolean {
    const { text, to } = this;
    let i = this.at;
    let c = 0;
    for (; i < to; i++) {
      c = text.charCodeAt(i);
      if (c < 128 ? ASCII_WORD[c] === 1 : isWideWordChar(c)) break;
    }
    if (i >= to) {
      this.at = to;
      return false;
    }
    this.start = i;
    let h = FNV_OFFSET;
    for (;;) {
      if (c >= 65 && c <= 90) c += 32;
      h = Math.imul(h ^ c, FNV_PRIME);
      if (++i >= to) break;
      c = text.charCodeAt(i);
      if (!(c < 128 ? ASCII_WORD[c] === 1 : isWideWordChar(c))) break;
    }
    this.end = i;
    this.hash = h & 0x3fffffff;
    this.at = i;
    return true;
  }

  /** Goes on from `offset` (after a multiword name): the next word starts there or later. */
  skipTo(offset: number): void {
    this.at = offset;
  }
}

/** The words of `text` between `from` and `to`, in order, with offsets into `text`. */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  const end = Math.min(to, text.length);
  for (let start = nextWordStart(text, from, end); start >= 0; ) {
    const stop = wordEnd(text, start, end);
    const word = text.slice(start, stop);
    tokens.push({ text: word, lower: word.toLowerCase(), start, end: stop });
    start = nextWordStart(text, stop, end);
  }
  return tokens;
}

/** The words of a name in lower case: "Tylenol #3" → ["tylenol", "3"]. */
export function nameWords(name: string): string[] {
  return tokenize(name).map((t) => t.lower);
}

/** The normal form of a name: its words in lower case joined by one space ("hydrocodone/APAP" → "hydrocodone apap"). */
export function nameKey(name: string): string {
  return nameWords(name).join(' ');
}

/** What may join each pair of neighbouring words of a name (see `Gap`). */
export function nameGaps(name: string): Gap[] {
  const tokens = tokenize(name);
  const gaps: Gap[] = [];
  for (let i = 1; i < tokens.length; i++) {
    const marks = name.slice(tokens[i - 1].end, tokens[i].start).replace(/\s+/g, '');
    gaps.push([...marks].some((c) => COMBINING_MARKS.includes(c)) ? COMBINING_MARKS : marks);
  }
  return gaps;
}

/**
 * Whether the text between two words of a letter may join them into a multiword name: spaces with
 * at most one line break, and at most one of the marks the name allows ("hydrocodone-APAP" and
 * "hydrocodone / APAP" both match "hydrocodone/APAP"; "oxycodone, acetaminophen" matches nothing).
 */
export function gapMatches(between: string, gap: Gap): boolean {
  if (between.length === 0 || between.length > 8) return false;
  let marks = 0;
  let lineBreaks = 0;
  for (const c of between) {
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (c === '\n') lineBreaks++;
    else if (gap.includes(c)) marks++;
    else return false;
  }
  return lineBreaks <= 1 && marks <= 1;
}

/**
 * A name written in the case of the word it replaces: "BACLOFAN" → "BACLOFEN", "Baclofan" →
 * "Baclofen"; otherwise the name as the lexicon spells it ("Norco", "OxyContin", "baclofen").
 */
export function matchCase(written: string, name: string): string {
  const letters = written.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase()) return name.toUpperCase();
  const first = letters.charAt(0);
  if (first && first === first.toUpperCase() && name.charAt(0) === name.charAt(0).toLowerCase()) {
    return name.charAt(0).toUpperCase() + name.slice(1);
  }
  return name;
}

/**
 * Words a name may carry that do not change which drug it is (salts, release forms, strengths,
 * units, dosage forms). `lookup` drops them when the name as written is not known.
 */
const MODIFIERS = new Set([
  'hcl', 'hydrochloride', 'sodium', 'potassium', 'calcium', 'magnesium', 'sulfate', 'sulphate', 'citrate',
  'tartrate', 'bitartrate', 'succinate', 'maleate', 'besylate', 'mesylate', 'phosphate', 'acetate',
  'acetonide', 'tromethamine', 'er', 'xr', 'sr', 'cr', 'xl', 'la', 'dr', 'ec', 'ir', 'odt', 'ds', 'cd',
  'extended', 'release', 'released', 'immediate', 'controlled', 'sustained', 'delayed', 'oral', 'tab',
  'tabs', 'tablet', 'tablets', 'cap', 'caps', 'capsule', 'capsules', 'mg', 'mcg', 'ml', 'gm', 'g', 'generic',
]);

/** Release-form suffixes of brand names: "Hysingla ER" is also written "Hysingla". */
const RELEASE_SUFFIXES = new Set(['er', 'xr', 'cr', 'sr', 'xl', 'la', 'odt', 'ds', 'ir', 'cd', 'dr', 'ec']);

/** A word that does not change which drug a name means: salt, release form, strength, unit, form. */
export function isModifier(word: string): boolean {
  return MODIFIERS.has(word) || /^\d+(?:\.\d+)?(?:mg|mcg|ml|g|gm|%)?$/.test(word);
}

/** A name without its release-form suffix ("Toprol XL" → "Toprol"), or undefined when it has none. */
export function withoutReleaseSuffix(name: string): string | undefined {
  const m = /^(.*[\p{L}\p{N}])[\s-]+([\p{L}]+)$/u.exec(name);
  if (!m || !RELEASE_SUFFIXES.has(m[2].toLowerCase())) return undefined;
  return m[1];
}

/** Whether `word` is made of ASCII lower-case letters and digits only (at least one). */
export function isPlainWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (!((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return false;
  }
  return true;
}
