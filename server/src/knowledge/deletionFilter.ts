/**
 * A quick first test for "is any known name one edit from this word?": when two strings are at
 * most one edit apart (insert, delete, substitute, or swap two neighbours), deleting at most one
 * letter from each makes them equal. So the lexicon's names are stored with every way of deleting
 * one of their letters (as bits of a hash, a Bloom filter), and a word none of whose deletions is
 * stored is near no name. A bit set by another string only sends the word on to the exact
 * comparison: the answer never changes.
 */

/** The Bloom filter of one lexicon's names and their one-letter deletions. */
export class DeletionFilter {
  private readonly bits: Uint32Array;
  private readonly mask: number;
  private longest = 0;

  /** `keys`: the names as compared (lower case); the table has 2^`bitsLog2` bits. */
  constructor(keys: Iterable<string>, bitsLog2: number) {
    this.bits = new Uint32Array(1 << Math.max(0, bitsLog2 - 5));
    this.mask = (1 << bitsLog2) - 1;
    for (const key of keys) {
      this.longest = Math.max(this.longest, key.length);
      for (let skip = -1; skip < key.length; skip++) this.set(hashWithout(key, skip));
    }
  }

  /** False when no name is within one edit of `word`; true when one may be. */
  mayBeNear(word: string): boolean {
    // Longer than every name by more than one letter: near none (and not worth hashing).
    if (word.length > this.longest + 1) return false;
    for (let skip = -1; skip < word.length; skip++) if (this.has(hashWithout(word, skip))) return true;
    return false;
  }

  /** Two bits per string, from two mixes of its hash. */
  private set(h: number): void {
    this.setBit((Math.imul(h, 0x9e3779b1) >>> 7) & this.mask);
    this.setBit((Math.imul(h, 0x85ebca6b) >>> 9) & this.mask);
  }

  private has(h: number): boolean {
    return this.hasBit((Math.imul(h, 0x9e3779b1) >>> 7) & this.mask) && this.hasBit((Math.imul(h, 0x85ebca6b) >>> 9) & this.mask);
  }

  private setBit(s: number): void {
    this.bits[s >>> 5] |= 1 << (s & 31);
  }

  private hasBit(s: number): boolean {
    return (this.bits[s >>> 5] & (1 << (s & 31))) !== 0;
  }
}

/** FNV-1a of `s` without its code unit at `skip` (-1: none), with its length mixed in. */
function hashWithout(s: string, skip: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    if (i !== skip) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  }
  return Math.imul(h ^ (skip < 0 ? s.length : s.length - 1), 0x01000193);
}
