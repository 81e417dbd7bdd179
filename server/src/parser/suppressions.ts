/** Inline suppression comments: `<!-- imr-disable-next-line CODE -->`, `-line`, `-file`. */
import type { Suppression } from '../model';
import type { LetterSource } from './source';

/** Every suppression comment of the letter, in order. */
export function findSuppressions(src: LetterSource): Suppression[] {
  const out: Suppression[] = [];
  const text = src.text;
  if (!text.includes('imr-disable')) return out;
  // A comment is `<!-- imr-disable[-scope] codes -->` with no ">" before its end. Read as a head,
  // then the first ">" after it (found once for all heads before it: unclosed comments by the
  // thousand stay linear), which must close "-->".
  const head = /<!--\s*imr-disable(-next-line|-line|-file)?\b/g;
  let gt = -1;
  let lineAt = 0;
  for (let m = head.exec(text); m; m = head.exec(text)) {
    const bodyFrom = m.index + m[0].length;
    if (gt < bodyFrom) gt = text.indexOf('>', bodyFrom);
    if (gt < 0) break;
    if (gt - 2 < bodyFrom || text.charCodeAt(gt - 1) !== 45 || text.charCodeAt(gt - 2) !== 45) {
      head.lastIndex = m.index + 1;
      continue;
    }
    const end = gt + 1;
    head.lastIndex = end;
    const scope = m[1] === '-next-line' ? 'next-line' : m[1] === '-line' ? 'line' : 'file';
    const codes = text.slice(bodyFrom, gt - 2).split(/[\s,]+/).filter((c) => /^[a-z][a-z-]*$/.test(c));
    // The comment's line: the last line starting at or before it (comments come in order).
    while (lineAt + 1 < src.lines.length && src.lines[lineAt + 1].start <= m.index) lineAt++;
    out.push({ scope, codes, line: src.lines[lineAt].index, span: { text: text.slice(m.index, end), start: m.index, end } });
  }
  return out;
}
