/**
 * Measure 9: open → first diagnostics in the real editor. The in-editor suite (`npm run test:e2e`,
 * test/e2e/suite/timing.test.ts) times it for the longest real letter and writes
 * test/e2e/out/timings.json; the bench reports that file (with its date) when it is there. Beside
 * it, measured here on the same letter, where the time goes as far as the bench can see: the server
 * alone over stdio (a fresh server's first open, and an open once its code is warm), and `analyze`
 * in this process. What the editor adds (reading the file, the document sync, the client, the
 * Problems model) is the rest.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/engine';
import { defaultKnowledge } from '../server/src/knowledge';
import { startClient } from '../test/protocol/client';
import { median, round } from './stats';

/** What the in-editor suite wrote (see timing.test.ts). */
export interface EditorTimings {
  date: string;
  vscode: string;
  letter: string;
  bytes: number;
  diagnostics: number;
  openToDiagnosticsMs: number;
  openDocumentMs: number;
  shownMs: number;
  againOpenToDiagnosticsMs: number;
}

export interface EditorResult {
  /** The in-editor figures, or null when the suite has not written them. */
  editor: EditorTimings | null;
  /** Why there is no in-editor figure. */
  note?: string;
  /** The letter the figures are about. */
  letter: string;
  /** A fresh server: `initialize` answered → first diagnostics of the letter (stdio), ms. */
  serverFirstOpenMs: number;
  /** The same server, the letter opened again under another uri (its code warm), median, ms. */
  serverWarmOpenMs: number;
  /** `analyze` of the letter in this process (warm), median, ms. */
  analyzeMs: number;
}

/** The longest `.txt` letter in `dir`; `withFindings`: of those with a finding (the in-editor suite times that one). */
export function longestLetter(dir: string, withFindings = false): string {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(dir, f))
    .filter((f) => !withFindings || analyze(fs.readFileSync(f, 'utf8')).findings.length > 0);
  return files.reduce((a, b) => (fs.statSync(b).size > fs.statSync(a).size ? b : a));
}

/** Reads the suite's timings and measures the server's share on the same letter (see longestLetter). */
export async function measureEditor(repo: string, dir: string): Promise<EditorResult> {
  const letterFile = longestLetter(dir, true);
  const file = path.join(repo, 'test', 'e2e', 'out', 'timings.json');
  let editor: EditorTimings | null = null;
  let note: string | undefined;
  try {
    editor = JSON.parse(fs.readFileSync(file, 'utf8')) as EditorTimings;
  } catch {
    note = 'run npm run test:e2e first';
  }
  const text = fs.readFileSync(letterFile, 'utf8');
  const client = await startClient({ timeoutMs: 60_000 });
  let serverFirstOpenMs: number;
  const warm: number[] = [];
  try {
    await client.initialize();
    const open = async (k: number) => {
      const uri = `file:///bench/editor/letter-${k}.imr`;
      const start = performance.now();
      client.open(uri, text, 'imr', 1);
      await client.waitForDiagnostics(uri, { version: 1, timeoutMs: 60_000 });
      return performance.now() - start;
    };
    serverFirstOpenMs = await open(0);
    for (let k = 1; k <= 10; k++) warm.push(await open(k));
  } finally {
    await client.shutdown(10_000);
  }
  const knowledge = defaultKnowledge();
  const times: number[] = [];
  for (let k = 0; k < 12; k++) {
    const start = performance.now();
    analyze(text, { knowledge });
    if (k >= 2) times.push(performance.now() - start);
  }
  return {
    editor,
    ...(note ? { note } : {}),
    letter: path.basename(letterFile),
    serverFirstOpenMs: round(serverFirstOpenMs, 1),
    serverWarmOpenMs: round(median(warm), 1),
    analyzeMs: round(median(times), 2),
  };
}
