/** The bench's targets (from the issue) and the table it prints. */
import type { CliResult } from './cli';
import type { EditorResult } from './editor';
import type { PdfResult } from './pdf';
import type { ScalingResult } from './scaling';
import type { LargeLetterServerResult, MemoryResult } from './server';
import type { Latency } from './stats';
import type { ThroughputResult } from './throughput';

export interface BenchResults {
  quick: boolean;
  machine: { node: string; cpus: number; availableParallelism: number; effectiveCores: number; cpuModel: string; loadAverage: { start: number[]; end: number[] } };
  throughput: ThroughputResult;
  /** The same on the real letters of ../shared/corpus/dwc-2017; null when they are absent. */
  realThroughput: ThroughputResult | null;
  largeLetter: { bytes: number; items: number; analysisMs: Latency; server: LargeLetterServerResult };
  /** The longest real letter through the server; null without the real letters. */
  realLetter: { file: string; server: LargeLetterServerResult } | null;
  cli: CliResult;
  memory: MemoryResult;
  activation: { runs: number; totalMs: Latency; loadMs: Latency; activateMs: Latency; nodeStartMs: number };
  /** Letter PDFs; null when ../shared/corpus/dwc-2017 is not there. */
  pdf: PdfResult | null;
  scaling: ScalingResult;
  /** Open → first diagnostics in the editor (from the in-editor suite) and the server's share; null without the real letters. */
  editor: EditorResult | null;
  sizes: { devBundles: Record<string, number>; bundles: Record<string, number>; vsixBytes: number; vsixFiles: number | null };
  benchSeconds: number;
}

export interface Target {
  id: string;
  what: string;
  target: string;
  measured: number | string;
  unit: string;
  met: boolean;
}

