/**
 * Processes the launcher starts, and how it stops them: by pid, never by name. code-server is
 * spawned as its own process group, so the group id finds its orphaned grandchildren too.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';

/** Resolves after `ms` milliseconds; only for polling loops that also check a deadline. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Rejects with a message naming `what` when `promise` has not settled within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timed out after ${Math.round(ms)} ms: ${what}`)), ms);
  });
  return Promise.race([promise, expiry]).finally(() => clearTimeout(timer));
}

/** The error of {@link withTimeout}, so callers can tell a time limit from a failure. */
export class TimeoutError extends Error {
  override name = 'TimeoutError';
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Pids that belong to the process `rootPid`: its process group (it was spawned detached) and its
 * descendants, read from /proc.
 */
export function ownedPids(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  const owned = new Set<number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the command name, which may itself hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const parent = Number(fields[1]);
    const group = Number(fields[2]);
    const siblings = children.get(parent) ?? [];
    siblings.push(pid);
    children.set(parent, siblings);
    if (group === rootPid) owned.add(pid);
  }
  const queue = [rootPid, ...owned];
  while (queue.length > 0) {
    const pid = queue.shift() as number;
    for (const child of children.get(pid) ?? []) {
      if (!owned.has(child)) {
        owned.add(child);
        queue.push(child);
      }
    }
  }
  if (isAlive(rootPid)) owned.add(rootPid);
  return [...owned];
}

/** Sends SIGTERM to `rootPid` and everything it owns, then SIGKILL to what is left after `graceMs`. */
export async function stopOwned(rootPid: number, graceMs = 5000, log: (line: string) => void = () => {}): Promise<void> {
  const signalled = new Set<number>();
  const deadline = Date.now() + graceMs;
  for (;;) {
    const pids = ownedPids(rootPid);
    if (pids.length === 0) return;
    if (Date.now() > deadline) {
      for (const pid of pids) signal(pid, 'SIGKILL');
      log(`SIGKILL sent to ${pids.join(' ')}`);
      await delay(500);
      return;
    }
    // Read again each round: a process may have forked meanwhile.
    for (const pid of pids) {
      if (signalled.has(pid)) continue;
      signalled.add(pid);
      signal(pid, 'SIGTERM');
    }
    await delay(100);
  }
}

/**
 * Pids of the processes one of whose arguments contains `marker` (a temp path unique to this run,
 * such as a browser profile folder), with everything they own.
 */
export function pidsWithArgument(marker: string): number[] {
  const found = new Set<number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let args: string[];
    try {
      args = fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // exited meanwhile
    }
    if (!args.some((arg) => arg.includes(marker))) continue;
    for (const pid of ownedPids(Number(name))) found.add(pid);
  }
  return [...found];
}

/** Waits until none of `pids` is alive; sends SIGKILL to those left after `graceMs`. */
export async function reap(pids: number[], graceMs = 5000, log: (line: string) => void = () => {}): Promise<void> {
  const deadline = Date.now() + graceMs;
  for (;;) {
    const alive = pids.filter(isAlive);
    if (alive.length === 0) return;
    if (Date.now() > deadline) {
      for (const pid of alive) signal(pid, 'SIGKILL');
      log(`SIGKILL sent to ${alive.join(' ')}`);
      return;
    }
    await delay(100);
  }
}

/** Sends SIGTERM to the processes of {@link pidsWithArgument}, then reaps them. */
export async function stopByArgument(marker: string, graceMs = 5000, log: (line: string) => void = () => {}): Promise<void> {
  const pids = pidsWithArgument(marker);
  for (const pid of pids) signal(pid, 'SIGTERM');
  await reap(pids, graceMs, log);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/** How a bounded command ended. */
export interface BoundedResult {
  code: number | null;
  timedOut: boolean;
}

/**
 * Runs a command as its own process group with its output appended to `logFile`, and stops the
 * whole group when it outlives `timeoutMs`.
 */
export async function runBounded(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; logFile: string; timeoutMs: number },
): Promise<BoundedResult> {
  const out = fs.openSync(options.logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(command, args, { env: options.env, stdio: ['ignore', out, out], detached: true });
  } finally {
    fs.closeSync(out);
  }
  const exited = new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
  try {
    return { code: await withTimeout(exited, options.timeoutMs, `${command} ${args.join(' ')}`), timedOut: false };
  } catch (error) {
    if (!(error instanceof TimeoutError)) throw error;
    if (child.pid !== undefined) await stopOwned(child.pid);
    return { code: null, timedOut: true };
  }
}
