/**
 * Expressions that could backtrack badly (see regex-safety.test.ts) were replaced by scans. Each
 * replacement gives exactly what the old expression gave: checked here against the old expression
 * on random strings built from the characters that matter, plus real examples. The old expressions
 * live only in this test.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { leaderLine } from '../../server/src/knowledge/mtusImport';
import { withoutParentheses } from '../../server/src/knowledge/mtusImported';
import { splitYear } from '../../server/src/knowledge/mtusNames';
import { parseWordList } from '../../server/src/knowledge/drugs';
import { fileName } from '../../server/src/features/workspaceSymbols';
import { pageFileUri } from '../../server/src/features/links';
import { nameRange } from '../../server/src/checks/mtusCitations';
import { fuzzParams } from '../fuzz/generators';

/** Strings of up to `max` pieces taken from `pieces`. */
function made(pieces: string[], max = 24): fc.Arbitrary<string> {
  return fc.array(fc.constantFrom(...pieces), { maxLength: max }).map((a) => a.join(''));
}

const OLD_LEADER = /^(.{3,160}?)\s*(?:\.\s*){3,}\s*(\d{1,4})$|^(.{3,160}?)\s*…+\s*(\d{1,4})$/;

function oldLeader(text: string): { title: string; page: number } | null {
  const m = OLD_LEADER.exec(text);
  return m ? { title: (m[1] ?? m[3]).trim(), page: Number(m[2] ?? m[4]) } : null;
}

describe('scans give what the old expressions gave', () => {
  test('table-of-contents lines (mtusImport leaderLine)', () => {
    assert.deepEqual(leaderLine('Baclofen ........ 64'), { title: 'Baclofen', page: 64 });
    assert.deepEqual(leaderLine('Opioids, criteria for use … 76'), { title: 'Opioids, criteria for use', page: 76 });
    assert.deepEqual(leaderLine('Yoga . . . . 99'), { title: 'Yoga', page: 99 });
    assert.equal(leaderLine('Page 12 of 127'), null);
    assert.equal(leaderLine('Chronic Pain 12345'), null);
    fc.assert(
      fc.property(made(['a', 'Ab', '.', '. ', ' ', '…', '1', '64', '12345', '\n', 'x'.repeat(60)]), (text) => {
        assert.deepEqual(leaderLine(text), oldLeader(text), JSON.stringify(text));
      }),
      fuzzParams(3000),
    );
  });

  test('names without their "(...)" (mtusImported withoutParentheses)', () => {
    assert.equal(withoutParentheses('Baclofen (Lioresal)'), 'Baclofen');
    assert.equal(withoutParentheses('NSAIDs (non-steroidal anti-inflammatory drugs) (GI risk)'), 'NSAIDs');
    fc.assert(
      fc.property(made(['(', ')', ' ', '\t', '\n', 'a', 'b']), (text) => {
        assert.equal(withoutParentheses(text), text.replace(/\s*\([^)]*\)/g, ''), JSON.stringify(text));
      }),
      fuzzParams(3000),
    );
  });

  test('a trailing year (mtusNames splitYear)', () => {
    assert.deepEqual(splitYear('knee complaints 2004'), { base: 'knee complaints', year: 2004 });
    assert.deepEqual(splitYear('2009'), { base: '2009', year: null });
    const old = (name: string) => {
      const m = /^(.*?)\s*\b((?:19|20)\d\d)$/.exec(name);
      return !m || !m[1] ? { base: name, year: null } : { base: m[1], year: Number(m[2]) };
    };
    fc.assert(
      fc.property(made(['19', '20', '04', '2', ' ', '\t', '\n', 'a', '.', '_']), (name) => {
        assert.deepEqual(splitYear(name), old(name), JSON.stringify(name));
      }),
      fuzzParams(3000),
    );
  });

  test('word-list comments (drugs parseWordList)', () => {
    assert.deepEqual(parseWordList('# my drugs\nTylenol #3\n  Lioresal  # brand\nA#b # c\n#\n'), ['Tylenol #3', 'Lioresal', 'A#b']);
    // The old expression on the lines of the one line splitter (a lone CR ends a line too).
    const old = (text: string) => {
      const names: string[] = [];
      for (const line of text.split(/\r\n|\r|\n/)) {
        const name = line.replace(/(?:^|\s)#(?:\s.*)?$/, '').trim();
        if (name) names.push(name);
      }
      return names;
    };
    fc.assert(
      fc.property(made(['#', ' ', '\t', 'a', '3', '\n', '\r', '\r\n', '\u2028']), (text) => {
        assert.deepEqual(parseWordList(text), old(text), JSON.stringify(text));
      }),
      fuzzParams(3000),
    );
  });

  test('uris without query and fragment (fileName, pageFileUri)', () => {
    assert.equal(fileName('file:///home/a/My%20Letter.imr?x=1#L3'), 'My Letter.imr');
    assert.equal(pageFileUri('file:///store/cpmtg.pdf#page=3', 9), 'file:///store/cpmtg.pdf#page=9');
    fc.assert(
      fc.property(made(['a', '/', '?', '#', '%20', '.imr']), (rest) => {
        const uri = `file:///${rest}`;
        assert.equal(pageFileUri(uri, 1), `${uri.replace(/#.*$/, '')}#page=1`);
        const last = uri.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? uri;
        let decoded = last;
        try {
          decoded = decodeURIComponent(last);
        } catch {
          decoded = last;
        }
        assert.equal(fileName(uri), decoded);
      }),
      fuzzParams(2000),
    );
  });

  test('a name split by markup is found; words of markup alone are skipped (nameRange)', () => {
    const text = 'as the **Official Disability** Guidelines say';
    const span = { text, start: 0, end: text.length };
    const at = nameRange(text, span, 'Official Disability Guidelines');
    assert.equal(text.slice(at.start, at.end), 'Official Disability** Guidelines');
    const starred = nameRange(text, span, 'Official * Disability ** Guidelines');
    assert.deepEqual(starred, at);
    // Many "*" words against a long run of asterisks: found (or not) at once, not after seconds.
    const stars = '*'.repeat(5000);
    const many = nameRange(stars, { text: stars, start: 0, end: stars.length }, `ODG ${'* '.repeat(40)}x`);
    assert.deepEqual(many, { start: 0, end: stars.length });
  });
});
