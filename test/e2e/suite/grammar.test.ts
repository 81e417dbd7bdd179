/**
 * The `imr` language and its TextMate grammar are contributed, and `.imr` files get that language.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { describe, it } from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';
import { LANGUAGE_ID, contributes, openLetter, ourExtension } from '../helpers';

interface GrammarContribution {
  language?: string;
  scopeName: string;
  path: string;
}

describe('grammar', () => {
  it('knows the imr language', async () => {
    const languages = await vscode.languages.getLanguages();
    assert.ok(languages.includes(LANGUAGE_ID), `languages known: ${languages.join(', ')}`);
  });

  it('gives .imr files the imr language', async () => {
    const { document } = await openLetter('000', { extension: '.imr' });
    assert.strictEqual(document.languageId, LANGUAGE_ID);
  });

  it('contributes a readable grammar for imr', () => {
    const grammars = (contributes().grammars ?? []) as GrammarContribution[];
    const grammar = grammars.find((entry) => entry.language === LANGUAGE_ID);
    assert.ok(grammar, 'no grammar contributed for imr');
    const file = path.join(ourExtension().extensionPath, grammar.path);
    assert.ok(fs.existsSync(file), `the contributed grammar ${grammar.path} does not exist`);
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as { scopeName?: string; patterns?: unknown[] };
    assert.strictEqual(content.scopeName, grammar.scopeName);
    assert.ok(Array.isArray(content.patterns) && content.patterns.length > 0, 'the grammar has no patterns');
  });
});
