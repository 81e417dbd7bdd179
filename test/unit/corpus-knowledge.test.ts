/**
 * Knowledge from real letters: every guideline, "Section(s):" topic and Non-MTUS source that the 109
 * real letters cite (../shared/corpus and its dwc-2017 folder) resolves to an entry of the MTUS
 * index, and every medication they dispute is in the drug lexicon. The few real defects of the
 * letters (a misspelled section, misspelled drug names) are listed here, each checked by hand
 * against the letter, and must stay found. Failures list what is missing, letter by letter.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { isMedicationItem, namesService } from '../../server/src/checks/medication';
import { defaultKnowledge } from '../../server/src/knowledge';
import type { Decision, Item } from '../../server/src/model';
import { parse } from '../../server/src/parser/parse';
import { corpusDir } from '../helpers';

const dwcDir = path.join(corpusDir, 'dwc-2017');
const missing = fs.existsSync(dwcDir) ? null : `skipped: the real letters are looked for in ${dwcDir} (../shared/corpus beside the repository) and are not there`;
const knowledge = defaultKnowledge();

interface Letter {
  name: string;
  text: string;
  decision: Decision;
}

/** The five older letters and the 104 of dwc-2017, parsed once. */
const letters: Letter[] = missing ? [] : readLetters();

function readLetters(): Letter[] {
  const files = [corpusDir, dwcDir].flatMap((dir) =>
    fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => path.join(dir, f)),
  );
  return files.map((file) => {
    const text = fs.readFileSync(file, 'utf8');
    return { name: path.basename(file, '.txt'), text, decision: parse(text) };
  });
}

/** Every guideline-line citation of the corpus, with its letter. */
function citations() {
  return letters.flatMap((letter) =>
    letter.decision.items.flatMap((item) => item.guidelines.flatMap((line) => line.citations.map((citation) => ({ letter, citation })))),
  );
}

/** A disputed medication: the parser's category, or, while it says "other", a strength, form or quantity on a title that names no service. */
function isMedication(item: Item): boolean {
  if (item.category === 'medication') return true;
  return item.category === 'other' && isMedicationItem(item) && !namesService(item.title.text);
}

/**
 * Section names the letters misspell (true defects, kept found) and page numbers written where a
 * section goes ("Elbow Complaints 2007, Section(s): 326": a page of the chapter, not a topic).
 */
const REAL_SECTION_DEFECTS = ['CM17-0020243: diagnositc criteria'];
const PAGE_AS_SECTION = /^\d{1,4}$/;

describe('knowledge from the real letters', { skip: missing ?? false }, () => {
  test('every letter is read: 109 letters with their items', () => {
    assert.equal(letters.length, 109);
    assert.ok(letters.reduce((n, l) => n + l.decision.items.length, 0) >= 239);
  });

  test('every guideline an MTUS citation names resolves, with its year', () => {
    const failures: string[] = [];
    for (const { letter, citation } of citations()) {
      if (!citation.mtus) continue;
      const resolved = knowledge.mtus.resolveCitation(citation);
      if (resolved.status === 'mtus' || resolved.status === 'later') continue;
      failures.push(`${letter.name}: "${citation.guideline}" is ${resolved.status}`);
    }
    assert.deepEqual(failures, []);
  });

  test('the ACOEM chapters with their real years, the 2016 guidelines, the Postsurgical guideline are all met', () => {
    const ids = new Set(citations().map(({ citation }) => knowledge.mtus.resolveCitation(citation).guideline?.id));
    for (const id of ['elbow-2007', 'forearm-2004', 'low-back-2004', 'neck-2004', 'cpmtg-2016', 'opioids-2016', 'postsurgical-2009', 'odg']) {
      assert.ok(ids.has(id), `no citation resolves to ${id}`);
    }
  });

  test('every Non-MTUS source resolves to a source of the index', () => {
    const failures: string[] = [];
    for (const { letter, citation } of citations()) {
      if (citation.mtus) continue;
      const resolved = knowledge.mtus.resolveCitation(citation);
      if (!resolved.guideline || resolved.guideline.mtus) failures.push(`${letter.name}: "${citation.span.text.slice(0, 120)}"`);
    }
    assert.deepEqual(failures, []);
  });

  test('every "Section(s):" topic is a topic of its guideline, but for the letters\' own misspelling', () => {
    const unknown: string[] = [];
    for (const { letter, citation } of citations()) {
      if (!citation.mtus || citation.sections.length === 0) continue;
      const sections = citation.sections.filter((s) => !PAGE_AS_SECTION.test(s));
      if (sections.length === 0) continue;
      const resolved = knowledge.mtus.resolveCitation({ ...citation, sections });
      for (const part of resolved.unmatchedTopics) unknown.push(`${letter.name}: ${part}`);
    }
    assert.deepEqual(unknown, REAL_SECTION_DEFECTS);
  });

  test('every medication item names a drug of the lexicon, with its class, but for letter 004\'s "Baclofan"', () => {
    const unknown: string[] = [];
    let known = 0;
    for (const letter of letters) {
      for (const item of letter.decision.items.filter(isMedication)) {
        const found = knowledge.drugs.findAll(item.title.text);
        if (found.length === 0) unknown.push(`${letter.name}: ${item.title.text}`);
        for (const match of found) assert.ok(match.entry.drugClass.length > 0, `${match.entry.id} has no class`);
        if (found.length > 0) known++;
      }
    }
    assert.ok(known >= 50, `only ${known} medication items`);
    assert.deepEqual(unknown.map((u) => u.replace(/^(\S+): (\S+).*$/, '$1: $2')), ['004_1f5dc34496348b44: Baclofan']);
  });

  test('the knowledge checks raise only the real defects: misspelled drug names', () => {
    const codes = new Set(['unknown-guideline', 'unknown-drug', 'drug-spelling', 'citation-page']);
    const found: string[] = [];
    for (const letter of letters) {
      for (const f of analyze(letter.text, { knowledge }).findings) {
        if (codes.has(f.code)) found.push(`${letter.name} ${f.code} ${letter.text.slice(f.start, f.end)}`);
      }
    }
    assert.deepEqual(found, [
      '004_1f5dc34496348b44 drug-spelling Baclofan',
      '004_1f5dc34496348b44 unknown-drug Baclofan',
      '004_1f5dc34496348b44 drug-spelling Baclofan',
      '004_1f5dc34496348b44 drug-spelling Baclofan',
      '004_1f5dc34496348b44 drug-spelling Baclofan',
      // "Current medications include ophenadrine, ketoprofen": orphenadrine misspelled.
      'CM16-0236969 drug-spelling ophenadrine',
      // "the request for diazempam prescription": diazepam misspelled.
      'CM16-0240524 drug-spelling diazempam',
      // "A request was made for Tramdol 50mg": tramadol misspelled.
      'CM17-0021126 drug-spelling Tramdol',
    ]);
  });
});
