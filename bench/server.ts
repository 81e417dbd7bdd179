/**
 * Measures 2, 3 and 5, through the real built server (`server/out/server.js --stdio`) driven by the
 * protocol tests' client: edits to diagnostics on a large letter, hover / symbols / completion
 * latency, the debounce under a burst of edits, and the server's memory with many open letters.
 */
import * as fs from 'node:fs';
import { analyze } from '../server/src/engine';
import { LineIndex } from '../server/src/text/lineIndex';
import { startClient, type LspTestClient } from '../test/protocol/client';
import { latency, round, type Latency } from './stats';

/** The server's debounce before it checks an edited letter (server.ts, DEBOUNCE_MS). */
export const DEBOUNCE_MS = 150;

const URI = 'file:///bench/large-letter.imr';

type Position = { line: number; character: number };

/** Sends one incremental change, as an editor does for a keystroke; returns the new version. */
function edit(client: LspTestClient, uri: string, version: number, range: { start: Position; end: Position }, text: string): void {
  void client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
}

/** The title line of a new item, typed and removed by the structural edit (written as both surface forms read it). */
const NEW_TITLE = 'Tizanidine 4mg #60: Upheld';

/** Places in the large letter to hover and complete at: an item's drug name, outcome and cited page. */
function featurePlaces(text: string) {
  const { decision } = analyze(text);
  const lines = new LineIndex(text);
  const item = decision.items[Math.floor(decision.items.length / 2)];
  const citation = item.guidelines.flatMap((g) => g.citations).find((c) => c.pageRefs.length > 0);
  const body = item.rationale!.body;
  return {
    item,
    hovers: [
      lines.positionAt(item.treatment.start + 2),
      ...(item.outcomeSpan ? [lines.positionAt(item.outcomeSpan.start + 1)] : []),
      ...(citation ? [lines.positionAt(citation.pageRefs[0].span.start)] : []),
    ],
    // Completing the drug name in the title (three letters typed) and a guideline in a guideline line.
    completions: [
      lines.positionAt(item.treatment.start + 3),
      ...(citation ? [lines.positionAt(citation.guidelineSpan.start + 4)] : []),
    ],
    /** Where the keystrokes go: the middle of the item's rationale. */
    editAt: lines.positionAt(body.start + Math.floor((body.end - body.start) / 2)),
    /** Where a new item's title line is typed (after the item's rationale), and removed: a structural edit. */
    newItemAt: lines.positionAt(body.end),
    /** An item's outcome word, and another outcome to write there (the item is read again). */
    outcome: item.outcomeSpan
      ? {
          range: lines.range(item.outcomeSpan.start, item.outcomeSpan.end),
          text: item.outcomeSpan.text,
          other: /^upheld$/i.test(item.outcomeSpan.text.trim()) ? 'Overturned' : 'Upheld',
        }
      : undefined,
  };
}

export interface LargeLetterServerResult {
  bytes: number;
  items: number;
  /** didOpen to the first diagnostics (whole letter checked once). */
  openToDiagnosticsMs: number;
  edits: number;
  /** Keystroke sent to diagnostics of that version received, as a user waits for them (debounce included). */
  editToDiagnostics: Latency;
  /** The same minus the 150 ms debounce: the server's own work (apply edit, analyse, convert, send). */
  editProcessing: Latency;
  /** An item's outcome word changed, then back (the item is read again), debounce excluded; null without an outcome to change. */
  outcomeProcessing: Latency | null;
  /** A structural edit: a new item's title line typed after an item's rationale, then removed (the whole letter is read), debounce excluded. */
  structuralProcessing: Latency;
  /** A burst of keystrokes 10 ms apart: how many checks were published for its versions, and whether the last one was. */
  burst: { edits: number; intervalMs: number; publications: number; versions: number[]; lastVersionPublished: boolean };
  hover: Latency;
  documentSymbols: Latency;
  completion: Latency;
  /** The first hover right after a keystroke: the server analyses the new version before it answers. */
  hoverAfterEdit: Latency;
}

