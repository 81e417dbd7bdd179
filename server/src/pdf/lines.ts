/**
 * Rebuilding the lines of a PDF page from the positions of its text runs: runs on one baseline make
 * a line (read left to right, a space where there is a horizontal gap), lines go top to bottom, and
 * a blank line stands where the gap to the next line is clearly larger than the page's usual line
 * spacing (a paragraph break). Pure: text runs in, lines out.
 */

/** A run of text as pdf.js gives it: its string, baseline origin, advance width and font size. */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Row {
  y: number;
  size: number;
  runs: TextRun[];
}

/** A gap wider than this share of the font size between two runs is a space. */
const SPACE_GAP = 0.15;
/** Two runs whose baselines differ by less than this share of the font size share a line. */
const SAME_LINE = 0.4;
/** A gap between lines this many times the usual spacing is a paragraph break. */
const PARAGRAPH_GAP = 1.6;

/** The lines of one page, top to bottom; paragraph breaks are empty lines. */
export function pageLines(runs: readonly TextRun[]): string[] {
  const rows = rowsOf(runs);
  const usual = usualSpacing(rows);
  const lines: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const text = rowText(rows[i]);
    if (text === '') continue;
    if (i > 0 && lines.length > 0 && usual > 0 && rows[i - 1].y - rows[i].y > usual * PARAGRAPH_GAP) lines.push('');
    lines.push(text);
  }
  return lines;
}

/** Groups the runs into rows by baseline, top row first. */
function rowsOf(runs: readonly TextRun[]): Row[] {
  const sorted = runs.filter((r) => r.str !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const run of sorted) {
    const row = rows.length > 0 ? rows[rows.length - 1] : undefined;
    if (row && Math.abs(row.y - run.y) <= Math.max(row.size, run.size) * SAME_LINE) {
      row.runs.push(run);
      if (run.size > row.size) row.size = run.size;
    } else rows.push({ y: run.y, size: run.size, runs: [run] });
  }
  return rows;
}

/** The text of a row: runs left to right, one space for each gap, spaces collapsed, ends trimmed. */
function rowText(row: Row): string {
  const runs = row.runs.slice().sort((a, b) => a.x - b.x);
  let text = '';
  let end = -Infinity;
  for (const run of runs) {
    if (text !== '' && run.x - end > row.size * SPACE_GAP) text += ' ';
    text += run.str;
    end = Math.max(end, run.x + run.width);
  }
  return collapseSpaces(text);
}

/** Runs of white space become one space; the ends are trimmed. */
function collapseSpaces(text: string): string {
  let out = '';
  let space = false;
  for (const ch of text) {
    if (ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\n' || ch === '\r') {
      space = out !== '';
      continue;
    }
    if (space) out += ' ';
    out += ch;
    space = false;
  }
  return out;
}

/** The page's usual distance between consecutive baselines (the median), or 0 when unknown. */
function usualSpacing(rows: readonly Row[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < rows.length; i++) {
    const gap = rows[i - 1].y - rows[i].y;
    if (gap > 0) gaps.push(gap);
  }
  if (gaps.length === 0) return 0;
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}
