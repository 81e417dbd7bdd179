/**
 * Edit consistency of the real server over stdio: thousands of random incremental edits (typing,
 * deleting, pasting, line ends of every kind, odd characters), sent in bursts to several letters at
 * once. After every burst the diagnostics the server publishes equal those of a fresh analysis of
 * the same text, every diagnostics notification matches the text of the version it names, versions
 * never go backwards (no stale result after a newer one), and the server's model (imr/exportJson)
 * matches a fresh parse.
 *
 * Size: `IMR_EDIT_BURSTS` bursts (default 50) of `IMR_EDIT_BURST_SIZE` edits (default 20) on each of
 * `IMR_EDIT_DOCS` letters (default 10): 10,000 edits. `IMR_FUZZ_SEED` replays a run.
 */
import { seeded } from '../helpers';
import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { analyze } from '../../server/src/engine';
import { decisionToJson, findingsToJson } from '../../server/src/json';
import { toDiagnostic } from '../../server/src/service/diagnostics';
import { LineIndex } from '../../server/src/text/lineIndex';
import { ODD_CHARACTERS, STRUCTURE_TOKENS, seedLetters } from '../fuzz/generators';
import { startClient, type LspTestClient } from './client';

const DOCS = Number(process.env.IMR_EDIT_DOCS ?? 10);
const BURSTS = Number(process.env.IMR_EDIT_BURSTS ?? 50);
const BURST_SIZE = Number(process.env.IMR_EDIT_BURST_SIZE ?? 20);
const SEED = process.env.IMR_FUZZ_SEED ? Number(process.env.IMR_FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
/** Compare the whole model (imr/exportJson) every this many bursts. */
const MODEL_EVERY = 10;


interface Change {
  start: number;
  end: number;
  text: string;
}

/** LSP position of an offset: line breaks are \r\n, \r and \n; characters are UTF-16 units. */
function positionOf(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10 && i + 1 < offset) {
      i++;
      line++;
      lineStart = i + 1;
    } else if (c === 10 || c === 13) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

/** An offset never inside a \r\n pair (LSP positions cannot name it). */
function safeOffset(text: string, offset: number): number {
  if (offset > 0 && offset < text.length && text[offset - 1] === '\r' && text[offset] === '\n') return offset - 1;
  return offset;
}

/**
 * Random edits that look like an editor's: typing, deleting, pasting, odd characters. Line breaks
 * are written in the document's own line end, as VS Code does (it never leaves a lone CR in a
 * document; the lone-CR case has its own test below).
 */
class EditMaker {
  constructor(
    private readonly random: () => number,
    private readonly pastes: string[],
    private readonly eol: '\n' | '\r\n',
  ) {}

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }

  private pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }

  private snippet(): string {
    const r = this.random();
    if (r < 0.3) return this.pick(STRUCTURE_TOKENS);
    if (r < 0.5) return this.pick(ODD_CHARACTERS);
    if (r < 0.7) return this.pick(['\n', '\r\n', '\r', '\n\n', ' ', '\t', ':', '**', '#', '.']);
    if (r < 0.9) return this.pick(['Baclofen', 'Upheld', 'Overturned', 'medically', 'necessary', ' not ', 'Page(s): 65', 'MTUS', '20mg', '#120', 'QTY', 'the']);
    const paste = this.pick(this.pastes);
    const from = this.int(paste.length);
    return paste.slice(from, from + 1 + this.int(400));
  }

  /** Inserted text, its line breaks in the document's line end. */
  private insertion(): string {
    return this.snippet().replace(/\r\n|\r|\n/g, this.eol);
  }

  /** One change against the current text. */
  next(text: string): Change {
    const n = text.length;
    const r = this.random();
    const at = safeOffset(text, this.int(n + 1));
    if (r < 0.45 || n === 0) return { start: at, end: at, text: this.insertion() };
    const length = this.random() < 0.8 ? 1 + this.int(8) : 1 + this.int(300);
    const end = safeOffset(text, Math.min(n, at + length));
    if (r < 0.8 || n > 40_000) return { start: at, end: Math.max(at, end), text: '' };
    return { start: at, end: Math.max(at, end), text: this.insertion() };
  }
}

function apply(text: string, c: Change): string {
  return text.slice(0, c.start) + c.text + text.slice(c.end);
}

function expectedDiagnostics(uri: string, text: string): Diagnostic[] {
  const lines = new LineIndex(text);
  return JSON.parse(JSON.stringify(analyze(text).findings.map((f) => toDiagnostic(f, uri, lines))));
}

