/**
 * The TextMate grammar (syntaxes/imr.tmLanguage.json): its fixtures (test/grammar/fixtures) and
 * the five corpus letters, where every labelled element must carry its scope.
 */
import { before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { IGrammar } from 'vscode-textmate';
import { parse } from '../../server/src/parser/parse';
import { formatFailure, parseFixture, runFixture } from '../grammar/fixture';
import { fixtureFiles } from '../grammar/fixtures';
import { countByKind, findElements, type ElementKind, type Expected } from '../grammar/letterElements';
import { ROOT_SCOPE, grammarPath, hasScope, loadGrammar, scopesAtOffset, tokenizeText } from '../grammar/textmate';
import { readLetter } from '../helpers';

let grammar: IGrammar;
before(async () => {
  grammar = await loadGrammar();
});

describe('grammar file', () => {
  const raw = JSON.parse(fs.readFileSync(grammarPath, 'utf8')) as Record<string, unknown>;

  test('is named text.imr', () => {
    assert.equal(raw.scopeName, ROOT_SCOPE);
  });

  test('every scope it assigns ends in .imr, so themes and tests can tell ours apart', () => {
    const names: string[] = [];
    collectScopeNames(raw, names);
    assert.ok(names.length > 50, `only ${names.length} scope names found`);
    const stray = names.filter((n) => !n.endsWith('.imr'));
    assert.deepEqual(stray, []);
  });
});

describe('grammar fixtures', () => {
  for (const file of fixtureFiles()) {
    const name = path.basename(file);
    test(name, () => {
      const fixture = parseFixture(fs.readFileSync(file, 'utf8'), name);
      assert.equal(fixture.scope, ROOT_SCOPE);
      assert.ok(fixture.assertions.length > 10, `${name} has only ${fixture.assertions.length} assertions`);
      const failures = runFixture(grammar, fixture);
      assert.equal(failures.length, 0, '\n' + failures.map((f) => formatFailure(`test/grammar/fixtures/${name}`, f)).join('\n'));
    });
  }
});

/**
 * How many of each element the test's own regexes find in each letter, counted by hand in the
 * letter text (a regex that stopped matching would otherwise make the scope check vacuous).
 */
const GOLDEN_COUNTS: Record<string, Partial<Record<ElementKind, number>>> = {
  // Markdown: header table, ### headings, one item.
  '000': { 'header-label': 7, 'header-value': 7, 'section-heading': 3, 'item-title': 1, outcome: 1, 'title-strength': 1, 'title-quantity': 1, 'item-label': 3, 'pages-label': 1, 'page-number': 1, date: 8, 'case-number': 1 },
  // PDF text: no header, "QTY 45.00", Section(s) citations without pages, written dates only.
  '001': { 'section-heading': 3, 'item-title': 1, outcome: 1, 'title-strength': 1, 'title-quantity': 1, 'item-label': 3, date: 5 },
  // Markdown: "Baclofen cream #2 120mg", two Page(s) 111-113.
  '002': { 'header-label': 7, 'header-value': 7, 'section-heading': 3, 'item-title': 1, outcome: 1, 'title-strength': 1, 'title-quantity': 1, 'item-label': 3, 'pages-label': 2, 'page-number': 2, date: 8, 'case-number': 1 },
  // Markdown: "##" heading, three items with "quantity N".
  '003': { 'header-label': 7, 'header-value': 7, 'section-heading': 3, 'item-title': 3, outcome: 3, 'title-strength': 3, 'title-quantity': 3, 'item-label': 9, 'pages-label': 3, 'page-number': 3, date: 9, 'case-number': 1 },
  // PDF text: one Overturned and one Upheld item, a wrapped citation with three page ranges.
  '004': { 'section-heading': 3, 'item-title': 2, outcome: 2, 'title-strength': 2, 'title-quantity': 2, 'item-label': 6, 'pages-label': 2, 'page-number': 4, date: 13 },
};

describe('corpus letters: every labelled element gets its scope', () => {
  for (const letter of Object.keys(GOLDEN_COUNTS)) {
    test(`letter ${letter}`, () => {
      const text = readLetter(letter);
      const elements = findElements(text);
      assert.deepEqual(countByKind(elements), GOLDEN_COUNTS[letter]);

      // The item titles found here are the parser's items, at the same places.
      const titles = elements.filter((e) => e.kind === 'item-title').map((e) => [e.start, e.end]);
      assert.deepEqual(titles, parse(text).items.map((i) => [i.title.start, i.title.end]));

      const lines = tokenizeText(grammar, text);
      const failures = elements.flatMap((e) => checkElement(text, lines, e));
      assert.equal(failures.length, 0, `\nletter ${letter}:\n` + failures.join('\n'));
    });
  }

  test('outcomes are coloured by value: 004 has one overturned and one upheld item', () => {
    const text = readLetter('004');
    const lines = tokenizeText(grammar, text);
    const outcomes = findElements(text).filter((e) => e.kind === 'outcome');
    const scopes = outcomes.map((o) => scopesAtOffset(lines, o.start).scopes.at(-1));
    assert.deepEqual(scopes, ['markup.inserted.outcome.overturned.imr', 'markup.deleted.outcome.upheld.imr']);
  });
});

/** Checks every character of an element; returns one message per failing element. */
function checkElement(text: string, lines: ReturnType<typeof tokenizeText>, e: Expected): string[] {
  for (let offset = e.start; offset < e.end; offset++) {
    const at = scopesAtOffset(lines, offset);
    if (hasScope(at.scopes, e.scope)) continue;
    const shown = JSON.stringify(text.slice(e.start, e.end));
    return [`line ${at.line}, column ${at.column}: ${e.kind} ${shown}: expected ${e.scope}, actual [${at.scopes.join(' ')}]`];
  }
  return [];
}

/** Collects every `name` and `contentName` in the grammar, including those of captures. */
function collectScopeNames(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) collectScopeNames(child, out);
    return;
  }
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'name' || key === 'contentName') && typeof value === 'string' && !('scopeName' in node)) out.push(value);
    else collectScopeNames(value, out);
  }
}
