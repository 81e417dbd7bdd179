/**
 * Every regular expression the server can run is checked by the `recheck` ReDoS analyser: none
 * may be vulnerable (super-linear backtracking), and none may be left unanalysed.
 *
 * The expressions are collected by parsing the sources, not listed by hand:
 * - every regex literal and every `new RegExp(...)` / `RegExp(...)` in server/src/**.ts; a pattern
 *   built from constants (string literals, templates, `String.raw`, `+`, `const` names, `X.source`)
 *   is evaluated; `escapeRegExp(x)` counts as literal text;
 * - every `match` / `begin` / `end` / `while` pattern of syntaxes/*.json (Oniguruma, translated to
 *   JavaScript syntax for the analysis).
 * A pattern that cannot be evaluated from the source fails the test with its file:line unless
 * `DATA_PATTERNS` says where its values come from, and then those values are checked.
 */
import { describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { repoRoot } from '../helpers';

/** The native analyser is fast and works offline; elsewhere the pure-JavaScript one is used. */
function chooseBackend(): void {
  if (process.env.RECHECK_BACKEND) return;
  const platform = ({ linux: 'linux', darwin: 'macos', win32: 'windows' } as Record<string, string>)[process.platform];
  let native = false;
  try {
    native = !!platform && fs.existsSync(path.join(path.dirname(require.resolve(`recheck-${platform}-${process.arch}/package.json`)), platform === 'windows' ? 'recheck.exe' : 'recheck'));
  } catch {
    native = false;
  }
  process.env.RECHECK_BACKEND = native ? 'native' : 'pure';
}
chooseBackend();
// Imported after the backend is chosen (recheck reads it when first used).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const recheck = require('recheck') as typeof import('recheck');

interface Pattern {
  /** file:line where the expression is written (or the data file and key it comes from). */
  where: string;
  source: string;
  flags: string;
}

/**
 * Expressions built at run time from data: where in the source, and the data values they take.
 * Each entry is matched against an unevaluable `new RegExp(...)` by file and argument text; an
 * entry that matches nothing fails too (so the list cannot go stale).
 */
const DATA_PATTERNS: Array<{ file: string; argument: string; values: () => Pattern[] }> = [
  {
    file: 'server/src/knowledge/mtusImport.ts',
    argument: 'g.recognize.title',
    values: () => mtusRecognize('title'),
  },
  {
    file: 'server/src/knowledge/mtusImport.ts',
    argument: 'g.recognize.edition',
    values: () => mtusRecognize('edition'),
  },
  {
    // A line that starts with the first word of a heading: the words are capital letters only.
    file: 'server/src/parser/sections.ts',
    argument: '`^(?:#+[ \\\\t]+)?(?:${words.join(\'|\')})`',
    values: () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { LAYOUT_HEADINGS } = require('../../server/src/parser/headings') as typeof import('../../server/src/parser/headings');
      const words = new Set<string>(constStringList('server/src/parser/layout.ts', 'LAYOUT_FIRST_WORDS'));
      for (const defs of Object.values(LAYOUT_HEADINGS)) for (const d of defs) words.add(/^[A-Z]*/.exec(d.text)![0]);
      return [{ where: 'server/src/parser/sections.ts startsPattern (every heading\'s first word)', source: `^(?:#+[ \\t]+)?(?:${[...words].join('|')})`, flags: 'i' }];
    },
  },
  {
    // A guideline name as the letter writes it, words escaped, found across line breaks and markup.
    file: 'server/src/checks/mtusCitations.ts',
    argument: "words.join('[\\\\s*_]+')",
    values: () => {
      const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'server', 'data', 'mtus.json'), 'utf8')) as { guidelines: Array<{ name: string; aliases: string[] }> };
      const names = [...new Set(data.guidelines.flatMap((g) => [g.name, ...g.aliases]))].sort((a, b) => b.length - a.length).slice(0, 1);
      // Names the prose-citation parser lets through: capitalised words of \w()/- characters.
      names.push('ODG A_ B__ C_ D__ E_ F__ G_ H__', 'MTUS (_ (__ (_ (__ (_ (__');
      return names.map((name) => ({
        where: `server/src/checks/mtusCitations.ts nameRange("${name}")`,
        source: name
          .split(/\s+/)
          .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('[\\s*_]+'),
        flags: 'i',
      }));
    },
  },
];