/** Each target with the figure that decides it: issue #15's, then the earlier ones. */
export function targetsOf(r: BenchResults): Target[] {
  const t = r.throughput;
  const s = r.largeLetter.server;
  const jobs = r.cli.runs[1];
  const targets: Target[] = [
    { id: 'vs-markdown-it', what: 'ours / markdown-it parse, mixed corpus', target: '≥ 1.0', measured: t.ratio, unit: '×', met: t.ratio >= 1 },
  ];
  const real = r.realThroughput;
  if (real) targets.push({ id: 'vs-markdown-it-real', what: `ours / markdown-it parse, ${real.letters} real letters`, target: '≥ 1.0', measured: real.ratio, unit: '×', met: real.ratio >= 1 });
  targets.push(
    { id: 'edit-diagnostics', what: 'edit → diagnostics p95, 1 MB letter, typing', target: '< 30 ms', measured: s.editProcessing.p95, unit: 'ms', met: s.editProcessing.p95 < 30 },
  );
  if (s.outcomeProcessing) {
    const p95 = s.outcomeProcessing.p95;
    targets.push({ id: 'edit-diagnostics-outcome', what: 'edit → diagnostics p95, 1 MB letter, outcome', target: '< 30 ms', measured: p95, unit: 'ms', met: p95 < 30 });
  }
  {
    const p95 = s.structuralProcessing.p95;
    targets.push({ id: 'edit-diagnostics-structural', what: 'edit → diagnostics p95, 1 MB letter, structural', target: '< 30 ms', measured: p95, unit: 'ms', met: p95 < 30 });
  }
  const rl = r.realLetter?.server;
  if (rl) {
    targets.push({ id: 'edit-diagnostics-real', what: 'edit → diagnostics p95, longest real letter, typing', target: '< 5 ms', measured: rl.editProcessing.p95, unit: 'ms', met: rl.editProcessing.p95 < 5 });
    if (rl.outcomeProcessing) {
      const p95 = rl.outcomeProcessing.p95;
      targets.push({ id: 'edit-diagnostics-real-outcome', what: 'edit → diagnostics p95, longest real letter, outcome', target: '< 5 ms', measured: p95, unit: 'ms', met: p95 < 5 });
    }
    const p95 = rl.structuralProcessing.p95;
    targets.push({ id: 'edit-diagnostics-real-structural', what: 'edit → diagnostics p95, longest real letter, structural', target: '< 5 ms', measured: p95, unit: 'ms', met: p95 < 5 });
  }
  targets.push(
    { id: 'hover', what: 'hover p95, 1 MB letter', target: '< 10 ms', measured: s.hover.p95, unit: 'ms', met: s.hover.p95 < 10 },
    { id: 'symbols', what: 'document symbols p95, 1 MB letter', target: '< 10 ms', measured: s.documentSymbols.p95, unit: 'ms', met: s.documentSymbols.p95 < 10 },
    { id: 'completion', what: 'completion p95, 1 MB letter', target: '< 10 ms', measured: s.completion.p95, unit: 'ms', met: s.completion.p95 < 10 },
    { id: 'cli-vs-markdown-it', what: `markdown-it / CLI --jobs ${jobs.jobs}, ${r.cli.files} files (processes)`, target: '≥ 1.0', measured: r.cli.ratio, unit: '×', met: r.cli.ratio >= 1 },
    { id: 'cli-jobs', what: `CLI one thread / --jobs ${jobs.jobs}`, target: '> 1.0', measured: r.cli.jobsSpeedup, unit: '×', met: r.cli.jobsSpeedup > 1 },
  );
  const pdf = r.pdf;
  if (pdf && pdf.ratio !== null) {
    targets.push({ id: 'pdf', what: `imr-check --jobs ${pdf.cliJobs} / pdftotext, ${pdf.files} PDFs`, target: '≤ 1.0', measured: pdf.ratio, unit: '×', met: pdf.ratio <= 1 });
  }
  const superlinear = r.scaling.superlinear;
  targets.push({ id: 'linear', what: 'no rule superlinear (10 KB … 10 MB)', target: 'none', measured: superlinear.length ? superlinear.join(', ') : 'none', unit: '', met: superlinear.length === 0 });
  // Earlier issues' targets.
  targets.push(
    { id: 'throughput', what: 'parse + checks, one core, mixed corpus', target: '≥ 50 MB/s', measured: t.ours.mbps, unit: 'MB/s', met: t.ours.mbps >= 50 },
    { id: 'cli', what: `CLI, ${r.cli.files} files, --jobs ${jobs.jobs}`, target: '< 5 s on 2 cores', measured: jobs.wallMs / 1000, unit: 's', met: jobs.wallMs < 5000 },
    { id: 'memory', what: `server RSS, ${r.memory.letters} open letters`, target: '< 150 MB', measured: r.memory.rssMB, unit: 'MB', met: r.memory.rssMB < 150 },
    { id: 'activation', what: 'activation (client start → server ready), median', target: '< 100 ms', measured: r.activation.totalMs.p50, unit: 'ms', met: r.activation.totalMs.p50 < 100 },
    { id: 'vsix', what: 'VSIX size', target: '< 2 MB', measured: Math.round(r.sizes.vsixBytes / 1e3) / 1e3, unit: 'MB', met: r.sizes.vsixBytes < 2e6 },
  );
  return targets;
}

/** The rows of measure 7 (letter PDFs). */
function pdfRows(pdf: PdfResult | null): string[][] {
  if (!pdf) return [['7  letter PDFs', 'not measured: no ../shared/corpus/dwc-2017']];
  const poppler = pdf.pdftotextPerSecond === null ? 'not installed (Debian package poppler-utils)' : `${pdf.pdftotextPerSecond} PDFs/s  (${pdf.pdftotextMs} ms, one process per file)`;
  return [
    ['7  letter PDFs', `${pdf.files} PDFs, ${(pdf.bytes / 1e6).toFixed(1)} MB`],
    [`   imr-check --jobs ${pdf.cliJobs} FILE.pdf… (whole process)`, `${((pdf.files * 1000) / pdf.cliMs).toFixed(1)} PDFs/s  (${pdf.cliMs} ms)`],
    ['   poppler pdftotext FILE - on each', poppler],
    ['   in process: extraction (pdf.js) / analysis', `${pdf.extractPerSecond} / ${pdf.analyzePerSecond} PDFs/s  (${pdf.extractMs} + ${pdf.analyzeMs} ms)`],
  ];
}

