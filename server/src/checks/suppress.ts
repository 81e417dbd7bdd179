import type { Suppression } from '../model';
import type { LineIndex } from '../text/lineIndex';
import type { Finding, Fix } from './types';
import { eolOf, lineStartAt } from './util';

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

/** The "disable for this line / this file" fixes every finding offers. */
export function suppressionFixes(finding: Finding, text: string): Fix[] {
  const eol = eolOf(text);
  const lineStart = lineStartAt(text, finding.start);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, lineStart + 40))?.[0] ?? '';
  return [
    {
      title: `Disable ${finding.code} for this line`,
      edits: [{ start: lineStart, end: lineStart, newText: `${indent}<!-- imr-disable-next-line ${finding.code} -->${eol}` }],
    },
    {
      title: `Disable ${finding.code} for this file`,
      edits: [{ start: 0, end: 0, newText: `<!-- imr-disable-file ${finding.code} -->${eol}` }],
    },
  ];
}
