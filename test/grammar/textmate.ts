/**
 * Loads the IMR TextMate grammar with vscode-textmate + vscode-oniguruma (the engine VS Code uses)
 * and tokenises whole texts, so tests can ask which scopes cover a given offset.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar, type StateStack } from 'vscode-textmate';
import { repoRoot } from '../helpers';

/** The grammar file under test. */
export const grammarPath = path.join(repoRoot, 'syntaxes', 'imr.tmLanguage.json');

/** The grammar's root scope. */
export const ROOT_SCOPE = 'text.imr';

/** One token: [start, end) columns within its line, and its scope stack (outermost first). */
export interface Token {
  start: number;
  end: number;
  scopes: string[];
}

/** One tokenised line: its text, the offset of its first character in the whole text, its tokens. */
export interface TokenizedLine {
  text: string;
  offset: number;
  tokens: Token[];
}

let grammarPromise: Promise<IGrammar> | undefined;

/** Loads (once) the grammar from `syntaxes/imr.tmLanguage.json`. */
export function loadGrammar(): Promise<IGrammar> {
  grammarPromise ??= createGrammar();
  return grammarPromise;
}

async function createGrammar(): Promise<IGrammar> {
  const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  const bytes = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
  await oniguruma.loadWASM(bytes);
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName: string) => {
      if (scopeName !== ROOT_SCOPE) return null;
      return parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath);
    },
  });
  const grammar = await registry.loadGrammar(ROOT_SCOPE);
  if (!grammar) throw new Error(`grammar ${ROOT_SCOPE} did not load from ${grammarPath}`);
  return grammar;
}

/** Splits a text into lines (\r\n, \r and \n all end a line) with the offset of each line's start. */
export function splitLines(text: string): Array<{ text: string; offset: number }> {
  const lines: Array<{ text: string; offset: number }> = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ text: text.slice(start, m.index), offset: start });
    start = m.index + m[0].length;
  }
  lines.push({ text: text.slice(start), offset: start });
  return lines;
}

/**
 * Tokenises lines in order, carrying the grammar state from each line to the next, as the editor
 * does. The lines need not be contiguous in a file (fixtures skip their assertion lines).
 */
export function tokenizeLines(grammar: IGrammar, lines: Array<{ text: string; offset: number }>): TokenizedLine[] {
  let state: StateStack = INITIAL;
  return lines.map((line) => {
    const result = grammar.tokenizeLine(line.text, state);
    state = result.ruleStack;
    const tokens = result.tokens.map((t) => ({ start: t.startIndex, end: Math.min(t.endIndex, line.text.length), scopes: t.scopes }));
    return { text: line.text, offset: line.offset, tokens };
  });
}

/** Tokenises a whole text. */
export function tokenizeText(grammar: IGrammar, text: string): TokenizedLine[] {
  return tokenizeLines(grammar, splitLines(text));
}

/** The scope stack at a column of a tokenised line (empty past the end of the line). */
export function scopesAtColumn(line: TokenizedLine, column: number): string[] {
  for (const token of line.tokens) {
    if (column >= token.start && column < token.end) return token.scopes;
  }
  return [];
}

/** True when `scope` is in the stack, or a more specific scope of it is (`markup.heading` matches `markup.heading.section.imr`). */
export function hasScope(stack: readonly string[], scope: string): boolean {
  return stack.some((s) => s === scope || s.startsWith(scope + '.'));
}

/** Where an offset of the whole text falls: one-based line and column, and the scopes there. */
export interface ScopesAt {
  line: number;
  column: number;
  scopes: string[];
}

/** The scopes at an offset of the text that `lines` were tokenised from. */
export function scopesAtOffset(lines: readonly TokenizedLine[], offset: number): ScopesAt {
  let lo = 0;
  let hi = lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lines[mid].offset <= offset) lo = mid;
    else hi = mid - 1;
  }
  const line = lines[lo];
  const column = offset - line.offset;
  return { line: lo + 1, column: column + 1, scopes: scopesAtColumn(line, column) };
}