async function timeRequest(client: LspTestClient, method: string, params: unknown): Promise<number> {
  const start = performance.now();
  await client.request(method, params, 60_000);
  return performance.now() - start;
}

/** Measures 2 and 3 on one large letter in one server. */
export async function measureLargeLetterServer(text: string, edits = 40, requests = 60): Promise<LargeLetterServerResult> {
  const places = featurePlaces(text);
  const client = await startClient({ timeoutMs: 60_000 });
  try {
    await client.initialize();
    let version = 1;
    const opened = performance.now();
    client.open(URI, text, 'imr', version);
    await client.waitForDiagnostics(URI, { version, timeoutMs: 120_000 });
    const openToDiagnosticsMs = performance.now() - opened;

    // 2. One keystroke at a time: type "x", then delete it, waiting for each version's diagnostics.
    const at = places.editAt;
    const raw: number[] = [];
    for (let k = 0; k < edits + 2; k++) {
      version++;
      const start = performance.now();
      if (k % 2 === 0) edit(client, URI, version, { start: at, end: at }, 'x');
      else edit(client, URI, version, { start: at, end: { line: at.line, character: at.character + 1 } }, '');
      await client.waitForDiagnostics(URI, { version, timeoutMs: 60_000 });
      if (k >= 2) raw.push(performance.now() - start); // the first two warm the server up
    }

    // The item's outcome word replaced by another outcome, then put back.
    const outcome: number[] = [];
    const o = places.outcome;
    for (let k = 0; o && k < Math.max(4, edits / 2) + 2; k++) {
      version++;
      const start = performance.now();
      const range = k % 2 === 0 ? o.range : { start: o.range.start, end: { line: o.range.start.line, character: o.range.start.character + o.other.length } };
      edit(client, URI, version, range, k % 2 === 0 ? o.other : o.text);
      await client.waitForDiagnostics(URI, { version, timeoutMs: 60_000 });
      if (k >= 2) outcome.push(performance.now() - start - DEBOUNCE_MS);
    }

    // A structural edit: a new item's title line typed after the item's rationale, then removed.
    const structural: number[] = [];
    const n = places.newItemAt;
    const added = { start: n, end: { line: n.line + 2, character: NEW_TITLE.length } };
    for (let k = 0; k < Math.max(4, edits / 2) + 2; k++) {
      version++;
      const start = performance.now();
      if (k % 2 === 0) edit(client, URI, version, { start: n, end: n }, `\n\n${NEW_TITLE}`);
      else edit(client, URI, version, added, '');
      await client.waitForDiagnostics(URI, { version, timeoutMs: 60_000 });
      if (k >= 2) structural.push(performance.now() - start - DEBOUNCE_MS);
    }

    // Debounce: a burst of keystrokes faster than the debounce gives one check, of the last version.
    const burstEdits = 20;
    const intervalMs = 10;
    const published: number[] = [];
    const first = version + 1;
    // Counts every publication for the letter from now on (the waiter never accepts, it only listens).
    client
      .waitForDiagnostics(URI, {
        timeoutMs: 20_000,
        accept: (p) => {
          if (p.version !== undefined && p.version >= first) published.push(p.version);
          return false;
        },
      })
      .catch(() => undefined);
    for (let k = 0; k < burstEdits; k++) {
      version++;
      edit(client, URI, version, { start: at, end: at }, 'y');
      await new Promise((r) => setTimeout(r, intervalMs));
    }
    const last = version;
    await client.waitForDiagnostics(URI, { version: last, timeoutMs: 60_000 });
    await new Promise((r) => setTimeout(r, 2 * DEBOUNCE_MS));
    // Put the text back as it was.
    version++;
    edit(client, URI, version, { start: at, end: { line: at.line, character: at.character + burstEdits } }, '');
    await client.waitForDiagnostics(URI, { version, timeoutMs: 60_000 });
    const burst = {
      edits: burstEdits,
      intervalMs,
      publications: published.filter((v) => v <= last).length,
      versions: published.filter((v) => v <= last).map((v) => v - first + 1),
      lastVersionPublished: published.includes(last),
    };

    // 3. Hover, symbols, completion on the checked letter (its analysis is cached for the version).
    const textDocument = { uri: URI };
    const sample = async (method: string, positions: Position[]) => {
      const times: number[] = [];
      for (let k = 0; k < requests + 5; k++) {
        const position = positions[k % positions.length];
        const ms = await timeRequest(client, method, method === 'textDocument/documentSymbol' ? { textDocument } : { textDocument, position });
        if (k >= 5) times.push(ms);
      }
      return latency(times);
    };
    const hover = await sample('textDocument/hover', places.hovers);
    const documentSymbols = await sample('textDocument/documentSymbol', [places.editAt]);
    const completion = await sample('textDocument/completion', places.completions);

    // The first hover after a keystroke (before the debounced check ran).
    const afterEdit: number[] = [];
    for (let k = 0; k < 10; k++) {
      version++;
      if (k % 2 === 0) edit(client, URI, version, { start: at, end: at }, 'x');
      else edit(client, URI, version, { start: at, end: { line: at.line, character: at.character + 1 } }, '');
      afterEdit.push(await timeRequest(client, 'textDocument/hover', { textDocument, position: places.hovers[0] }));
      await client.waitForDiagnostics(URI, { version, timeoutMs: 60_000 });
    }
    return {
      bytes: Buffer.byteLength(text),
      items: analyze(text).decision.items.length,
      openToDiagnosticsMs: round(openToDiagnosticsMs),
      edits,
      editToDiagnostics: latency(raw),
      editProcessing: latency(raw.map((ms) => ms - DEBOUNCE_MS)),
      outcomeProcessing: outcome.length ? latency(outcome) : null,
      structuralProcessing: latency(structural),
      burst,
      hover,
      documentSymbols,
      completion,
      hoverAfterEdit: latency(afterEdit),
    };
  } finally {
    await client.shutdown(10_000);
  }
}

