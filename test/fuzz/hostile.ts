/**
 * Hostile inputs: text built to make a parser slow (huge lines, huge line counts, thousands of
 * items, labels repeated without end). Each must be parsed, checked and outlined in under
 * `HOSTILE_BUDGET_MS`, without throwing, with sound ranges.
 *
 * Run as a script, it times the named cases in this process and prints one JSON line per case
 * (`test/unit/hostile.test.ts` runs it in a child process so that a case that never ends can be
 * killed):
 *
 *   node --import tsx test/fuzz/hostile.ts [CASE ...]
 */
import * as path from 'node:path';
import { analyze } from '../../server/src/engine';
import { documentSymbols } from '../../server/src/features/symbols';
import { foldingRanges } from '../../server/src/features/folding';
import { LineIndex } from '../../server/src/text/lineIndex';
import { readLetter } from '../helpers';
import { assertFindingRanges, assertModelRanges } from './properties';

/** The time each hostile input may take: parse, every check, outline and folding. */
export const HOSTILE_BUDGET_MS = 2000;

/** The letter 000 up to its first item: header, sections, the issues heading. */
function letterHead(): string {
  const letter = readLetter('000');
  return letter.slice(0, letter.indexOf('**Baclofen 20mg #120:**'));
}

/** Builders of the hostile inputs, by name. */
export const HOSTILE_CASES: Record<string, () => string> = {
  /** A 10 MB single line of title-like text. */
  'a 10 MB single line': () => 'Baclofen 20mg #120: Upheld '.repeat(400_000),
  /** A 10 MB single line inside a letter's issues section. */
  'a 10 MB line in the issues section': () => letterHead() + 'Decision rationale: Baclofen 20mg #120 is medically necessary. '.repeat(160_000),
  /** One million short lines. */
  'one million short lines': () => 'a\n'.repeat(1_000_000),
  /** One million CR-only line ends. */
  'one million CR lines': () => 'a\r'.repeat(1_000_000),
  /** 100,000 item titles with outcomes. */
  '100,000 item titles': () => letterHead() + Array.from({ length: 100_000 }, (_, i) => `**Baclofen ${i}mg #${i}:** Upheld\n`).join(''),
  /** A guideline label repeated on 100,000 lines. */
  '100,000 guideline label lines': () =>
    letterHead() + '**Claims Administrator guideline:** Decision based on MTUS Chronic Pain Treatment Guidelines, Page(s): 1-2\n'.repeat(100_000),
  /** Bare labels repeated on 100,000 lines. */
  '100,000 bare MAXIMUS labels': () => letterHead() + '**MAXIMUS guideline:**\n'.repeat(100_000),
  /** A label repeated 100,000 times on one line. */
  'a label repeated 100,000 times on one line': () => letterHead() + '**Decision rationale:** '.repeat(100_000),
  /** Title and label pairs, 50,000 of them. */
  '50,000 title and label pairs': () => letterHead() + 'X 1mg #1:\n**MAXIMUS guideline:** Decision based on\n'.repeat(50_000),
  /** A page list of 300,000 pages. */
  'a page list of 300,000 pages': () =>
    letterHead() + '**Baclofen 20mg #120:** Upheld\n**MAXIMUS guideline:** Decision based on MTUS Chronic Pain Treatment Guidelines, Page(s): ' + '1, '.repeat(300_000) + '\n',
  /** 100,000 citation sentences in one guideline line. */
  '100,000 citations in one line': () =>
    letterHead() + '**Baclofen 20mg #120:** Upheld\n**MAXIMUS guideline:** ' + 'Decision based on MTUS Chronic Pain Treatment Guidelines, Baclofen, page 65. '.repeat(100_000) + '\n',
  /** A rationale that restates the item 200,000 times. */
  'a rationale restating the item 200,000 times': () =>
    letterHead() + '**Baclofen 20mg #120:** Upheld\n**Decision rationale:** ' + 'Baclofen 20mg #120 '.repeat(200_000) + '\n',
  /** 100,000 section headings. */
  '100,000 section headings': () => '### CLINICAL CASE SUMMARY\n'.repeat(100_000),
  /** 200,000 header field lines. */
  '200,000 header field lines': () => 'Date Assigned: 01/01/2015\n'.repeat(200_000),
  /** 100,000 suppression comments. */
  '100,000 suppression comments': () => readLetter('000') + '<!-- imr-disable-next-line missing-outcome -->\n'.repeat(100_000),
  /** Suppression comments that never close. */
  '200,000 unclosed suppression comments': () => readLetter('000') + '<!-- imr-disable'.repeat(200_000),
  /** The 2013 notice's numbered decision sentence repeated without its ending. */
  '50,000 unfinished notice decisions': () =>
    'NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION\n' + '1) MAXIMUS Federal Services, Inc. has determined the request for '.repeat(50_000),
  /** The professional review's question, never finished. */
  'an unfinished professional-review question': () => 'MEDICAL PROFESSIONAL REVIEW\nISSUE AT DISPUTE:\n' + 'Is the request for '.repeat(200_000),
  /** Reviewer credentials repeated without end. */
  'repeated credentials': () => {
    const letter = readLetter('000');
    const at = letter.indexOf('The Expert Reviewer has the following credentials');
    const prose = 'The reviewer is Board Certified in ' + 'Neurology and licensed in the state of '.repeat(100_000) + '\n\n';
    return letter.slice(0, at) + prose + letter.slice(at);
  },
  /** Ten million markup characters. */
  'ten million asterisks': () => letterHead() + '*'.repeat(10_000_000),
};

