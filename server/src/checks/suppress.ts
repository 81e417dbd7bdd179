import type { Suppression } from '../model';
import type { LineIndex } from '../text/lineIndex';
import type { Finding, Fix } from './types';
import { eolOf, lineEndAt, lineStartAt } from './util';

/**
 * Drops findings the letter's author silenced with inline comments:
 * `<!-- imr-disable-next-line code -->` (the next non-blank line), `<!-- imr-disable-line code -->`
 * (its own line), `<!-- imr-disable-file code -->` (the whole letter). No code = every check.
 */
export function applySuppressions(findings: Finding[], suppressions: readonly Suppression[], text: string, lines: LineIndex): Finding[] {
  if (suppressions.length === 0) return findings;
  const fileWide = new Set<string>();
  let allFile = false;
  const byLine = new Map<number, Suppression[]>();
  for (const s of suppressions) {
    if (s.scope === 'file') {
      if (s.codes.length === 0) allFile = true;
      s.codes.forEach((c) => fileWide.add(c));
      continue;
    }
    let target = s.line;
    if (s.scope === 'next-line') {
      target = s.line + 1;
      while (target < lines.lineCount && text.slice(lines.lineStart(target), lines.lineEnd(target)).trim() === '') target++;
    }
    const list = byLine.get(target) ?? [];
    list.push(s);
    byLine.set(target, list);
  }
  if (allFile) return [];
  return findings.filter((f) => {
    if (fileWide.has(f.code)) return false;
    const here = byLine.get(lines.positionAt(f.start).line);
    return !here?.some((s) => s.codes.length === 0 || s.codes.includes(f.code));
  });
}

/**
 * The "disable for this line / this file" fixes every finding offers. On a line that starts a
 * paragraph, the comment goes on its own line above (`imr-disable-next-line`); on a line that
 * continues a hard-wrapped paragraph, it goes at the end of the line (`imr-disable-line`), so the
 * paragraph is not split by a line of its own.
 */
export function suppressionFixes(finding: Finding, text: string): Fix[] {
  const eol = eolOf(text);
  const lineStart = lineStartAt(text, finding.start);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 40))?.[0] ?? '';
  const comment = (scope: string) => `<!-- imr-disable-${scope} ${finding.code} -->`;
  const lineFix: Fix = continuesParagraph(text, lineStart)
    ? { title: `Disable ${finding.code} for this line`, edits: [{ start: contentEnd(text, lineStart), end: contentEnd(text, lineStart), newText: ` ${comment('line')}` }] }
    : { title: `Disable ${finding.code} for this line`, edits: [{ start: lineStart, end: lineStart, newText: `${indent}${comment('next-line')}${eol}` }] };
  return [
    lineFix,
    {
      title: `Disable ${finding.code} for this file`,
      edits: [{ start: 0, end: 0, newText: `${comment('file')}${eol}` }],
    },
  ];
}

/** How far back a hard-wrapped paragraph's previous line is looked for (PDF text puts blank lines between). */
const WRAP_LOOKBACK_LINES = 2;

/**
 * Whether the line starting at `lineStart` continues the text of the lines above: the line before
 * it has text, or (PDF text, a blank line between wrapped lines) the last line with text within two
 * lines ends mid-sentence. A line of markup (heading, label, list, comment) is never a continuation.
 */
function continuesParagraph(text: string, lineStart: number): boolean {
  if (/^[ \t]*(?:#|\*\*|<|[-*+] |\d+\. |$)/.test(text.slice(lineStart, lineEndAt(text, lineStart)))) return false;
  let end = lineStart;
  for (let back = 0; back < WRAP_LOOKBACK_LINES && end > 0; back++) {
    end = lineBreakStart(text, end);
    const start = lineStartAt(text, end);
    const previous = text.slice(start, end).trim();
    if (previous !== '') return back === 0 || !/[.!?:]["')\]]?$/.test(previous);
    end = start;
  }
  return false;
}

/** The offset where the line break before `lineStart` begins (the end of the line above). */
function lineBreakStart(text: string, lineStart: number): number {
  let i = lineStart;
  if (i > 0 && text[i - 1] === '\n') i--;
  if (i > 0 && text[i - 1] === '\r') i--;
  return i;
}

/** The end of a line's text, before trailing spaces (a markdown hard break stays after the comment). */
function contentEnd(text: string, lineStart: number): number {
  let end = lineEndAt(text, lineStart);
  while (end > lineStart && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}
