/**
 * The parser's shortcuts give what the plain way gives: the conclusion's sentences read from the
 * rationale's tail, the category found through a phrase index, a line's first word tested only
 * when its first character can start one, header labels found in a map.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import data from '../../server/data/categories.json';
import type { Item, ItemCategory } from '../../server/src/model';
import { categoryOf } from '../../server/src/parser/category';
import { parse } from '../../server/src/parser/parse';
import { lastSentences, sentences } from '../../server/src/parser/rationale';
import { startsWithWord } from '../../server/src/parser/sections';
import { HEADER_FIELDS, headerFieldOf } from '../../server/src/parser/vocabulary';
import { allRealLetters } from '../corpusLetters';
import { seeded } from '../helpers';

/** Random text of words, sentence marks, quotes, brackets, abbreviations and white space. */
function randomText(rand: () => number, length: number): string {
  const pieces = ['word', 'Word', 'A', '1', '.', '. ', '? ', '! ', '." ', '.) ', '”', ' ', '  ', '\n', 'Dr. ', 'No. ', 'pg. ', 'St.', ' 9.', ' (', '"'];
  let out = '';
  while (out.length < length) out += pieces[Math.floor(rand() * pieces.length)];
  return out;
}

describe('lastSentences', () => {
  test('gives the last sentences that sentences() gives, on random texts short and long', () => {
    const rand = seeded(11);
    for (let k = 0; k < 400; k++) {
      const text = randomText(rand, Math.floor(rand() * 9000));
      for (const count of [1, 3, 5, 8]) assert.deepEqual(lastSentences(text, count), sentences(text).slice(-count), `text ${k}, count ${count}`);
    }
  });

  test('gives the same on every rationale of the real letters', () => {
    for (const letter of allRealLetters()) {
      for (const item of parse(letter.text).items) {
        const body = item.rationale?.body.text;
        if (!body) continue;
        assert.deepEqual(lastSentences(body, 5), sentences(body).slice(-5), letter.name);
      }
    }
  });
});

/** The category as the phrase lists say it, each phrase searched for in the whole title (the plain way). */
function plainCategory(item: Pick<Item, 'title' | 'strength' | 'quantity' | 'form' | 'request'>): ItemCategory {
  const normalize = (t: string) => t.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  const subject = item.request ? item.request.remaining.text : item.title.text;
  const padded = ` ${normalize(subject.slice(0, 500))} `;
  const dose = item.strength !== null || item.quantity !== null || item.form !== null;
  for (const rule of data.rules as Array<{ category: string; phrases: string[]; strength?: boolean; dose?: boolean }>) {
    if ((rule.strength && item.strength !== null) || (rule.dose && dose)) return rule.category as ItemCategory;
    if (rule.phrases.some((p) => padded.includes(` ${normalize(p)} `))) return rule.category as ItemCategory;
  }
  return 'other';
}

describe('categoryOf', () => {
  test('gives the plain way\'s category for every item of the real letters, and for each phrase alone', () => {
    const items: Item[] = allRealLetters().flatMap((l) => parse(l.text).items);
    for (const item of items) assert.equal(categoryOf(item), plainCategory(item), item.title.text);
    const none = { strength: null, quantity: null, form: null } as const;
    for (const rule of data.rules) {
      for (const phrase of rule.phrases) {
        for (const text of [phrase, `Retro ${phrase} x2`, `${phrase.toUpperCase()}-left`, `pre${phrase}`]) {
          const title = { text, start: 0, end: text.length };
          const item = { title, treatment: title, ...none };
          assert.equal(categoryOf(item), plainCategory(item), text);
        }
      }
    }
  });
});

describe('startsWithWord', () => {
  test('agrees with the pattern on the raw line', () => {
    const words = ['MEDICAL', 'ISSUE', 'IMR', 'HOW'];
    const lines = ['MEDICAL RECORDS', 'medical', '## Issue at dispute', '#Imr', ' IMR', 'How the', 'hOW', 'XMEDICAL', '', '#', '##\tHOW', '*MEDICAL'];
    for (const line of lines) {
      const text = `x\n${line}\ny`;
      const expected = /^(?:#+[ \t]+)?(?:MEDICAL|ISSUE|IMR|HOW)/i.test(line);
      assert.equal(line ? startsWithWord(text, 2, 2 + line.length, words) : false, expected, line);
    }
  });
});

describe('headerFieldOf', () => {
  test('finds each label, any case and spacing, as the first field listing it', () => {
    for (const field of HEADER_FIELDS) {
      for (const label of field.labels) {
        const first = HEADER_FIELDS.find((f) => f.labels.some((l) => l.toLowerCase() === label.toLowerCase()));
        assert.equal(headerFieldOf(label.toUpperCase().replace(/ /g, ' \n ')), first);
      }
    }
    assert.equal(headerFieldOf('Date of Birth'), undefined);
  });
});