/** The string literals of a `const NAME = [...]` in a source file. */
function constStringList(file: string, name: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(path.join(repoRoot, file), 'utf8'), ts.ScriptTarget.Latest, true);
  let out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && node.name.getText(source) === name && node.initializer && ts.isArrayLiteralExpression(node.initializer)) {
      out = node.initializer.elements.filter(ts.isStringLiteral).map((e) => e.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function mtusRecognize(key: 'title' | 'edition'): Pattern[] {
  const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'server', 'data', 'mtus.json'), 'utf8')) as {
    guidelines: Array<{ id: string; recognize?: Record<string, string> }>;
  };
  return data.guidelines
    .filter((g) => typeof g.recognize?.[key] === 'string' && g.recognize[key] !== '')
    .map((g) => ({ where: `server/data/mtus.json guidelines[${g.id}].recognize.${key}`, source: g.recognize![key], flags: 'i' }));
}

// ------------------------------------------------------------------ TypeScript sources

type Value = { kind: 'string'; value: string } | { kind: 'regex'; source: string; flags: string };

function listFiles(dir: string, ext: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full, ext));
    else if (entry.name.endsWith(ext)) out.push(full);
  }
  return out.sort();
}

function regexLiteral(text: string): { source: string; flags: string } {
  const slash = text.lastIndexOf('/');
  return { source: text.slice(1, slash), flags: text.slice(slash + 1) };
}

/** Evaluates an expression made of constants; undefined when it depends on run-time values. */
class ConstantEvaluator {
  private readonly consts = new Map<string, ts.Expression[]>();
  private readonly escapers = new Set<string>();

  constructor(private readonly file: ts.SourceFile) {
    const visit = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isVariableDeclarationList(node.parent) && node.parent.flags & ts.NodeFlags.Const) {
        const list = this.consts.get(node.name.text) ?? [];
        list.push(node.initializer);
        this.consts.set(node.name.text, list);
      }
      // A function that escapes every regex metacharacter turns any text into literal text.
      if (ts.isFunctionDeclaration(node) && node.name && node.body) {
        const body = node.body.getText(file);
        if (/\.replace\(\/\[\.\*\+\?\^\$\{\}\(\)\|\[\\\]\\\\\]\/g, '\\\\\$&'\)/.test(body)) this.escapers.add(node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  evaluate(node: ts.Expression, depth = 0): Value | undefined {
    if (depth > 20) return undefined;
    if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) return this.evaluate(node.expression, depth + 1);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return { kind: 'string', value: node.text };
    if (ts.isRegularExpressionLiteral(node)) return { kind: 'regex', ...regexLiteral(node.text) };
    if (ts.isTemplateExpression(node)) return this.template(node, false, depth);
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(this.file) === 'String.raw') {
      const t = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(t)) return { kind: 'string', value: t.rawText ?? t.text };
      return this.template(t, true, depth);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      const a = this.evaluate(node.left, depth + 1);
      const b = this.evaluate(node.right, depth + 1);
      return a?.kind === 'string' && b?.kind === 'string' ? { kind: 'string', value: a.value + b.value } : undefined;
    }
    if (ts.isIdentifier(node)) {
      const inits = this.consts.get(node.text);
      if (!inits || inits.length !== 1) return undefined;
      return this.evaluate(inits[0], depth + 1);
    }
    if (ts.isPropertyAccessExpression(node) && (node.name.text === 'source' || node.name.text === 'flags')) {
      const target = this.evaluate(node.expression, depth + 1);
      if (target?.kind !== 'regex') return undefined;
      return { kind: 'string', value: node.name.text === 'source' ? target.source : target.flags };
    }
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && this.escapers.has(node.expression.text)) {
      return { kind: 'string', value: 'literal' };
    }
    return undefined;
  }

  private template(node: ts.TemplateExpression, raw: boolean, depth: number): Value | undefined {
    let value = raw ? (node.head.rawText ?? node.head.text) : node.head.text;
    for (const span of node.templateSpans) {
      const v = this.evaluate(span.expression, depth + 1);
      if (v?.kind !== 'string') return undefined;
      value += v.value + (raw ? (span.literal.rawText ?? span.literal.text) : span.literal.text);
    }
    return { kind: 'string', value };
  }
}

