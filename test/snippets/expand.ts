/**
 * Expands a VS Code snippet body the way the editor does when the user accepts every default:
 * each tab stop takes its placeholder text (or its first choice, or a choice given by the test),
 * mirrors repeat it, transforms rewrite it, variables are resolved. Only for tests: it covers the
 * snippet syntax (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar), and
 * throws on a body it cannot read, so a malformed snippet fails its test.
 */

/** What to fill in instead of the defaults. */
export interface ExpandOptions {
  /** Tab stop number -> the choice (or text) to use instead of the default. */
  values?: Record<number, string>;
  /** Variable name -> value; unknown variables expand to their name, as in VS Code. */
  variables?: Record<string, string>;
}

type Node =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number; children: Node[] | null; choices: string[] | null; transform: Transform | null }
  | { type: 'variable'; name: string; children: Node[] | null; transform: Transform | null };

interface Transform {
  regex: RegExp;
  /** How many capture groups the regex has. */
  groups: number;
  format: FormatPart[];
}

type FormatPart =
  | { type: 'text'; value: string }
  | { type: 'group'; group: number; ifSet?: string; ifUnset?: string; casing?: string };

/** The tab stop numbers a body uses, sorted, without repeats. */
export function tabStops(body: string): number[] {
  const found = new Set<number>();
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.type === 'tabstop') found.add(n.index);
      if (n.type !== 'text' && n.children) walk(n.children);
    }
  };
  walk(new SnippetParser(body).parseAll());
  return [...found].sort((a, b) => a - b);
}

/** Expands a snippet body (lines joined with "\n"). */
export function expandSnippet(body: string, options: ExpandOptions = {}): string {
  const nodes = new SnippetParser(body).parseAll();
  const variables = options.variables ?? {};
  const values = new Map<number, string>();
  // A tab stop's value comes from its first occurrence that has a placeholder or choices.
  const define = (list: Node[]) => {
    for (const n of list) {
      if (n.type === 'tabstop' && !values.has(n.index) && !n.transform) {
        if (options.values && n.index in options.values) values.set(n.index, options.values[n.index]);
        else if (n.choices) values.set(n.index, n.choices[0]);
        else if (n.children) values.set(n.index, render(n.children));
      }
      if (n.type !== 'text' && n.children) define(n.children);
    }
  };
  const render = (list: Node[]): string =>
    list
      .map((n) => {
        if (n.type === 'text') return n.value;
        if (n.type === 'variable') {
          const value = n.name in variables ? variables[n.name] : n.children ? render(n.children) : n.name;
          return n.transform ? applyTransform(n.transform, value) : value;
        }
        if (n.index === 0) return n.children ? render(n.children) : '';
        const value = values.get(n.index) ?? (n.children ? render(n.children) : '');
        return n.transform ? applyTransform(n.transform, value) : value;
      })
      .join('');
  define(nodes);
  return render(nodes);
}

function applyTransform(t: Transform, value: string): string {
  return value.replace(t.regex, (...args: unknown[]) => {
    const groups = args.slice(0, 1 + t.groups) as Array<string | undefined>;
    return t.format
      .map((part) => {
        if (part.type === 'text') return part.value;
        const g = groups[part.group];
        if (part.ifSet !== undefined || part.ifUnset !== undefined) return g ? (part.ifSet ?? g) : (part.ifUnset ?? '');
        const text = g ?? '';
        if (part.casing === 'upcase') return text.toUpperCase();
        if (part.casing === 'downcase') return text.toLowerCase();
        if (part.casing === 'capitalize') return text.charAt(0).toUpperCase() + text.slice(1);
        return text;
      })
      .join('');
  });
}

/** Recursive-descent reader of the snippet grammar. */
class SnippetParser {
  private pos = 0;

  constructor(private readonly src: string) {}

  parseAll(): Node[] {
    const nodes = this.parseUntil(null);
    if (this.pos < this.src.length) this.fail('unexpected "}"');
    return nodes;
  }

