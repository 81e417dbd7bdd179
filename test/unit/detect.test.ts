/** Language detection: letters opened as .txt / .md are recognised; other text is left alone. */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { letterEvidence, looksLikeLetter } from '../../server/src/features/detect';
import { readFixture, readLetter, repoRoot, toPdfText } from '../helpers';

test('the five letters, their PDF-text forms and the older layouts are letters', () => {
  for (const prefix of ['000', '001', '002', '003', '004']) {
    assert.ok(looksLikeLetter(readLetter(prefix)), prefix);
    assert.ok(looksLikeLetter(toPdfText(readLetter(prefix))), `${prefix} as PDF text`);
  }
  for (const name of ['maximus-2014.txt', 'notice-2013.txt', 'professional-review.txt']) assert.ok(looksLikeLetter(readFixture(name)), name);
});

test('the evidence found in letter 000', () => {
  // Header labels count at the start of a line only ("Date Assigned:"); the other two on it do not.
  assert.deepEqual(letterEvidence(readLetter('000')), { headings: 3, caseNumber: true, itemLabels: 3, headerLabels: 1, maximus: true });
});

test('a fragment with the issues heading and item labels is a letter', () => {
  const issues = readLetter('003').slice(readLetter('003').indexOf('## IMR ISSUES'));
  assert.ok(looksLikeLetter(issues));
});

test('notes, READMEs and prose that mention the headings are not letters', () => {
  const notes = [
    '',
    'Shopping list\n\nmilk\nbread\n',
    'The CLINICAL CASE SUMMARY section comes after HOW THE IMR FINAL DETERMINATION WAS MADE.\n',
    '# Notes\n\nCLINICAL CASE SUMMARY\n\nRemember to ask about the case.\n',
    '```\nHOW THE IMR FINAL DETERMINATION WAS MADE\nCLINICAL CASE SUMMARY\nIMR ISSUES, DECISIONS AND RATIONALES\nMAXIMUS guideline: x\n```\n',
    '- HOW THE IMR FINAL DETERMINATION WAS MADE\n- CLINICAL CASE SUMMARY\n',
    'Case Number: CM15-0027300 was discussed at the meeting.\n',
  ];
  for (const text of notes) assert.equal(looksLikeLetter(text), false, JSON.stringify(text.slice(0, 60)));
});

test('the project\'s own markdown docs are not letters', () => {
  const docs = ['README.md', 'ARCHITECTURE.md', ...fs.readdirSync(path.join(repoRoot, 'docs', 'rules')).map((f) => path.join('docs', 'rules', f))];
  for (const doc of docs) {
    const file = path.join(repoRoot, doc);
    if (!fs.existsSync(file)) continue;
    assert.equal(looksLikeLetter(fs.readFileSync(file, 'utf8')), false, doc);
  }
});

test('only the beginning is read, and odd input never throws', () => {
  assert.equal(looksLikeLetter('x'.repeat(200_000) + '\n' + readLetter('000')), false);
  for (const junk of ['\u0000', '\r\r\r', '###', '**:**']) assert.equal(looksLikeLetter(junk), false);
  assert.equal(looksLikeLetter(undefined as unknown as string), false);
});
