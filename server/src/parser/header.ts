/**
 * The header block: case number, the five dates, priority. Read from the lines before the first
 * section as one text, so that a label or a value that a PDF extractor moved to the next line
 * ("Priority: Standard Application" / "Received:" / "11/03/2016") is still found.
 */
import { isSpace } from '../text/space';
import type { Header, HeaderField, Section, Span } from '../model';
import type { Line } from './lines';
import type { LetterSource } from './source';
import { HEADER_LABEL, SPLIT_APPLICATION_RECEIVED, headerFieldOf } from './vocabulary';

/** The most lines read as the header of a text that has no section heading. */
const HEADER_LINES_WITHOUT_SECTIONS = 60;
/** The most lines read as the header before the first section (a header is a dozen lines). */
const MAX_HEADER_LINES = 200;

interface Label {
  label: string;
  from: number;
  to: number;
  /** The value's [from, to) in the block text, once known. */
  value: [number, number];
}

/**
 * Reads the header fields from the lines before the first section. The header is a table of two
 * columns; extractors read it row by row ("Date Assigned: 11/09/2016 Date of Injury: 10/13/2016"),
 * with a label broken over lines, or column by column (the labels, then their values, in order).
 */
export function readHeader(src: LetterSource, sections: Section[]): Header | null {
  const first = sections.length ? sections.reduce((min, s) => Math.min(min, s.start), Infinity) : undefined;
  const lines = (first !== undefined ? src.linesIn(0, first) : src.lines).slice(0, first !== undefined ? MAX_HEADER_LINES : HEADER_LINES_WITHOUT_SECTIONS);
  const block = joinBare(src, lines);
  const labels = findLabels(block.text);
  fillFromColumn(block.text, labels);
  const fields: HeaderField[] = [];
  for (const l of labels) {
    const field = headerFieldOf(l.label);
    if (!field) continue;
    const value = block.span(l.value[0], l.value[1]);
    const out: HeaderField = { name: field.name, label: block.span(l.from, l.to), value };
    if (field.date) {
      const iso = toIsoDate(value.text);
      if (iso) out.iso = iso;
    }
    fields.push(out);
  }
  if (fields.length === 0) return null;
  return {
    start: fields.reduce((min, f) => Math.min(min, f.label.start), Infinity),
    end: fields.reduce((max, f) => Math.max(max, f.value.end, f.label.end), 0),
    fields,
  };
}

/** The labels of the block in order, each with the value that follows it on its line (or the next). */
function findLabels(text: string): Label[] {
  const found: Array<{ label: string; from: number; to: number; valueFrom: number; value?: [number, number] }> = [];
  HEADER_LABEL.lastIndex = 0;
  for (let m = HEADER_LABEL.exec(text); m; m = HEADER_LABEL.exec(text)) {
    found.push({ label: m[1], from: m.index, to: m.index + m[1].length, valueFrom: m.index + m[0].length });
  }
  // "Application   11/03/2016" with "Received:" on the line below (a layout-keeping extractor).
  SPLIT_APPLICATION_RECEIVED.lastIndex = 0;
  for (let m = SPLIT_APPLICATION_RECEIVED.exec(text); m; m = SPLIT_APPLICATION_RECEIVED.exec(text)) {
    const valueFrom = m.index + m[0].indexOf(m[1]);
    found.push({ label: 'Application Received', from: m.index, to: m.index + m[0].length, valueFrom, value: [valueFrom, valueFrom + m[1].length] });
  }
  found.sort((x, y) => x.from - y.from);
  return found.map((l, k) => ({
    label: l.label,
    from: l.from,
    to: l.to,
    value: l.value ?? [l.valueFrom, valueEnd(text, l.valueFrom, k + 1 < found.length ? found[k + 1].from : text.length)],
  }));
}

/**
 * A header read column by column: labels without values, then lines holding only values. Each
 * such line, in order, is the value of the next label still without one.
 */
function fillFromColumn(text: string, labels: Label[]): void {
  const waiting: Label[] = [];
  let k = 0;
  for (let at = 0; at <= text.length; ) {
    const end = text.indexOf('\n', at) < 0 ? text.length : text.indexOf('\n', at);
    const onLine = [] as Label[];
    while (k < labels.length && labels[k].from < end) onLine.push(labels[k++]);
    // A line a label runs onto ("Application" / "Received:"), or that holds a label's value, is no orphan value.
    const used = labels.some((l) => (l.from < end && l.to > at) || (l.value[0] < end && l.value[1] > at && text.slice(l.value[0], l.value[1]).trim()));
    const own = text.slice(at, end).trim();
    if (onLine.length) {
      for (const l of onLine) if (!text.slice(l.value[0], l.value[1]).trim()) waiting.push(l);
    } else if (own && !used && waiting.length) {
      waiting.shift()!.value = [at, end];
    }
    at = end + 1;
  }
}

/**
 * Where a value that starts at `from` ends: at the next label or its line's end; a label with
 * nothing after it on its line takes the next line ("Received:" / "11/03/2016").
 */
function valueEnd(text: string, from: number, nextLabel: number): number {
  let lineEnd = text.indexOf('\n', from);
  if (lineEnd < 0 || lineEnd > nextLabel) return nextLabel;
  if (text.slice(from, lineEnd).trim()) return lineEnd;
  const nextEnd = text.indexOf('\n', lineEnd + 1);
  lineEnd = nextEnd < 0 ? text.length : nextEnd;
  return Math.min(lineEnd, nextLabel);
}

/**
 * The bare texts of lines joined by line breaks, with the source offset of every character. A
 * blank line, or a line too long to be structure, stays an empty line (a value never crosses it).
 */
function joinBare(src: LetterSource, lines: Line[]): { text: string; span(from: number, to: number): Span } {
  let text = '';
  const offsets: number[] = [];
  for (const line of lines) {
    const b = src.isStructureCandidate(line) ? src.bareOf(line) : undefined;
    if (text) {
      text += '\n';
      offsets.push(offsets[offsets.length - 1] + 1);
    }
    if (!b) continue;
    text += b.text;
    b.appendOffsets(offsets);
  }
  const span = (from: number, to: number): Span => {
    while (from < to && isSpace(text.charCodeAt(from))) from++;
    while (to > from && isSpace(text.charCodeAt(to - 1))) to--;
    // A value ends at the end of its line when the next line is another field's.
    const cut = text.slice(from, to);
    if (to <= from) {
      const at = from < offsets.length ? offsets[from] : (offsets[offsets.length - 1] ?? -1) + 1;
      return { text: '', start: at, end: at };
    }
    return { text: cut.replace(/\s+/g, ' '), start: offsets[from], end: offsets[to - 1] + 1 };
  };
  return { text, span };
}

/** "02/19/2015" or "2/4/2015" to "2015-02-19"; undefined unless it is a real calendar date. */
export function toIsoDate(text: string): string | undefined {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  return isoOf(Number(m[3]), Number(m[1]), Number(m[2]));
}

/** yyyy-mm-dd for a real calendar date, else undefined. */
export function isoOf(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || year < 1900) return undefined;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  if (day > days) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
