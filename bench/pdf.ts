/**
 * Measure 7: letter PDFs. The 104 posted PDFs of ../shared/corpus/dwc-2017 through the CLI as a
 * user runs it, `imr-check --jobs 2 FILE.pdf...` (extraction, analysis, output: the whole process),
 * against poppler's `pdftotext FILE -` run on each file (one process per file, as it is used), when
 * it is installed (the bench installs nothing): the target is the CLI no slower (ratio ≤ 1). Beside
 * it, for the record, pdf.js extraction and analysis of the extracted text in this process, apart.
 * Median of `rounds` after a warm-up, the two commands in turn.
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
  /** `imr-check --jobs N FILE.pdf...` over the PDFs (start-up, workers, output included). */
  cliMs: number;
  cliJobs: number;
  /** poppler's pdftotext on each file, or null when it is not installed. */
  pdftotextMs: number | null;
  pdftotextPerSecond: number | null;
  /** The CLI / pdftotext (wall time); the target is ≤ 1. */
  ratio: number | null;
}

/** Runs the PDF measures, or gives null when the corpus PDFs are not there. */
export async function measurePdf(repo: string, dir: string, rounds: number, jobs = 2): Promise<PdfResult | null> {
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
  const { cliMs, pdftotextMs } = timeCommands(repo, files, jobs, rounds);
  const perSecond = (ms: number) => round((files.length * 1000) / ms, 1);
  return {
    files: files.length,
    bytes: bytes.reduce((n, b) => n + b.length, 0),
    extractMs: round(extractMs, 0),
    analyzeMs: round(analyzeMs, 0),
    pdfsPerSecond: perSecond(extractMs + analyzeMs),
    extractPerSecond: perSecond(extractMs),
    analyzePerSecond: perSecond(analyzeMs),
    cliMs: round(cliMs, 0),
    cliJobs: jobs,
    pdftotextMs: pdftotextMs === null ? null : round(pdftotextMs, 0),
    pdftotextPerSecond: pdftotextMs === null ? null : perSecond(pdftotextMs),
    ratio: pdftotextMs === null ? null : round(cliMs / pdftotextMs, 2),
  };
}

/**
 * `imr-check --jobs N FILE.pdf...` and, when it is installed, `pdftotext FILE -` on each file:
 * median wall times of `rounds` after a warm-up, the two in turn (pdftotext null without it).
 */
function timeCommands(repo: string, files: readonly string[], jobs: number, rounds: number): { cliMs: number; pdftotextMs: number | null } {
  const cli = path.join(repo, 'server', 'out', 'cli.js');
  const poppler = !spawnSync('pdftotext', ['-v']).error;
  const cliTimes: number[] = [];
  const popplerTimes: number[] = [];
  const time = (run: () => void) => {
    const start = performance.now();
    run();
    return performance.now() - start;
  };
  const runCli = () => void spawnSync(process.execPath, [cli, '--jobs', String(jobs), ...files], { maxBuffer: 64 * 1024 * 1024 });
  const runPoppler = () => {
    for (const f of files) spawnSync('pdftotext', [f, '-'], { maxBuffer: 64 * 1024 * 1024 });
  };
  for (let k = 0; k <= rounds; k++) {
    const cliMs = time(runCli);
    const popplerMs = poppler ? time(runPoppler) : 0;
    if (k === 0) continue;
    cliTimes.push(cliMs);
    popplerTimes.push(popplerMs);
  }
  return { cliMs: median(cliTimes), pdftotextMs: poppler ? median(popplerTimes) : null };
}