export interface MemoryResult {
  letters: number;
  bytes: number;
  /** Resident set size of the server process after `initialize`, MB (10^6 bytes). */
  idleRssMB: number;
  /** With every letter open and checked, MB. */
  rssMB: number;
  /** Time to open them all and receive every letter's diagnostics. */
  openAllMs: number;
}

/** The resident set size of a process, from /proc (Linux); NaN elsewhere. */
function rssOf(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    return kb ? (Number(kb[1]) * 1024) / 1e6 : NaN;
  } catch {
    return NaN;
  }
}

/** Measure 5: server RSS with `letters` open letters (each checked, its diagnostics received). */
export async function measureMemory(letters: readonly string[]): Promise<MemoryResult> {
  const client = await startClient({ timeoutMs: 120_000 });
  try {
    await client.initialize();
    await new Promise((r) => setTimeout(r, 300));
    const pid = client.process.pid!;
    const idle = rssOf(pid);
    const start = performance.now();
    const uris = letters.map((text, k) => client.open(`file:///bench/open/letter-${String(k).padStart(4, '0')}.imr`, text, 'imr', 1));
    for (const uri of uris) await client.waitForDiagnostics(uri, { version: 1, timeoutMs: 120_000 });
    const openAllMs = performance.now() - start;
    // Let the server settle (timers, garbage collection) before reading its size.
    await new Promise((r) => setTimeout(r, 1000));
    const rss = rssOf(pid);
    return {
      letters: letters.length,
      bytes: letters.reduce((sum, l) => sum + Buffer.byteLength(l), 0),
      idleRssMB: round(idle, 1),
      rssMB: round(rss, 1),
      openAllMs: round(openAllMs),
    };
  } finally {
    await client.shutdown(20_000);
  }
}
