/** The bench's targets (from the issue) and the table it prints. */
import type { CliResult } from './cli';
import type { PdfResult } from './pdf';
import type { LargeLetterServerResult, MemoryResult } from './server';
import type { Latency } from './stats';
import type { ThroughputResult } from './throughput';

export interface BenchResults {
  quick: boolean;
  machine: { node: string; cpus: number; availableParallelism: number; effectiveCores: number; cpuModel: string; loadAverage: { start: number[]; end: number[] } };
  throughput: ThroughputResult;
  largeLetter: { bytes: number; items: number; analysisMs: Latency; server: LargeLetterServerResult };
  cli: CliResult;
  memory: MemoryResult;
  activation: { runs: number; totalMs: Latency; loadMs: Latency; activateMs: Latency; nodeStartMs: number };
  /** Letter PDFs; null when ../shared/corpus/dwc-2017 is not there. */
  pdf: PdfResult | null;
  sizes: { devBundles: Record<string, number>; bundles: Record<string, number>; vsixBytes: number; vsixFiles: number | null };
  benchSeconds: number;
}

export interface Target {
  id: string;
  what: string;
  target: string;
  measured: number;
  unit: string;
  met: boolean;
}

/** Each target of the issue with the figure that decides it. */
export function targetsOf(r: BenchResults): Target[] {
  const t = r.throughput;
  const s = r.largeLetter.server;
  const pool = r.cli.runs.find((run) => run.jobs > 1 && run.command.includes('--jobs')) ?? r.cli.runs.find((run) => run.jobs > 1);
  const targets: Target[] = [
    { id: 'throughput', what: 'parse + checks, one core', target: '≥ 50 MB/s', measured: t.ours.mbps, unit: 'MB/s', met: t.ours.mbps >= 50 },
    { id: 'vs-markdown-it', what: 'ours / markdown-it parse', target: '≥ 1.0', measured: t.ratio, unit: '×', met: t.ratio >= 1 },
    { id: 'edit-diagnostics', what: 'edit → diagnostics p95, 1 MB letter (debounce excluded)', target: '< 30 ms', measured: s.editProcessing.p95, unit: 'ms', met: s.editProcessing.p95 < 30 },
    { id: 'hover', what: 'hover p95', target: '< 10 ms', measured: s.hover.p95, unit: 'ms', met: s.hover.p95 < 10 },
    { id: 'symbols', what: 'document symbols p95', target: '< 10 ms', measured: s.documentSymbols.p95, unit: 'ms', met: s.documentSymbols.p95 < 10 },
    { id: 'completion', what: 'completion p95', target: '< 10 ms', measured: s.completion.p95, unit: 'ms', met: s.completion.p95 < 10 },
    {
      id: 'cli',
      what: `CLI, ${r.cli.files} files, ${pool?.jobs ?? 1} workers`,
      target: '< 5 s on 2 cores',
      measured: (pool?.wallMs ?? r.cli.runs[0].wallMs) / 1000,
      unit: 's',
      met: (pool?.wallMs ?? r.cli.runs[0].wallMs) < 5000,
    },
    { id: 'memory', what: `server RSS, ${r.memory.letters} open letters`, target: '< 150 MB', measured: r.memory.rssMB, unit: 'MB', met: r.memory.rssMB < 150 },
    { id: 'activation', what: 'activation (client start → server ready), median', target: '< 100 ms', measured: r.activation.totalMs.p50, unit: 'ms', met: r.activation.totalMs.p50 < 100 },
    { id: 'vsix', what: 'VSIX size', target: '< 2 MB', measured: Math.round(r.sizes.vsixBytes / 1e3) / 1e3, unit: 'MB', met: r.sizes.vsixBytes < 2e6 },
  ];
  const pdf = r.pdf;
  if (pdf && pdf.ratio !== null) {
    targets.push({ id: 'pdf', what: `PDF extraction + analysis / pdftotext alone, ${pdf.files} PDFs`, target: '≤ 2.0', measured: pdf.ratio, unit: '×', met: pdf.ratio <= 2 });
  }
  return targets;
}

/** The rows of measure 7 (letter PDFs). */
function pdfRows(pdf: PdfResult | null): string[][] {
  if (!pdf) return [['7  letter PDFs', 'not measured: no ../shared/corpus/dwc-2017']];
  const poppler = pdf.pdftotextPerSecond === null ? 'not installed (Debian package poppler-utils)' : `${pdf.pdftotextPerSecond} PDFs/s  (${pdf.pdftotextMs} ms, one process per file)`;
  return [
    ['7  letter PDFs', `${pdf.files} PDFs, ${(pdf.bytes / 1e6).toFixed(1)} MB`],
    ['   extraction + analysis, in process', `${pdf.pdfsPerSecond} PDFs/s  (${pdf.extractMs + pdf.analyzeMs} ms)`],
    ['   extraction (pdf.js) / analysis apart', `${pdf.extractPerSecond} / ${pdf.analyzePerSecond} PDFs/s`],
    ['   imr-check DIR --format csv (whole process)', `${((pdf.files * 1000) / pdf.cliMs).toFixed(1)} PDFs/s  (${pdf.cliMs} ms)`],
    ['   poppler pdftotext alone', poppler],
  ];
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
}

