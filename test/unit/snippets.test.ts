/**
 * The snippets (snippets/imr.code-snippets): valid JSON, well-formed bodies, and a letter skeleton
 * that, expanded with its defaults, is a letter the parser reads whole.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/parser/parse';
import { hasScope, loadGrammar, scopesAtOffset, tokenizeText } from '../grammar/textmate';
import { repoRoot } from '../helpers';
import { expandSnippet, tabStops } from '../snippets/expand';

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string[];
}

const snippetsPath = path.join(repoRoot, 'snippets', 'imr.code-snippets');
const snippets = JSON.parse(fs.readFileSync(snippetsPath, 'utf8')) as Record<string, Snippet>;
const LETTER = 'IMR decision letter';
const ITEM = 'IMR disputed item';
/** A fixed "today" for the date variables. */
const TODAY = { CURRENT_YEAR: '2015', CURRENT_YEAR_SHORT: '15', CURRENT_MONTH: '04', CURRENT_DATE: '07' };

function expand(name: string, values: Record<number, string> = {}): string {
  return expandSnippet(snippets[name].body.join('\n'), { variables: TODAY, values });
}

describe('snippets file', () => {
  test('is JSON with the letter and item snippets, each with a prefix, description and body', () => {
    assert.deepEqual(Object.keys(snippets).sort(), [LETTER, ITEM].sort());
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(typeof s.prefix === 'string' && s.prefix.startsWith('imr-'), `${name}: prefix`);
      assert.ok(s.description.length > 20, `${name}: description`);
      assert.ok(Array.isArray(s.body) && s.body.every((l) => typeof l === 'string'), `${name}: body`);
    }
  });

  test('tab stops run 0, 1, 2 ... without gaps, and $0 ends each snippet', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const stops = tabStops(s.body.join('\n'));
      assert.deepEqual(stops, stops.map((_, k) => k), `${name}: ${stops.join(',')}`);
      assert.equal(s.body[s.body.length - 1], '$0', name);
    }
  });
});

describe('letter skeleton, expanded with its defaults', () => {
  const text = expand(LETTER);

  test('is read as a markdown final determination with a full header and the three sections', () => {
    const d = parse(text);
    assert.equal(d.layout, 'final-determination');
    assert.equal(d.form, 'markdown');
    assert.deepEqual(d.header?.fields.map((f) => [f.name, f.value.text]), [
      ['caseNumber', 'CM15-0000000'],
      ['assigned', 'MM/DD/YYYY'],
      ['injury', 'MM/DD/YYYY'],
      ['decision', '04/07/2015'],
      ['urDenial', 'MM/DD/YYYY'],
      ['priority', 'Standard'],
      ['applicationReceived', 'MM/DD/YYYY'],
    ]);
    assert.deepEqual(d.sections.map((s) => s.kind), ['how-made', 'clinical-summary', 'issues']);
    assert.deepEqual(d.reviewer.licensure, ['California']);
  });

  test('has one upheld item with both guideline lines and a rationale that concludes "not medically necessary"', () => {
    const [item, ...rest] = parse(text).items;
    assert.equal(rest.length, 0);
    assert.equal(item.title.text, 'Drug 10mg #30');
    assert.equal(item.strength, '10mg');
    assert.equal(item.quantity, 30);
    assert.equal(item.outcome, 'upheld');
    assert.deepEqual(item.guidelines.map((g) => g.by), ['claims-administrator', 'maximus']);
    assert.ok(item.rationale && item.rationale.body.text.length > 20);
    assert.equal(item.rationale.conclusion, 'not-medically-necessary');
    assert.match(item.rationale.body.text, /the request for Drug 10mg #30 is not medically necessary\.$/);
  });

  test('choosing Overturned turns the conclusion into "medically necessary"', () => {
    const [item] = parse(expand(LETTER, { 15: 'Overturned' })).items;
    assert.equal(item.outcome, 'overturned');
    assert.equal(item.rationale?.conclusion, 'medically-necessary');
  });

  test('is coloured by the grammar: headings, the item title and its outcome', async () => {
    const grammar = await loadGrammar();
    const lines = tokenizeText(grammar, text);
    const scopeAt = (needle: string, scope: string) => {
      const at = text.indexOf(needle);
      assert.ok(at >= 0, needle);
      assert.ok(hasScope(scopesAtOffset(lines, at).scopes, scope), `${needle}: ${scopesAtOffset(lines, at).scopes.join(' ')}`);
    };
    scopeAt('Case Number', 'entity.name.tag.header.imr');
    scopeAt('CLINICAL CASE SUMMARY', 'entity.name.section.imr');
    scopeAt('Drug 10mg', 'entity.name.type.item.imr');
    scopeAt('Upheld', 'markup.deleted.outcome.upheld.imr');
    scopeAt('Decision rationale', 'entity.name.tag.label.rationale.imr');
  });
});

describe('disputed item snippet', () => {
  test('added to the skeleton gives a second item with its own outcome and rationale', () => {
    const text = `${expand(LETTER)}\n\n${expand(ITEM, { 1: 'Norco', 2: '10/325mg', 3: '120', 4: 'Overturned' })}`;
    const items = parse(text).items;
    assert.equal(items.length, 2);
    assert.equal(items[1].title.text, 'Norco 10/325mg #120');
    assert.equal(items[1].outcome, 'overturned');
    assert.equal(items[1].guidelines.length, 2);
    assert.equal(items[1].rationale?.conclusion, 'medically-necessary');
  });
});
