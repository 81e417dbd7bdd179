/** Small helpers to write the markdown of hovers and completion documentation safely. */

/**
 * Escapes what markdown would read as markup in a piece of plain text: emphasis, code, links, HTML
 * and tables; with `lineStart`, also a heading, list or rule mark the text starts with.
 */
export function escapeMarkdown(text: string, lineStart = false): string {
  const escaped = text.replace(/([\\`*_[\]<>|])/g, '\\$1');
  if (!lineStart) return escaped;
  return escaped.replace(/^(\s*)([#+\-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Shortens a text to at most `max` characters at a word boundary, with an ellipsis. */
export function shorten(text: string, max = 240): string {
  const t = text.replace(/\s+/g, ' ').trim();
  if (t.length <= max) return t;
  const cut = t.lastIndexOf(' ', max - 1);
  return `${t.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}

/** A quoted passage (markdown block quote), escaped and shortened. */
export function quote(text: string, max = 240): string {
  return `> ${escapeMarkdown(shorten(text, max), true)}`;
}