interface Unresolved {
  where: string;
  file: string;
  argument: string;
}

function collectSourcePatterns(): { patterns: Pattern[]; unresolved: Unresolved[] } {
  const patterns: Pattern[] = [];
  const unresolved: Unresolved[] = [];
  for (const full of listFiles(path.join(repoRoot, 'server', 'src'), '.ts')) {
    const rel = path.relative(repoRoot, full).split(path.sep).join('/');
    const file = ts.createSourceFile(full, fs.readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true);
    const evaluator = new ConstantEvaluator(file);
    const where = (node: ts.Node) => `${rel}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
    const visit = (node: ts.Node) => {
      if (ts.isRegularExpressionLiteral(node)) patterns.push({ where: where(node), ...regexLiteral(node.text) });
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [first, second] = node.arguments ?? [];
        const src = first ? evaluator.evaluate(first) : { kind: 'string' as const, value: '' };
        const flags = second ? evaluator.evaluate(second) : undefined;
        const flagText = second ? (flags?.kind === 'string' ? flags.value : undefined) : src?.kind === 'regex' ? src.flags : '';
        if (src && flagText !== undefined) {
          patterns.push({ where: where(node), source: src.kind === 'regex' ? src.source : src.value, flags: flagText });
        } else {
          unresolved.push({ where: where(node), file: rel, argument: first ? first.getText(file) : '' });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { patterns, unresolved };
}

// ------------------------------------------------------------------ TextMate grammars

/** Oniguruma to JavaScript, for the constructs our grammars use; undefined when a construct has no equivalent. */
export function onigurumaToJs(pattern: string): { source: string; flags: string } | { error: string } {
  let source = pattern;
  let flags = '';
  if (source.startsWith('(?i)')) {
    source = source.slice(4);
    flags = 'i';
  }
  if (/\(\?[imx]+\)/.test(source)) return { error: 'inline option group in the middle of the pattern' };
  source = source
    .replace(/\\h/g, '[0-9A-Fa-f]')
    .replace(/\\A/g, '^')
    .replace(/\\[zZ]/g, '$')
    .replace(/\\G/g, '')
    .replace(/\(\?>/g, '(?:');
  if (/[*+?}]\+/.test(source.replace(/\\./g, ''))) return { error: 'possessive quantifier' };
  try {
    new RegExp(source, flags);
  } catch (e) {
    return { error: (e as Error).message };
  }
  return { source, flags };
}

function collectGrammarPatterns(): { patterns: Pattern[]; errors: string[] } {
  const patterns: Pattern[] = [];
  const errors: string[] = [];
  const dir = path.join(repoRoot, 'syntaxes');
  for (const full of listFiles(dir, '.json')) {
    const rel = path.relative(repoRoot, full).split(path.sep).join('/');
    const walk = (value: unknown, at: string) => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${at}/${i}`));
      if (value === null || typeof value !== 'object') return;
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        if (['match', 'begin', 'end', 'while'].includes(key) && typeof v === 'string') {
          const js = onigurumaToJs(v);
          if ('error' in js) errors.push(`${rel} ${at}/${key}: ${js.error}: ${v}`);
          else patterns.push({ where: `${rel} ${at}/${key}`, ...js });
        } else {
          walk(v, `${at}/${key}`);
        }
      }
    };
    walk(JSON.parse(fs.readFileSync(full, 'utf8')), '');
  }
  return { patterns, errors };
}

// ------------------------------------------------------------------ the checks

