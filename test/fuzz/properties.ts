/**
 * The robustness properties every input must satisfy, as plain assertion functions (fast-check
 * properties call them; the hostile-input and text-safety tests reuse them):
 *
 * - `parse` and `analyze` never throw, and no check fails (`analysis.failures` is empty);
 * - every offset of the model and of every finding, related location and fix edit lies inside the
 *   document, and every span covers the text it names (the source slice, markup removed and white
 *   space collapsed, equals the span's text, white space collapsed);
 * - parsing and analysing are deterministic (the same text gives the same model and findings);
 * - the editor features (outline, folding, hover, completion, links, summary, normalizer) never
 *   throw and give ranges inside the document.
 */
import * as assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/engine';
import type { Decision } from '../../server/src/model';
import { parse } from '../../server/src/parser/parse';
import { LineIndex } from '../../server/src/text/lineIndex';
import { defaultKnowledge } from '../../server/src/knowledge';
import type { LetterDocument } from '../../server/src/features/document';
import { documentSymbols } from '../../server/src/features/symbols';
import { foldingRanges } from '../../server/src/features/folding';
import { hover } from '../../server/src/features/hover';
import { completions } from '../../server/src/features/completion';
import { documentLinks } from '../../server/src/features/links';
import { decisionSummary } from '../../server/src/features/summary';
import { normalizePdfText } from '../../server/src/features/normalize';

/** White space as the parser counts it (JS \s plus the zero-width space). */
const SPACE_RUN = /[\s\u200b]+/g;

/** Collapses white space and trims: how span texts are compared. */
export function collapse(text: string): string {
  return text.replace(SPACE_RUN, ' ').trim();
}

/** Removes the emphasis markup the parser strips from structure lines. */
export function stripMarkup(text: string): string {
  return text.replace(/\*\*|__|<\/?b>|<\/?strong>/gi, '');
}

/** A short, printable description of an input for failure messages. */
export function describe(text: string): string {
  const head = JSON.stringify(text.slice(0, 300));
  return `${text.length} chars: ${head}${text.length > 300 ? '…' : ''}`;
}

interface Located {
  path: string;
  value: { start: number; end: number; text?: unknown };
}

/** Every object in the model with numeric `start` and `end` (spans, sections, items, the header). */
export function locatedObjects(decision: Decision): Located[] {
  const out: Located[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const o = value as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number') out.push({ path, value: o as Located['value'] });
    for (const [k, v] of Object.entries(o)) walk(v, `${path}.${k}`);
  };
  walk(decision, 'decision');
  return out;
}

/** The model's offsets lie in the text, and every span covers the text it names. */
export function assertModelRanges(text: string, decision: Decision): void {
  const n = text.length;
  for (const { path, value } of locatedObjects(decision)) {
    const { start, end } = value;
    assert.ok(
      Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= n,
      `${path} = [${start}, ${end}) lies outside the document (length ${n})`,
    );
    if (typeof value.text === 'string') {
      const source = collapse(stripMarkup(text.slice(start, end)));
      const named = collapse(stripMarkup(value.text));
      assert.equal(source, named, `${path}: the span's text ${JSON.stringify(value.text)} is not the source at [${start}, ${end}): ${JSON.stringify(text.slice(start, end))}`);
    }
  }
  const sections = decision.sections;
  for (const [i, s] of sections.entries()) {
    assert.ok(s.start <= s.bodyStart && s.bodyStart <= Math.max(s.end, s.bodyStart) && s.bodyStart <= n, `decision.sections[${i}] has bodyStart ${s.bodyStart} outside [${s.start}, ${s.end}]`);
  }
  for (const [i, s] of decision.suppressions.entries()) {
    assert.ok(Number.isInteger(s.line) && s.line >= 0, `decision.suppressions[${i}].line = ${s.line}`);
  }
}

