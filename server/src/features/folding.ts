/**
 * Folding ranges: the header block, each section, each disputed item, and each guideline line or
 * rationale that runs over several lines.
 */
import type { FoldingRange } from 'vscode-languageserver-types';
import type { LetterDocument } from './document';

type Offsets = { start: number; end: number };

/** Folding ranges of a letter, sorted by start line, one per start line. */
export function foldingRanges(doc: LetterDocument): FoldingRange[] {
  return build(doc);
}

function build(doc: LetterDocument): FoldingRange[] {
  const { decision } = doc.analysis;
  const { lines } = doc;
  // Start line -> end line; when two ranges start on the same line the larger one wins.
  const byStart = new Map<number, number>();
  const add = (span: Offsets | null | undefined) => {
    if (!span || span.end <= span.start) return;
    const startLine = lines.lineAt(span.start);
    const endLine = lines.lineAt(span.end);
    if (endLine <= startLine) return;
    const known = byStart.get(startLine);
    if (known === undefined || known < endLine) byStart.set(startLine, endLine);
  };
  if (decision.header) add(decision.header);
  for (const section of decision.sections) add(section);
  for (const item of decision.items) {
    add(item);
    for (const line of item.guidelines) add({ start: line.label.start, end: Math.max(line.label.end, line.value.end) });
    const r = item.rationale;
    if (r) add({ start: r.label ? r.label.start : r.body.start, end: r.body.end });
  }
  return [...byStart.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([startLine, endLine]) => ({ startLine, endLine }));
}