describe(`edit consistency: ${DOCS} letters × ${BURSTS} bursts × ${BURST_SIZE} edits against the real server (seed ${SEED})`, () => {
  let client: LspTestClient;
  /** Every publish, per uri, in order of arrival. */
  const publishes = new Map<string, PublishDiagnosticsParams[]>();

  before(async () => {
    client = await startClient({ settings: {}, timeoutMs: 30_000 });
    const set = client.diagnostics.set.bind(client.diagnostics);
    client.diagnostics.set = (uri: string, p: PublishDiagnosticsParams) => {
      publishes.set(uri, [...(publishes.get(uri) ?? []), p]);
      return set(uri, p);
    };
    await client.initialize();
  });

  after(async () => {
    await client.shutdown();
  });

  test('published diagnostics always equal a fresh analysis of the same text, and are never stale', async () => {
    const seeds = seedLetters();
    const random = seeded(SEED);
    const failures: string[] = [];

    const runDocument = async (d: number) => {
      const uri = `file:///edits/letter-${d}.imr`;
      // Every other letter in CRLF line ends.
      const eol = d % 2 === 0 ? '\n' : '\r\n';
      let text = seeds[d % seeds.length].replace(/\r\n|\r|\n/g, eol);
      let version = 1;
      /** Texts of versions not yet superseded by a published one. */
      const texts = new Map<number, string>([[1, text]]);
      const maker = new EditMaker(seeded(SEED + d * 7919), seeds, eol);
      let checked = 0;
      client.open(uri, text, 'imr', version);
      const verifyPublishes = () => {
        const list = publishes.get(uri) ?? [];
        for (; checked < list.length; checked++) {
          const p = list[checked];
          const previous = checked > 0 ? list[checked - 1].version : undefined;
          if (p.version === undefined) failures.push(`${uri}: a publish without a version`);
          else if (previous !== undefined && p.version < previous) failures.push(`${uri}: version ${p.version} published after version ${previous} (stale)`);
          const at = p.version !== undefined ? texts.get(p.version) : undefined;
          if (at === undefined) {
            failures.push(`${uri}: diagnostics for version ${p.version}, older than a version already published`);
            continue;
          }
          const expected = expectedDiagnostics(uri, at);
          try {
            assert.deepEqual(p.diagnostics, expected);
          } catch (e) {
            failures.push(`${uri} version ${p.version}: published diagnostics differ from a fresh analysis:\n${(e as Error).message.slice(0, 1500)}\ntext: ${JSON.stringify(at.slice(0, 400))}`);
          }
          for (const v of [...texts.keys()]) if (v < p.version!) texts.delete(v);
        }
      };
      for (let burst = 0; burst < BURSTS && failures.length === 0; burst++) {
        for (let k = 0; k < BURST_SIZE; k++) {
          // Now and then several changes in one notification (applied in order, as LSP says).
          const count = random() < 0.15 ? 2 + Math.floor(random() * 3) : 1;
          const changes: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string }> = [];
          for (let c = 0; c < count; c++) {
            const change = maker.next(text);
            changes.push({ range: { start: positionOf(text, change.start), end: positionOf(text, change.end) }, text: change.text });
            text = apply(text, change);
          }
          version++;
          texts.set(version, text);
          await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
          k += count - 1;
        }
        const last = version;
        await client.waitForDiagnostics(uri, { accept: (p) => p.version === last });
        verifyPublishes();
        if ((burst + 1) % MODEL_EVERY === 0 || burst === BURSTS - 1) {
          const exported = await client.request<{ decision: unknown; diagnostics: unknown }>('imr/exportJson', { uri });
          const lines = new LineIndex(text);
          const analysis = analyze(text);
          try {
            assert.deepEqual(JSON.parse(JSON.stringify(exported.decision)), JSON.parse(JSON.stringify(decisionToJson(analysis.decision, text, lines))));
            assert.deepEqual(JSON.parse(JSON.stringify(exported.diagnostics)), JSON.parse(JSON.stringify(findingsToJson(analysis.findings, text, lines))));
          } catch (e) {
            failures.push(`${uri} version ${version}: the server's model differs from a fresh parse of the same text (its copy of the text is out of step?):\n${(e as Error).message.slice(0, 1500)}`);
          }
        }
      }
      client.close(uri);
    };

    await Promise.all(Array.from({ length: DOCS }, (_, d) => runDocument(d)));
    assert.deepEqual(failures, [], `replay with IMR_FUZZ_SEED=${SEED}`);
  });

  test('a client that leaves lone CR line ends: the server keeps its copy of the text in step', async () => {
    // "a\rb", then "\n" typed after the CR (making a CRLF), then "X" typed at the start of line 1.
    // The client's text is "a\r\nXb"; a server that miscounts the lines after the first edit puts
    // the X between the CR and the LF.
    const uri = 'file:///edits/lone-cr.imr';
    const seed = seedLetters()[0];
    const head = `${seed}\na\rb`;
    const line = head.split(/\r\n|\r|\n/).length - 1;
    client.open(uri, head, 'imr', 1);
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '\n' }] });
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'X' }] });
    const expected = `${seed}\na\r\nXb`;
    await client.waitForDiagnostics(uri, { accept: (p) => p.version === 3 });
    const exported = await client.request<{ decision: unknown; diagnostics: unknown }>('imr/exportJson', { uri });
    const lines = new LineIndex(expected);
    const analysis = analyze(expected);
    client.close(uri);
    assert.deepEqual(
      JSON.parse(JSON.stringify(exported.decision)),
      JSON.parse(JSON.stringify(decisionToJson(analysis.decision, expected, lines))),
      'the server parsed a different text than the client has',
    );
  });
});
