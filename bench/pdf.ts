/**
 * Measure 7: letter PDFs. The 104 posted PDFs of ../shared/corpus/dwc-2017: text extraction with
 * pdf.js and analysis of the extracted text, in this process, apart; the CLI over the folder as a
 * user runs it; and, when poppler's `pdftotext` is installed (the bench installs nothing), pdftotext
 * alone on the same files, one process per file as it is used. Median of `rounds` after a warm-up.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../server/src/engine';
import { defaultKnowledge } from '../server/src/knowledge';
import { extractLetterPdf } from '../server/src/pdf/letterPdf';
import { median, round } from './stats';

export interface PdfResult {
  files: number;
  bytes: number;
  /** pdf.js extraction, in process, all files. */
  extractMs: number;
  /** Analysis of the extracted texts, in process. */
  analyzeMs: number;
  /** Extraction + analysis, in PDFs per second. */
  pdfsPerSecond: number;
  extractPerSecond: number;
  analyzePerSecond: number;
  /** `imr-check DIR` over the PDFs (start-up, workers, output included). */
  cliMs: number;
  /** poppler's pdftotext on each file, or null when it is not installed. */
  pdftotextMs: number | null;
  pdftotextPerSecond: number | null;
  /** (extraction + analysis) / pdftotext; the target is ≤ 2. */
  ratio: number | null;
}

/** Runs the PDF measures, or gives null when the corpus PDFs are not there. */
export async function measurePdf(repo: string, dir: string, rounds: number): Promise<PdfResult | null> {
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => path.join(dir, f)) : [];
  if (files.length === 0) return null;
  const bytes = files.map((f) => new Uint8Array(fs.readFileSync(f)));
  const knowledge = defaultKnowledge();
  const extractTimes: number[] = [];
  const analyzeTimes: number[] = [];
  for (let k = 0; k <= rounds; k++) {
    let start = performance.now();
    const texts: string[] = [];
    for (const b of bytes) {
      const r = await extractLetterPdf(b);
      texts.push(r.ok ? r.text : '');
    }
    const extracted = performance.now() - start;
    start = performance.now();
    for (const text of texts) analyze(text, { knowledge });
    if (k > 0) {
      extractTimes.push(extracted);
      analyzeTimes.push(performance.now() - start);
    }
  }
  const extractMs = median(extractTimes);
  const analyzeMs = median(analyzeTimes);
  const pdftotextMs = timePdftotext(files, rounds);
  const perSecond = (ms: number) => round((files.length * 1000) / ms, 1);
  return {
    files: files.length,
    bytes: bytes.reduce((n, b) => n + b.length, 0),
    extractMs: round(extractMs, 0),
    analyzeMs: round(analyzeMs, 0),
    pdfsPerSecond: perSecond(extractMs + analyzeMs),
    extractPerSecond: perSecond(extractMs),
    analyzePerSecond: perSecond(analyzeMs),
    cliMs: round(timeCli(repo, dir, rounds), 0),
    pdftotextMs: pdftotextMs === null ? null : round(pdftotextMs, 0),
    pdftotextPerSecond: pdftotextMs === null ? null : perSecond(pdftotextMs),
    ratio: pdftotextMs === null ? null : round((extractMs + analyzeMs) / pdftotextMs, 2),
  };
}

/** pdftotext on every file (text to standard output), median wall time of `rounds`; null without it. */
function timePdftotext(files: readonly string[], rounds: number): number | null {
  if (spawnSync('pdftotext', ['-v']).error) return null;
  const times: number[] = [];
  for (let k = 0; k <= rounds; k++) {
    const start = performance.now();
    for (const f of files) spawnSync('pdftotext', [f, '-'], { maxBuffer: 64 * 1024 * 1024 });
    if (k > 0) times.push(performance.now() - start);
  }
  return median(times);
}

/** `imr-check --format csv --ignore '*.txt' DIR`, median wall time of `rounds`. */
function timeCli(repo: string, dir: string, rounds: number): number {
  const cli = path.join(repo, 'server', 'out', 'cli.js');
  const times: number[] = [];
  for (let k = 0; k <= rounds; k++) {
    const start = performance.now();
    spawnSync(process.execPath, [cli, '--format', 'csv', '--ignore', '*.txt', '--ignore', '*.md', dir], { maxBuffer: 64 * 1024 * 1024 });
    if (k > 0) times.push(performance.now() - start);
  }
  return median(times);
}
