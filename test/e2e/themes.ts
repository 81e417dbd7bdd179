/**
 * Theme colours for the in-editor colour test: a letter tokenized with the grammar the running VS
 * Code loaded for the extension (vscode-textmate and vscode-oniguruma, the engine VS Code uses), and
 * each token's foreground read from the built-in themes of that VS Code (the `vscode.theme-defaults`
 * extension), following their `include`s and matching scope selectors as VS Code does: the rule
 * that matches the innermost scope wins, then the longer selector, then the later rule.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';
import * as vscode from 'vscode';
import { repoRoot } from './helpers';

/** A piece of a line and the scopes it carries, innermost last. */
export interface ScopedText {
  line: number;
  /** Column of the first character. */
  start: number;
  text: string;
  scopes: string[];
}

interface Rule {
  selectors: string[][];
  foreground: string;
  order: number;
}

/** Loads the grammar of `scopeName` from the file the extension contributes. */
export async function loadGrammar(file: string, scopeName: string): Promise<IGrammar> {
  const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (name: string) => (name === scopeName ? parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null),
  });
  const grammar = await registry.loadGrammar(scopeName);
  if (!grammar) throw new Error(`grammar ${scopeName} did not load from ${file}`);
  return grammar;
}

/** Every token of a text with its scopes. */
export function tokenize(grammar: IGrammar, text: string): ScopedText[] {
  const out: ScopedText[] = [];
  let state = INITIAL;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const result = grammar.tokenizeLine(line, state);
    for (const token of result.tokens) out.push({ line: index, start: token.startIndex, text: line.slice(token.startIndex, token.endIndex), scopes: token.scopes });
    state = result.ruleStack;
  });
  return out;
}

/** The built-in theme file of VS Code named `name` (light_modern, dark_plus, ...). */
function themeFile(name: string): string {
  const defaults = vscode.extensions.getExtension('vscode.theme-defaults');
  if (!defaults) throw new Error('the built-in themes (vscode.theme-defaults) are not installed');
  return path.join(defaults.extensionPath, 'themes', `${name}.json`);
}

/** The token colour rules of a theme file, its includes first. */
function rulesOf(file: string, order = { n: 0 }): Rule[] {
  const theme = JSON.parse(fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '')) as {
    include?: string;
    tokenColors?: Array<{ scope?: string | string[]; settings?: { foreground?: string } }>;
  };
  const rules = theme.include ? rulesOf(path.join(path.dirname(file), theme.include), order) : [];
  for (const entry of theme.tokenColors ?? []) {
    if (!entry.settings?.foreground || !entry.scope) continue;
    const scopes = Array.isArray(entry.scope) ? entry.scope : entry.scope.split(',');
    rules.push({ selectors: scopes.map((s) => s.trim().split(/\s+/)).filter((s) => s[0]), foreground: entry.settings.foreground, order: order.n++ });
  }
  return rules;
}

const matches = (scope: string, selector: string) => scope === selector || scope.startsWith(`${selector}.`);

/** How well a selector matches a scope stack: [innermost index, selector length, parents], or null. */
function score(stack: string[], selector: string[]): number[] | null {
  const last = selector[selector.length - 1];
  for (let i = stack.length - 1; i >= 0; i--) {
    if (!matches(stack[i], last)) continue;
    let at = i - 1;
    let ok = true;
    for (let p = selector.length - 2; p >= 0 && ok; p--) {
      while (at >= 0 && !matches(stack[at], selector[p])) at--;
      ok = at >= 0;
      at--;
    }
    if (ok) return [i, last.split('.').length, selector.length];
  }
  return null;
}

/** A theme's colouring: the foreground of a scope stack, or undefined for the default text colour. */
export function themeColours(name: string): (scopes: string[]) => string | undefined {
  const rules = rulesOf(themeFile(name));
  return (scopes) => {
    let best: { key: number[]; colour: string } | undefined;
    for (const rule of rules) {
      for (const selector of rule.selectors) {
        const s = score(scopes, selector);
        if (!s) continue;
        const key = [...s, rule.order];
        if (!best || compare(key, best.key) >= 0) best = { key, colour: rule.foreground };
      }
    }
    return best?.colour;
  };
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}
