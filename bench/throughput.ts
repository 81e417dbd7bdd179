/**
 * Measure 1: throughput of the full analysis (parse + every check) on a corpus, next to
 * markdown-it's bare `parse` of the same letters, in this one process, rounds interleaved so that
 * both see the same machine load.
 */
import MarkdownIt from 'markdown-it';
import { analyze } from '../server/src/engine';
import { defaultKnowledge } from '../server/src/knowledge';
import { cpuMs, median, round, timeMs } from './stats';

export interface Rate {
  /** Megabytes (10^6 bytes of UTF-8) per second of wall time, median of the rounds. */
  mbps: number;
  /** The same per second of CPU time of this process (less sensitive to other processes). */
  cpuMbps: number;
  /** Wall time of each round, ms. */
  roundsMs: number[];
}

export interface ThroughputResult {
  letters: number;
  bytes: number;
  rounds: number;
  ours: Rate;
  markdownIt: Rate;
  /** ours / markdown-it, from the wall-time rates (> 1: we are faster). */
  ratio: number;
  cpuRatio: number;
}

function rate(bytes: number, wall: number[], cpu: number[]): Rate {
  return {
    mbps: round(bytes / 1e6 / (median(wall) / 1000), 1),
    cpuMbps: round(bytes / 1e6 / (median(cpu) / 1000), 1),
    roundsMs: wall.map((ms) => round(ms, 1)),
  };
}

/** Runs one warm-up round of each, then `rounds` interleaved rounds (alternating which goes first). */
export function measureThroughput(letters: readonly string[], rounds = 5): ThroughputResult {
  const bytes = letters.reduce((sum, l) => sum + Buffer.byteLength(l), 0);
  const knowledge = defaultKnowledge();
  const md = new MarkdownIt();
  const ours = () => {
    for (const l of letters) analyze(l, { knowledge });
  };
  const theirs = () => {
    for (const l of letters) md.parse(l, {});
  };
  ours();
  theirs();
  const wall = { ours: [] as number[], theirs: [] as number[] };
  const cpu = { ours: [] as number[], theirs: [] as number[] };
  const once = (name: 'ours' | 'theirs', run: () => void) => {
    let w = 0;
    const c = cpuMs(() => (w = timeMs(run)));
    wall[name].push(w);
    cpu[name].push(c);
  };
  for (let r = 0; r < rounds; r++) {
    if (r % 2 === 0) {
      once('ours', ours);
      once('theirs', theirs);
    } else {
      once('theirs', theirs);
      once('ours', ours);
    }
  }
  const a = rate(bytes, wall.ours, cpu.ours);
  const b = rate(bytes, wall.theirs, cpu.theirs);
  return {
    letters: letters.length,
    bytes,
    rounds,
    ours: a,
    markdownIt: b,
    ratio: round(a.mbps / b.mbps, 2),
    cpuRatio: round(a.cpuMbps / b.cpuMbps, 2),
  };
}
