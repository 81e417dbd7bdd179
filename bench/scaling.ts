/**
 * Measure 8: cost against size. One letter of 10 KB, 100 KB, 1 MB and 10 MB (built as the large
 * letter is, one item per 5 KB), analysed in this process: the parse alone, and each check alone on
 * the parsed letter (with a check context of its own, so it pays for the shared facts it reads; the
 * checks in a turning order, so that a garbage collection does not land on the same rule each run),
 * each given per MB read. CPU time of this process (`process.cpuUsage`), which other processes on
 * the machine disturb less than wall time; the least of the runs after a warm-up (what else
 * happens only ever adds). A letter longer than the parser reads (`MAX_READ`) is counted by what
 * is read.
 * The verdict: no rule (nor the parse) takes more than twice as long per MB on a larger letter as on
 * the 100 KB one.
 */
import { analyze } from '../server/src/engine';
import { CHECKS } from '../server/src/checks';
import { checkContext } from '../server/src/checks/facts';
import { defaultKnowledge } from '../server/src/knowledge';
import { MAX_READ, parse as parseLetter } from '../server/src/parser/parse';
import { buildLargeLetter } from './corpus';
import { round } from './stats';

/** One size's figures. */
export interface SizeRow {
  label: string;
  bytes: number;
  items: number;
  /** Bytes the parser reads (all, unless the letter is longer than MAX_READ characters). */
  readBytes: number;
  runs: number;
  /** The parse (and check context) alone, ms per MB read. */
  parseMsPerMB: number;
  /** Every check together, ms per MB read. */
  checksMsPerMB: number;
  /** The whole `analyze`, CPU ms (the least of the runs). */
  totalMs: number;
  /** Each rule's own time, ms per MB read. */
  rules: Record<string, number>;
}

export interface ScalingResult {
  sizes: SizeRow[];
  /** What grows faster than the text: "parse" or rule codes; empty when nothing does. */
  superlinear: string[];
  /** How the verdict is reached. */
  rule: string;
}

/** Below this many ms per MB at the larger size, a growth is noise, not a cost (a rule that does almost nothing). */
const FLOOR_MS_PER_MB = 1;
/** Growth in time per MB allowed between 100 KB and a larger letter before it is called superlinear. */
const MAX_GROWTH = 2;

/** CPU time of this process (user + system) so far, ms. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function measureSize(label: string, bytes: number, runs: number): SizeRow {
  const knowledge = defaultKnowledge();
  const text = buildLargeLetter(bytes, Math.max(1, Math.round(bytes / 5000)));
  const readBytes = Buffer.byteLength(text.length > MAX_READ ? text.slice(0, MAX_READ) : text);
  const items = analyze(text, { knowledge }).decision.items.length;
  const parse: number[] = [];
  const total: number[] = [];
  const perRule = new Map<string, number[]>(CHECKS.map((c) => [c.code, []]));
  for (let k = 0; k <= runs; k++) {
    let start = cpuNow();
    const decision = parseLetter(text);
    const parsed = cpuNow() - start;
    // Each rule alone on the parsed letter, with a check context of its own (it pays for the shared
    // facts it reads), in an order that turns each run: a collection of earlier garbage, which
    // comes at the same point of the same work, does not land on the same rule every time.
    const spent = new Map<string, number>();
    for (let j = 0; j < CHECKS.length; j++) {
      const check = CHECKS[(j + k) % CHECKS.length];
      const context = checkContext(text, decision, knowledge);
      start = cpuNow();
      for (const _ of check.run(context)) void _;
      spent.set(check.code, cpuNow() - start);
    }
    start = cpuNow();
    analyze(text, { knowledge });
    const whole = cpuNow() - start;
    if (k === 0) continue; // the warm-up
    parse.push(parsed);
    total.push(whole);
    for (const c of CHECKS) perRule.get(c.code)!.push(spent.get(c.code) ?? 0);
  }
  const mb = readBytes / 1e6;
  const rules: Record<string, number> = {};
  let checks = 0;
  for (const [code, times] of perRule) {
    rules[code] = round(Math.min(...times) / mb, 2);
    checks += Math.min(...times);
  }
  return {
    label,
    bytes: Buffer.byteLength(text),
    items,
    readBytes,
    runs,
    parseMsPerMB: round(Math.min(...parse) / mb, 1),
    checksMsPerMB: round(checks / mb, 1),
    totalMs: round(Math.min(...total), 1),
    rules,
  };
}

/** What grows faster than linearly, comparing each larger size with the 100 KB letter. */
function verdict(sizes: readonly SizeRow[]): string[] {
  const base = sizes.find((s) => s.label === '100 KB');
  if (!base) return [];
  const grows = (at100k: number, larger: number) => larger >= FLOOR_MS_PER_MB && larger > MAX_GROWTH * at100k;
  const out = new Set<string>();
  for (const s of sizes.filter((row) => row.bytes > base.bytes)) {
    if (grows(base.parseMsPerMB, s.parseMsPerMB)) out.add('parse');
    for (const code of Object.keys(s.rules)) if (grows(base.rules[code] ?? 0, s.rules[code])) out.add(code);
  }
  return [...out];
}

/** Measures every size (`quick`: up to 1 MB, fewer runs). */
export function measureScaling(quick: boolean): ScalingResult {
  const plan: Array<[string, number, number]> = [
    ['10 KB', 10_000, quick ? 10 : 30],
    ['100 KB', 100_000, quick ? 5 : 15],
    ['1 MB', 1_000_000, quick ? 3 : 7],
  ];
  if (!quick) plan.push(['10 MB', 10_000_000, 5]);
  measureSize('warm-up', 100_000, quick ? 3 : 10);
  const sizes = plan.map(([label, bytes, runs]) => measureSize(label, bytes, runs));
  return {
    sizes,
    superlinear: verdict(sizes),
    rule: `time per MB read on a larger letter more than ${MAX_GROWTH}× that on the 100 KB one (and at least ${FLOOR_MS_PER_MB} ms/MB)`,
  };
}