  /** Reads nodes until `stop` (unescaped) or the end; does not consume `stop`. */
  private parseUntil(stop: string | null): Node[] {
    const nodes: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && this.pos + 1 < this.src.length && '$}\\'.includes(this.src[this.pos + 1])) {
        text += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (stop !== null && c === stop) break;
      if (stop === null && c === '}') break;
      if (c === '$') {
        const node = this.parseDollar();
        if (node) {
          flush();
          nodes.push(node);
          continue;
        }
      }
      text += c;
      this.pos++;
    }
    flush();
    return nodes;
  }

  /** At a "$": a tab stop, a variable, or (when nothing follows) plain "$". */
  private parseDollar(): Node | null {
    const rest = this.src.slice(this.pos + 1);
    const simple = /^(\d+)|^([_A-Za-z][_A-Za-z0-9]*)/.exec(rest);
    if (simple) {
      this.pos += 1 + simple[0].length;
      if (simple[1] !== undefined) return { type: 'tabstop', index: Number(simple[1]), children: null, choices: null, transform: null };
      return { type: 'variable', name: simple[2], children: null, transform: null };
    }
    if (rest[0] !== '{') return null;
    const head = /^\{(\d+)|^\{([_A-Za-z][_A-Za-z0-9]*)/.exec(rest);
    if (!head) this.fail('"${" must be followed by a number or a variable name');
    this.pos += 1 + head![0].length;
    const index = head![1] !== undefined ? Number(head![1]) : null;
    const name = head![2];
    const c = this.src[this.pos];
    let children: Node[] | null = null;
    let choices: string[] | null = null;
    let transform: Transform | null = null;
    if (c === ':') {
      this.pos++;
      children = this.parseUntil('}');
    } else if (c === '|' && index !== null) {
      this.pos++;
      choices = this.parseChoices();
    } else if (c === '/') {
      this.pos++;
      transform = this.parseTransform();
    } else if (c !== '}') {
      this.fail(`unexpected ${JSON.stringify(c)} in a placeholder`);
    }
    this.expect('}');
    if (index !== null) return { type: 'tabstop', index, children, choices, transform };
    return { type: 'variable', name: name!, children, transform };
  }

  private parseChoices(): string[] {
    const choices: string[] = [];
    let current = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && ',|\\$}'.includes(this.src[this.pos + 1] ?? '')) {
        current += this.src[this.pos + 1];
        this.pos += 2;
        continue;
      }
      if (c === ',') {
        choices.push(current);
        current = '';
        this.pos++;
        continue;
      }
      if (c === '|') {
        choices.push(current);
        this.pos++;
        return choices;
      }
      current += c;
      this.pos++;
    }
    this.fail('unterminated choice');
  }

  private parseTransform(): Transform {
    const source = this.readUntilSlash();
    const formatText = this.readUntilSlash();
    const flags = /^[a-z]*/.exec(this.src.slice(this.pos))![0];
    this.pos += flags.length;
    const regex = new RegExp(source, flags);
    const groups = new RegExp(`${source}|`).exec('')!.length - 1;
    return { regex, groups, format: parseFormat(formatText) };
  }

  private readUntilSlash(): string {
    let out = '';
    while (this.pos < this.src.length) {
      const c = this.src[this.pos];
      if (c === '\\' && this.src[this.pos + 1] === '/') {
        out += '/';
        this.pos += 2;
        continue;
      }
      if (c === '\\') {
        out += c + (this.src[this.pos + 1] ?? '');
        this.pos += 2;
        continue;
      }
      if (c === '/') {
        this.pos++;
        return out;
      }
      out += c;
      this.pos++;
    }
    this.fail('unterminated transform');
  }

  private expect(c: string): void {
    if (this.src[this.pos] !== c) this.fail(`expected ${JSON.stringify(c)}`);
    this.pos++;
  }

  private fail(message: string): never {
    throw new Error(`snippet: ${message} at offset ${this.pos}: ${JSON.stringify(this.src.slice(Math.max(0, this.pos - 20), this.pos + 20))}`);
  }
}

/** Reads a transform's format string: text, $n, ${n}, ${n:/upcase}, ${n:?if:else}, ${n:+if}, ${n:-else}. */
function parseFormat(text: string): FormatPart[] {
  const parts: FormatPart[] = [];
  let i = 0;
  let plain = '';
  const flush = () => {
    if (plain) parts.push({ type: 'text', value: plain });
    plain = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) {
      plain += text[i + 1] === 'n' ? '\n' : text[i + 1] === 't' ? '\t' : text[i + 1];
      i += 2;
      continue;
    }
    const simple = c === '$' ? /^\$(\d+)/.exec(text.slice(i)) : null;
    if (simple) {
      flush();
      parts.push({ type: 'group', group: Number(simple[1]) });
      i += simple[0].length;
      continue;
    }
    const braced = c === '$' ? /^\$\{(\d+)(?:(:\/)(upcase|downcase|capitalize)|:\?([^:}]*):([^}]*)|:\+([^}]*)|:-?([^}]*))?\}/.exec(text.slice(i)) : null;
    if (braced) {
      flush();
      const group = Number(braced[1]);
      if (braced[3]) parts.push({ type: 'group', group, casing: braced[3] });
      else if (braced[4] !== undefined) parts.push({ type: 'group', group, ifSet: braced[4], ifUnset: braced[5] });
      else if (braced[6] !== undefined) parts.push({ type: 'group', group, ifSet: braced[6], ifUnset: '' });
      else if (braced[7] !== undefined) parts.push({ type: 'group', group, ifUnset: braced[7] });
      else parts.push({ type: 'group', group });
      i += braced[0].length;
      continue;
    }
    plain += c;
    i++;
  }
  flush();
  return parts;
}
