/**
 * Calm colours: letter 003 tokenized with the grammar this VS Code loaded for the extension and
 * coloured by this VS Code's built-in themes (test/e2e/themes.ts). In Light Modern, Light+, Dark
 * Modern and Dark+: prose uncoloured, labels coloured like keys and never in the red of an error,
 * headings and outcomes coloured; parentheses in prose are not bracket-coloured. Then the letter is
 * shown in a light and a dark theme for the README's pictures.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { describe, it } from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, contributes, copyLetter, letterPath, ourExtension, positionOf, screenshot, symbolsOf, waitFor } from '../helpers';
import { loadGrammar, themeColours, tokenize, type ScopedText } from '../themes';

const THEMES = ['light_modern', 'light_plus', 'dark_modern', 'dark_plus'];

/** Reds that read like errors in the light themes (support.type.property-name, strings, invalid). */
const ALARMING = /^#(?:e50000|a31515|cd3131|f44747|ff0000)$/i;

/** The non-blank tokens that cover the first occurrence of `phrase` in the letter. */
function tokensOf(tokens: ScopedText[], lines: string[], phrase: string): ScopedText[] {
  const line = lines.findIndex((l) => l.includes(phrase));
  assert.ok(line >= 0, `"${phrase}" is not in the letter`);
  const from = lines[line].indexOf(phrase);
  const to = from + phrase.length;
  return tokens.filter((t) => t.line === line && t.start < to && t.start + t.text.length > from && t.text.trim() !== '');
}

describe('calm colours', () => {
  it('letter 003 reads calmly in the light and dark default themes', async () => {
    await activateExtension();
    const grammars = contributes().grammars as { language?: string; scopeName: string; path: string }[];
    const contributed = grammars.find((g) => g.language === 'imr')!;
    const grammar = await loadGrammar(path.join(ourExtension().extensionPath, contributed.path), contributed.scopeName);
    const text = fs.readFileSync(letterPath('003'), 'utf8');
    const lines = text.split(/\r\n|\r|\n/);
    const tokens = tokenize(grammar, text);
    const problems: string[] = [];
    for (const theme of THEMES) {
      const colourOf = themeColours(theme);
      const expect = (phrase: string, want: 'plain' | 'coloured' | 'calm label') => {
        for (const token of tokensOf(tokens, lines, phrase)) {
          const colour = colourOf(token.scopes);
          const where = `${theme}: "${token.text}" (${token.scopes.slice(1).join(' ')}) is ${colour ?? 'uncoloured'}`;
          if (want === 'plain' && colour) problems.push(`${where}, prose should be uncoloured`);
          if (want !== 'plain' && !colour) problems.push(`${where}, should be coloured`);
          if (want === 'calm label' && theme.startsWith('light') && colour && ALARMING.test(colour)) problems.push(`${where}, the red of an error`);
        }
      };
      expect('The Expert Reviewer has the following credentials', 'plain');
      expect('The injured worker is a 46 year old male', 'plain');
      expect('He has reported back pain after injury', 'plain');
      for (const label of ['Date of Injury', 'State(s) of Licensure', 'Decision rationale', 'MAXIMUS guideline']) expect(label, 'calm label');
      for (const heading of ['CLINICAL CASE SUMMARY', 'Upheld']) expect(heading, 'coloured');
    }
    assert.deepStrictEqual(problems, []);
    const language = (contributes().languages as { id: string; configuration: string }[]).find((l) => l.id === 'imr');
    const configuration = JSON.parse(fs.readFileSync(path.join(ourExtension().extensionPath, language!.configuration), 'utf8'));
    assert.deepStrictEqual(configuration.colorizedBracketPairs, [], 'parentheses in prose are bracket-coloured');
  });

  it('shows letter 003 in Light Modern and Dark Modern (pictures for the README)', async () => {
    await closeAllEditors();
    const uri = copyLetter('003');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await waitFor(async () => (await symbolsOf(uri)).length > 0, { what: 'the outline of 003' });
    const at = positionOf(document, 'The Expert Reviewer');
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.AtTop);
    await vscode.commands.executeCommand('notifications.clearAll');
    const workbench = vscode.workspace.getConfiguration('workbench');
    const previous = workbench.inspect('colorTheme')?.globalValue;
    try {
      for (const [theme, name] of [['Default Light Modern', 'letter-003-light'], ['Default Dark Modern', 'letter-003-dark']]) {
        await workbench.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        const file = await screenshot(name);
        if (file !== undefined) assert.ok(fs.statSync(file).size > 10_000, `${file} is too small to show the letter`);
      }
    } finally {
      await workbench.update('colorTheme', previous, vscode.ConfigurationTarget.Global);
    }
  });
});