function kb(bytes: number): string {
  return `${(bytes / 1e3).toFixed(0)} KB`;
}

const p = (l: Latency) => `${l.p50.toFixed(1)} / ${l.p95.toFixed(1)} ms`;

/** The table `npm run bench` prints. */
export function printTable(r: BenchResults, targets: Target[]): string {
  const t = r.throughput;
  const s = r.largeLetter.server;
  const rows: string[][] = [
    ['1  corpus', `${t.letters} letters, ${(t.bytes / 1e6).toFixed(1)} MB, median of ${t.rounds} rounds`],
    ['   parse + all checks (ours)', `${t.ours.mbps} MB/s  (CPU time: ${t.ours.cpuMbps} MB/s)`],
    ['   markdown-it parse', `${t.markdownIt.mbps} MB/s  (CPU time: ${t.markdownIt.cpuMbps} MB/s)`],
    ['   ratio ours / markdown-it', `${t.ratio}×  (CPU time: ${t.cpuRatio}×)`],
    ['2  large letter', `${(r.largeLetter.bytes / 1e6).toFixed(2)} MB, ${r.largeLetter.items} items`],
    ['   full analysis, in process (p50 / p95)', p(r.largeLetter.analysisMs)],
    ['   open → first diagnostics (server)', `${s.openToDiagnosticsMs.toFixed(0)} ms`],
    ['   edit → diagnostics, raw (p50 / p95)', `${p(s.editToDiagnostics)}  (includes the 150 ms debounce)`],
    ['   edit → diagnostics, processing (p50 / p95)', `${p(s.editProcessing)}  (raw − debounce)`],
    ['   burst: 20 keystrokes 10 ms apart', `${s.burst.publications} publication(s), last version ${s.burst.lastVersionPublished ? 'published' : 'NOT published'}`],
    ['3  hover (p50 / p95)', p(s.hover)],
    ['   document symbols (p50 / p95)', p(s.documentSymbols)],
    ['   completion (p50 / p95)', p(s.completion)],
    ['   first hover after an edit (p50 / p95)', `${p(s.hoverAfterEdit)}  (re-analyses the letter)`],
    ['4  CLI', `${r.cli.files} files, ${(r.cli.bytes / 1e6).toFixed(1)} MB`],
    ...r.cli.runs.map((run) => [`   ${run.jobs === 1 ? 'one thread' : `${run.jobs} workers (${run.command.includes('--jobs') ? 'cli --jobs' : 'pool'})`}`, `${(run.wallMs / 1000).toFixed(2)} s${run.identical ? '' : '  OUTPUT DIFFERS'}`]),
    ['5  server RSS', `${r.memory.rssMB} MB with ${r.memory.letters} open letters (idle ${r.memory.idleRssMB} MB)`],
    ['6  activation, production build (p50 / p95)', `${p(r.activation.totalMs)}  (load ${r.activation.loadMs.p50.toFixed(0)} + activate ${r.activation.activateMs.p50.toFixed(0)})`],
    ['   for scale: Node start-up (node -e 0)', `${r.activation.nodeStartMs.toFixed(0)} ms  (the server is one more Node process)`],
    ...Object.entries(r.sizes.bundles).map(([file, bytes]) => [`   ${file}`, kb(bytes)]),
    ['   VSIX', `${kb(r.sizes.vsixBytes)}${r.sizes.vsixFiles ? `, ${r.sizes.vsixFiles} files` : ''}`],
    ...pdfRows(r.pdf ?? null),
  ];
  const widths = [Math.max(...rows.map((row) => row[0].length)), Math.max(...rows.map((row) => row[1].length))];
  const lines = [
    `IMR Decision Tools bench${r.quick ? ' (--quick)' : ''} — node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpuModel}, ` +
      `effective cores ${r.machine.effectiveCores}, load ${r.machine.loadAverage.start[0]} → ${r.machine.loadAverage.end[0]}`,
    '',
    ...rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1]}`),
    '',
    pad(['target', 'goal', 'measured', ''], [58, 18, 12, 6]),
    ...targets.map((g) => pad([g.what, g.target, `${g.measured} ${g.unit}`, g.met ? 'met' : 'MISSED'], [58, 18, 12, 6])),
    '',
    `${r.benchSeconds} s`,
    '',
  ];
  return lines.join('\n');
}