/** Every finding, related location and fix edit lies inside the document; edits of a fix do not overlap. */
export function assertFindingRanges(text: string, analysis: Analysis): void {
  const n = text.length;
  const inside = (start: number, end: number) => Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= n;
  for (const f of analysis.findings) {
    assert.ok(inside(f.start, f.end), `finding ${f.code} [${f.start}, ${f.end}) lies outside the document (length ${n})`);
    assert.ok(typeof f.message === 'string' && f.message.trim().length > 0, `finding ${f.code} has no message`);
    for (const r of f.related ?? []) assert.ok(inside(r.start, r.end), `finding ${f.code}: related [${r.start}, ${r.end}) lies outside the document`);
    for (const fix of f.fixes ?? []) {
      const edits = [...fix.edits].sort((a, b) => a.start - b.start);
      for (const [k, e] of edits.entries()) {
        assert.ok(inside(e.start, e.end), `finding ${f.code}, fix "${fix.title}": edit [${e.start}, ${e.end}) lies outside the document`);
        if (k > 0) assert.ok(edits[k - 1].end <= e.start, `finding ${f.code}, fix "${fix.title}": edits overlap`);
      }
    }
  }
}

/** An LSP range given by a feature lies inside the document. */
export function assertLspRange(lines: LineIndex, text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, what: string): void {
  for (const p of [range.start, range.end]) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.lineCount, `${what}: line ${p.line} outside 0..${lines.lineCount - 1}`);
    const length = lines.lineEnd(p.line) - lines.lineStart(p.line);
    assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= length, `${what}: character ${p.character} outside line ${p.line} (length ${length})`);
  }
  const a = lines.offsetAt(range.start);
  const b = lines.offsetAt(range.end);
  assert.ok(a <= b && b <= text.length, `${what}: range ends before it starts`);
}

/** parse and analyze never throw, no check fails, every range is sound, and both are deterministic. */
export function checkText(text: string): Analysis {
  const decision = parse(text);
  assertModelRanges(text, decision);
  assert.deepEqual(parse(text), decision, 'parsing the same text twice gave different models');
  const analysis = analyze(text);
  assert.deepEqual(analysis.failures, [], 'a check threw');
  assertFindingRanges(text, analysis);
  assert.deepEqual(analyze(text).findings, analysis.findings, 'analysing the same text twice gave different findings');
  return analysis;
}

/** Offsets the features are asked about: the edges and a few places inside. */
function probeOffsets(text: string): number[] {
  const n = text.length;
  return [...new Set([0, n, Math.floor(n / 3), Math.floor(n / 2), Math.floor((2 * n) / 3), Math.max(0, n - 1)])];
}

/** The editor features never throw on the text, and their ranges lie inside the document. */
export function checkFeatures(text: string, analysis: Analysis = analyze(text)): void {
  const lines = new LineIndex(text);
  const doc: LetterDocument = { analysis, lines };
  const knowledge = defaultKnowledge();
  const walkSymbols = (symbols: ReturnType<typeof documentSymbols>, path: string) => {
    for (const [i, s] of symbols.entries()) {
      assertLspRange(lines, text, s.range, `${path}[${i}].range`);
      assertLspRange(lines, text, s.selectionRange, `${path}[${i}].selectionRange`);
      walkSymbols(s.children ?? [], `${path}[${i}].children`);
    }
  };
  walkSymbols(documentSymbols(doc), 'symbols');
  for (const f of foldingRanges(doc)) {
    assert.ok(f.startLine >= 0 && f.startLine <= f.endLine && f.endLine < lines.lineCount, `folding range ${f.startLine}-${f.endLine} outside the document`);
  }
  for (const offset of probeOffsets(text)) {
    const h = hover(doc, offset, knowledge);
    if (h?.range) assertLspRange(lines, text, h.range, `hover at ${offset}`);
    const c = completions(doc, offset, knowledge);
    for (const item of c.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertLspRange(lines, text, edit.range, `completion "${item.label}" at ${offset}`);
    }
  }
  for (const link of documentLinks(doc, knowledge)) assertLspRange(lines, text, link.range, `link ${link.target ?? ''}`);
  decisionSummary(doc);
  const normalized = normalizePdfText(doc);
  for (const e of normalized.edits) assert.ok(0 <= e.start && e.start <= e.end && e.end <= text.length, `normalizer edit [${e.start}, ${e.end}) outside the document`);
}
