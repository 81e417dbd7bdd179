/**
 * `.gitignore`-style patterns for `imr-check --ignore`: `*` (any characters but `/`), `?` (one
 * character but `/`), `**` (any number of folders), a trailing `/` (folders only). A pattern with
 * no `/` but a trailing one matches a name at any depth; a pattern with a `/` is anchored at the
 * folder being checked (a leading `/` is dropped). Matched by loops, not regular expressions, so a
 * hostile pattern cannot make matching slow.
 */

/** A compiled pattern. */
export interface IgnorePattern {
  /** The pattern's `/`-separated parts (`**` kept as a part). */
  parts: string[];
  /** Matches folders only (written with a trailing `/`). */
  foldersOnly: boolean;
  /** Matches a name at any depth (written without an inner `/`). */
  anyDepth: boolean;
}

/** Compiles a pattern; undefined for an empty one. */
export function compileIgnore(pattern: string): IgnorePattern | undefined {
  let p = pattern.trim();
  const foldersOnly = p.endsWith('/');
  while (p.endsWith('/')) p = p.slice(0, -1);
  const anyDepth = !p.includes('/');
  while (p.startsWith('/')) p = p.slice(1);
  if (p === '') return undefined;
  return { parts: p.split('/').filter((s) => s !== ''), foldersOnly, anyDepth };
}

/** Does the pattern match this path (relative to the folder checked, `/`-separated)? */
export function ignores(pattern: IgnorePattern, relative: string, isFolder: boolean): boolean {
  if (pattern.foldersOnly && !isFolder) return false;
  const segments = relative.split('/');
  if (pattern.anyDepth) return pattern.parts.length === 1 && matchSegment(pattern.parts[0], segments[segments.length - 1]);
  return matchPath(pattern.parts, segments);
}

/** Path parts against pattern parts, `**` standing for any number of parts (dynamic programming). */
function matchPath(parts: readonly string[], segments: readonly string[]): boolean {
  // can[i][j]: pattern parts from i match path segments from j.
  const can: boolean[][] = [];
  for (let i = 0; i <= parts.length; i++) can.push(new Array<boolean>(segments.length + 1).fill(false));
  can[parts.length][segments.length] = true;
  for (let i = parts.length - 1; i >= 0; i--) {
    for (let j = segments.length; j >= 0; j--) {
      if (parts[i] === '**') can[i][j] = can[i + 1][j] || (j < segments.length && can[i][j + 1]);
      else can[i][j] = j < segments.length && matchSegment(parts[i], segments[j]) && can[i + 1][j + 1];
    }
  }
  return can[0][0];
}

/** One name against one pattern part with `*` and `?` (greedy with one backtrack point: linear). */
export function matchSegment(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (p < pattern.length && (pattern[p] === '?' || pattern[p] === name[n])) {
      p++;
      n++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = n;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else return false;
  }
  while (p < pattern.length && pattern[p] === '*') p++;
  return p === pattern.length;
}
