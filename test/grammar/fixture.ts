/**
 * Grammar fixtures in the style of vscode-tmgrammar-test (format: test/grammar/README.md).
 *
 *   <!-- SYNTAX TEST "text.imr" "what this file covers" -->
 *   **Baclofen 20mg #120:** Upheld
 *   <!--^^^^^^^^^^^^^^^^ entity.name.type.item.imr -->
 *   <!-- <-- punctuation.definition.bold.imr -->
 *
 * An assertion line refers to the last source line above it. `^` marks the columns it asserts (the
 * same columns in the source line); `<-` (with `~` to skip) marks columns from column 0, which `^`
 * cannot reach. After the marks come the scopes that must be on every marked column, then
 * optionally `-` and scopes that must not be.
 */
import type { IGrammar } from 'vscode-textmate';
import { ROOT_SCOPE, hasScope, scopesAtColumn, splitLines, tokenizeLines } from './textmate';

/** One assertion on one source line. */
export interface Assertion {
  /** Zero-based line of the assertion in the fixture file. */
  fixtureLine: number;
  /** Zero-based line of the source line it checks, in the fixture file. */
  sourceLine: number;
  columns: number[];
  required: string[];
  forbidden: string[];
}

/** A parsed fixture: its source lines (with their line numbers in the file) and assertions. */
export interface Fixture {
  scope: string;
  description: string;
  source: Array<{ text: string; fileLine: number }>;
  assertions: Assertion[];
}

/** A failed assertion, with everything needed to find and read it. */
export interface Failure {
  /** One-based line and column in the fixture (or letter) file: the first column that fails. */
  line: number;
  column: number;
  /** How many of the asserted columns fail this way. */
  count: number;
  /** The source text from the first failing column to the last one. */
  text: string;
  expected: string;
  /** The scope stack at the first failing column. */
  actual: string[];
}

const HEADER = /^<!--\s*SYNTAX TEST\s+"([^"]+)"(?:\s+"([^"]*)")?\s*-->\s*$/;
const ASSERTION = /^(\s*<!--)(\s*)(\^+|<~*-+)((?:\s+\S+)+?)\s*-->\s*$/;

/** Reads a fixture file's text. Throws on a malformed fixture (a test-authoring error). */
export function parseFixture(text: string, name = 'fixture'): Fixture {
  const lines = splitLines(text);
  const header = HEADER.exec(lines[0]?.text ?? '');
  if (!header) throw new Error(`${name}:1: the first line must be <!-- SYNTAX TEST "${ROOT_SCOPE}" "description" -->`);
  const fixture: Fixture = { scope: header[1], description: header[2] ?? '', source: [], assertions: [] };
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].text;
    const m = ASSERTION.exec(line);
    if (!m) {
      fixture.source.push({ text: line, fileLine: i });
      continue;
    }
    const last = fixture.source[fixture.source.length - 1];
    if (!last) throw new Error(`${name}:${i + 1}: an assertion needs a source line above it`);
    const marks = m[3];
    let columns: number[];
    if (marks.startsWith('<')) {
      const skip = marks.length - marks.replace(/~/g, '').length;
      const count = marks.length - 1 - skip;
      columns = range(skip, skip + count);
    } else {
      const first = m[1].length + m[2].length;
      columns = range(first, first + marks.length);
    }
    const words = m[4].trim().split(/\s+/);
    const dash = words.indexOf('-');
    const required = dash < 0 ? words : words.slice(0, dash);
    const forbidden = dash < 0 ? [] : words.slice(dash + 1);
    if (required.length + forbidden.length === 0) throw new Error(`${name}:${i + 1}: assertion without scopes`);
    fixture.assertions.push({ fixtureLine: i, sourceLine: last.fileLine, columns, required, forbidden });
  }
  return fixture;
}

/** Tokenises a fixture's source lines and checks every assertion; returns the failures. */
export function runFixture(grammar: IGrammar, fixture: Fixture): Failure[] {
  const tokenized = tokenizeLines(
    grammar,
    fixture.source.map((s) => ({ text: s.text, offset: 0 })),
  );
  const byFileLine = new Map<number, number>();
  fixture.source.forEach((s, k) => byFileLine.set(s.fileLine, k));
  const failures: Failure[] = [];
  for (const assertion of fixture.assertions) {
    const line = tokenized[byFileLine.get(assertion.sourceLine)!];
    const checks = [
      ...assertion.required.map((scope) => ({ scope, want: true })),
      ...assertion.forbidden.map((scope) => ({ scope, want: false })),
    ];
    for (const { scope, want } of checks) {
      const bad = assertion.columns.filter((column) => hasScope(scopesAtColumn(line, column), scope) !== want);
      if (bad.length === 0) continue;
      failures.push({
        line: assertion.sourceLine + 1,
        column: bad[0] + 1,
        count: bad.length,
        text: line.text.slice(bad[0], bad[bad.length - 1] + 1),
        expected: want ? scope : `not ${scope}`,
        actual: scopesAtColumn(line, bad[0]),
      });
    }
  }
  return failures;
}

/** One failure as a readable line: `file:line:column "text": expected X, actual [a b c]`. */
export function formatFailure(file: string, f: Failure): string {
  const where = f.count > 1 ? ` (${f.count} columns)` : '';
  return `${file}:${f.line}:${f.column} ${JSON.stringify(f.text)}${where}: expected ${f.expected}, actual [${f.actual.join(' ')}]`;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}