/** The rows of a throughput measure. */
function throughputRows(title: string, t: ThroughputResult): string[][] {
  return [
    [title, `${t.letters} letters, ${(t.bytes / 1e6).toFixed(1)} MB, median of ${t.rounds} rounds`],
    ['   parse + all checks (ours)', `${t.ours.mbps} MB/s  (CPU time: ${t.ours.cpuMbps} MB/s)`],
    ['   markdown-it parse', `${t.markdownIt.mbps} MB/s  (CPU time: ${t.markdownIt.cpuMbps} MB/s)`],
    ['   ratio ours / markdown-it', `${t.ratio}×  (CPU time: ${t.cpuRatio}×)`],
  ];
}

/** The rows of an edit measure (typing, outcome and structural, debounce excluded). */
function editRows(s: LargeLetterServerResult): string[][] {
  return [
    ['   edit → diagnostics, typing (p50 / p95)', `${p(s.editProcessing)}  (raw − the 150 ms debounce)`],
    ['   edit → diagnostics, outcome (p50 / p95)', s.outcomeProcessing ? `${p(s.outcomeProcessing)}  (an item's outcome word changed: the item read again)` : 'no outcome to change'],
    ['   edit → diagnostics, structural (p50 / p95)', `${p(s.structuralProcessing)}  (a new item's title line added, removed: the whole letter read)`],
  ];
}

/** The rows of measure 8 (time per MB against size). */
function scalingRows(sc: ScalingResult): string[][] {
  const out: string[][] = [['8  time per MB read (CPU ms/MB)', 'parse / all checks  (heaviest rules)']];
  for (const size of sc.sizes) {
    const heavy = Object.entries(size.rules)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([code, ms]) => `${code} ${ms}`)
      .join(', ');
    const read = size.readBytes < size.bytes ? `, ${(size.readBytes / 1e6).toFixed(1)} MB read` : '';
    out.push([`   ${size.label}, ${size.items} items${read}`, `${size.parseMsPerMB} / ${size.checksMsPerMB}  (${heavy})`]);
  }
  out.push(['   superlinear', sc.superlinear.length ? sc.superlinear.join(', ') : `none (${sc.rule})`]);
  return out;
}

