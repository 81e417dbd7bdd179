/**
 * Every finding on the 109 real letters (the five older ones and the 104 posted letters of
 * dwc-2017), against test/golden/findings.json, where each was checked by hand against the letter
 * and marked a true defect or not: a new false positive (or a lost true one) shows here. Issued
 * letters are correct apart from a few real misspellings, so no letter may get an error or a
 * warning that is not a true defect.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { LineIndex } from '../../server/src/text/lineIndex';
import { allRealLetters, lettersMissing } from '../corpusLetters';
import { repoRoot } from '../helpers';

interface Expected {
  at: string;
  severity: string;
  code: string;
  covers: string;
  defect: boolean;
  why: string;
}

const snapshot = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'golden', 'findings.json'), 'utf8')) as {
  letters: Record<string, Expected[]>;
};

function line(f: { at: string; severity: string; code: string; covers: string }): string {
  return `${f.at} ${f.severity} ${f.code} ${JSON.stringify(f.covers)}`;
}

describe('every finding on the real letters, checked by hand', { skip: lettersMissing ?? false }, () => {
  const letters = allRealLetters();
  for (const letter of letters) {
    test(letter.name, () => {
      const lines = new LineIndex(letter.text);
      const actual = analyze(letter.text).findings.map((f) => {
        const p = lines.positionAt(f.start);
        return line({ at: `${p.line}:${p.character}`, severity: f.severity, code: f.code, covers: letter.text.slice(f.start, f.end).replace(/\s+/g, ' ') });
      });
      assert.deepEqual(actual, (snapshot.letters[letter.name] ?? []).map(line));
    });
  }

  test('the snapshot names only real letters, and every error or warning in it is a true defect', () => {
    const names = new Set(letters.map((l) => l.name));
    for (const [name, findings] of Object.entries(snapshot.letters)) {
      assert.ok(names.has(name), name);
      for (const f of findings) if (f.severity === 'error' || f.severity === 'warning') assert.ok(f.defect, `${name} ${line(f)}`);
    }
  });
});