export interface HostileResult {
  name: string;
  /**
   * Milliseconds for analyze + outline + folding: the smaller of wall-clock and CPU time, so that
   * other processes on a busy machine do not count (CPU time), nor parallel GC threads (wall time).
   */
  ms: number;
  chars: number;
  /** What went wrong besides time: a throw, a failed check, a range outside the document. */
  problem?: string;
}

/** Builds, times and checks one hostile case (in this process). */
export function runHostileCase(name: string): HostileResult {
  const build = HOSTILE_CASES[name];
  if (!build) return { name, ms: 0, chars: 0, problem: `no hostile case named "${name}"` };
  const text = build();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const elapsed = () => {
    const used = process.cpuUsage(cpu);
    return Math.min(performance.now() - started, (used.user + used.system) / 1000);
  };
  try {
    const analysis = analyze(text);
    const doc = { analysis, lines: new LineIndex(text) };
    documentSymbols(doc);
    foldingRanges(doc);
    const ms = elapsed();
    try {
      if (analysis.failures.length) throw new Error(`checks failed: ${analysis.failures.join('; ')}`);
      assertModelRanges(text, analysis.decision);
      assertFindingRanges(text, analysis);
    } catch (e) {
      return { name, ms, chars: text.length, problem: (e as Error).message.split('\n')[0] };
    }
    return { name, ms, chars: text.length };
  } catch (e) {
    const err = e as Error;
    const where = err.stack?.split('\n').slice(1, 3).map((l) => l.trim()).join(' < ') ?? '';
    return { name, ms: elapsed(), chars: text.length, problem: `threw ${err.name}: ${err.message} (${where})` };
  }
}

// Run as a script, directly or as the bundle test/out/hostile.js (not when a bundle only imports the cases).
if (require.main === module && /hostile/.test(path.basename(process.argv[1] ?? ''))) {
  // Warm up (load the knowledge, compile the hot paths) so the first case is not charged for it.
  analyze(readLetter('003'));
  analyze(readLetter('001'));
  const names = process.argv.slice(2);
  for (const name of names.length ? names : Object.keys(HOSTILE_CASES)) {
    process.stdout.write(JSON.stringify(runHostileCase(name)) + '\n');
  }
}