async function analyse(patterns: Pattern[]): Promise<string[]> {
  const problems: string[] = [];
  // Identical expressions are analysed once.
  const byKey = new Map<string, Pattern[]>();
  for (const p of patterns) {
    const key = `${p.flags}/${p.source}`;
    byKey.set(key, [...(byKey.get(key) ?? []), p]);
  }
  const entries = [...byKey.values()];
  const limit = 2;
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const group = entries[next++];
      const { source, flags } = group[0];
      const places = group.map((p) => p.where).join(', ');
      // The global and sticky flags change how a match is driven, not how it backtracks.
      const analysed = flags.replace(/[gyd]/g, '');
      // The automaton checker proves safety; when it runs out of time on a large automaton, the
      // fuzzing checker still finds an attack string when there is one.
      let result = await recheck.check(source, analysed, { timeout: 6_000 });
      if (result.status === 'unknown' && result.error.kind === 'timeout') result = await recheck.check(source, analysed, { timeout: 6_000, checker: 'fuzz' });
      // On a machine busy with other work both can run out of time on a pattern they prove in a
      // second when idle (seen once on the grammar's header-field): one last, longer try.
      if (result.status === 'unknown' && result.error.kind === 'timeout') result = await recheck.check(source, analysed, { timeout: 30_000 });
      // The fuzzing checker judges growth by timing the pattern: on a loaded machine it has called
      // bounded patterns polynomial. Its verdict stands unless the automaton checker, given time,
      // proves the pattern safe, or (for look-arounds, which the automaton cannot read) a second
      // fuzzing run finds no attack.
      if (result.status === 'vulnerable' && result.checker === 'fuzz') {
        const proof = await recheck.check(source, analysed, { timeout: 30_000, checker: 'automaton' });
        if (proof.status === 'safe') result = proof;
        else if (proof.status === 'unknown' && proof.error.kind === 'unsupported') {
          const again = await recheck.check(source, analysed, { timeout: 30_000, checker: 'fuzz' });
          if (again.status === 'safe') result = again;
        }
      }
      if (result.status === 'vulnerable') {
        const attack = result.attack.pattern.length > 120 ? `${result.attack.pattern.slice(0, 120)}…` : result.attack.pattern;
        problems.push(`${places}: /${source}/${flags} is vulnerable (${result.complexity.summary}); attack: ${attack}`);
      } else if (result.status === 'unknown') {
        problems.push(`${places}: /${source}/${flags} could not be analysed (${result.error.kind}${'message' in result.error ? `: ${result.error.message}` : ''})`);
      }
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return problems;
}

describe('regular expressions are safe from ReDoS (recheck)', () => {
  const source = collectSourcePatterns();
  const grammar = collectGrammarPatterns();

  test('the sources were found and parsed', () => {
    assert.ok(source.patterns.length > 100, `only ${source.patterns.length} expressions found in server/src`);
    assert.ok(grammar.patterns.length > 20, `only ${grammar.patterns.length} patterns found in syntaxes/`);
  });

  test('every expression built at run time is accounted for', () => {
    const problems: string[] = [];
    for (const u of source.unresolved) {
      if (!DATA_PATTERNS.some((d) => d.file === u.file && d.argument === u.argument)) {
        problems.push(`${u.where}: new RegExp(${u.argument}) is built at run time; add where its values come from to DATA_PATTERNS`);
      }
    }
    for (const d of DATA_PATTERNS) {
      if (!source.unresolved.some((u) => d.file === u.file && d.argument === u.argument)) problems.push(`DATA_PATTERNS entry ${d.file} ${d.argument} matches no expression (stale)`);
      else if (d.values().length === 0) problems.push(`DATA_PATTERNS entry ${d.file} ${d.argument} gives no values`);
    }
    assert.deepEqual(problems, []);
  });

  test('every grammar pattern reads as a JavaScript expression', () => {
    assert.deepEqual(grammar.errors, []);
  });

  test('server/src: no expression is vulnerable', async () => {
    const data = DATA_PATTERNS.filter((d) => source.unresolved.some((u) => d.file === u.file && d.argument === u.argument)).flatMap((d) => d.values());
    assert.deepEqual(await analyse([...source.patterns, ...data]), []);
  });

  test('syntaxes: no grammar pattern is vulnerable', async () => {
    assert.deepEqual(await analyse(grammar.patterns), []);
  });
});