/** The rows of measure 9 (open → first diagnostics in the editor). */
function editorRows(e: EditorResult | null): string[][] {
  if (!e) return [['9  open → first diagnostics, editor', 'not measured: no ../shared/corpus/dwc-2017']];
  const where = `server alone: first open ${e.serverFirstOpenMs} ms, warm ${e.serverWarmOpenMs} ms; analyze ${e.analyzeMs} ms`;
  if (!e.editor) return [[`9  open → first diagnostics, editor (${e.letter})`, e.note ?? 'not measured'], ['   where the time goes', where]];
  const x = e.editor;
  return [
    [`9  open → first diagnostics, editor (${x.letter})`, `${x.openToDiagnosticsMs} ms, again ${x.againOpenToDiagnosticsMs} ms  (VS Code ${x.vscode}, ${x.date.slice(0, 10)})`],
    ['   of which: document opened / shown', `${x.openDocumentMs} / ${x.shownMs} ms`],
    ['   where the time goes', where],
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
  const cliRun = (run: BenchResults['cli']['runs'][number]) => [
    `   --jobs ${run.jobs}`,
    `${(run.wallMs / 1000).toFixed(2)} s  (CPU ${(run.cpuMs / 1000).toFixed(2)} s)${run.identical ? '' : '  OUTPUT DIFFERS'}`,
  ];
  const rl = r.realLetter;
  const rows: string[][] = [
    ...throughputRows('1  corpus', t),
    ...(r.realThroughput ? throughputRows('   real letters (dwc-2017)', r.realThroughput) : [['   real letters', 'not measured: no ../shared/corpus/dwc-2017']]),
    ['2  large letter', `${(r.largeLetter.bytes / 1e6).toFixed(2)} MB, ${r.largeLetter.items} items`],
    ['   full analysis, in process (p50 / p95)', p(r.largeLetter.analysisMs)],
    ['   open → first diagnostics (server)', `${s.openToDiagnosticsMs.toFixed(0)} ms`],
    ['   edit → diagnostics, raw (p50 / p95)', `${p(s.editToDiagnostics)}  (includes the 150 ms debounce)`],
    ...editRows(s),
    ['   burst: 20 keystrokes 10 ms apart', `${s.burst.publications} publication(s), last version ${s.burst.lastVersionPublished ? 'published' : 'NOT published'}`],
    ...(rl ? [[`   longest real letter (${rl.file})`, `${(rl.server.bytes / 1e3).toFixed(0)} KB, ${rl.server.items} items`], ...editRows(rl.server)] : []),
    ['3  hover (p50 / p95)', p(s.hover)],
    ['   document symbols (p50 / p95)', p(s.documentSymbols)],
    ['   completion (p50 / p95)', p(s.completion)],
    ['   first hover after an edit (p50 / p95)', `${p(s.hoverAfterEdit)}  (re-analyses the letter)`],
    ['4  CLI', `${r.cli.files} files, ${(r.cli.bytes / 1e6).toFixed(1)} MB, whole processes, median of ${r.cli.rounds}`],
    ...r.cli.runs.map(cliRun),
    ['   markdown-it over the same files', `${(r.cli.markdownIt.wallMs / 1000).toFixed(2)} s  (CPU ${(r.cli.markdownIt.cpuMs / 1000).toFixed(2)} s)`],
    ['5  server RSS', `${r.memory.rssMB} MB with ${r.memory.letters} open letters (idle ${r.memory.idleRssMB} MB)`],
    ['6  activation, production build (p50 / p95)', `${p(r.activation.totalMs)}  (load ${r.activation.loadMs.p50.toFixed(0)} + activate ${r.activation.activateMs.p50.toFixed(0)})`],
    ['   for scale: Node start-up (node -e 0)', `${r.activation.nodeStartMs.toFixed(0)} ms  (the server is one more Node process)`],
    ...Object.entries(r.sizes.bundles).map(([file, bytes]) => [`   ${file}`, kb(bytes)]),
    ['   VSIX', `${kb(r.sizes.vsixBytes)}${r.sizes.vsixFiles ? `, ${r.sizes.vsixFiles} files` : ''}`],
    ...pdfRows(r.pdf ?? null),
    ...scalingRows(r.scaling),
    ...editorRows(r.editor),
  ];
  const widths = [Math.max(...rows.map((row) => row[0].length)), Math.max(...rows.map((row) => row[1].length))];
  const lines = [
    `IMR Decision Tools bench${r.quick ? ' (--quick)' : ''} — node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpuModel}, ` +
      `effective cores ${r.machine.effectiveCores}, load ${r.machine.loadAverage.start[0]} → ${r.machine.loadAverage.end[0]}`,
    '',
    ...rows.map((row) => `${row[0].padEnd(widths[0])}  ${row[1]}`),
    '',
    pad(['target', 'goal', 'measured', ''], [58, 18, 16, 6]),
    ...targets.map((g) => pad([g.what, g.target, `${g.measured} ${g.unit}`.trim(), g.met ? 'met' : 'MISSED'], [58, 18, 16, 6])),
    '',
    `${r.benchSeconds} s`,
    '',
  ];
  return lines.join('\n');
}
