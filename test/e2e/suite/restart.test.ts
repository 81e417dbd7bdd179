/**
 * A language server that dies is started again: the server process is killed from outside (as a
 * crash would end it) and letters are checked again by a new one. The notification the user gets
 * once is decided by `RestartPolicy` (unit-tested); here it is the restart that is proven.
 *
 * The server is found among the extension host's child processes through /proc, so the test runs
 * on Linux (both launchers in CI); elsewhere it is skipped.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import { describe, it } from 'mocha';
import * as path from 'path';
import * as vscode from 'vscode';
import { activateExtension, openLetter, waitFor, waitForDiagnostics } from '../helpers';

/** The process ids of our language servers started by this extension host. */
function serverPids(): number[] {
  const script = path.join('server', 'out', 'server.js');
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (command) state ppid ...": the command may hold spaces and parentheses.
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent !== process.pid) continue;
      if (fs.readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').some((arg) => arg.endsWith(script))) pids.push(Number(name));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

const hasUnknownDrug = (diagnostics: vscode.Diagnostic[]) => diagnostics.some((d) => (d.code as { value: string } | undefined)?.value === 'unknown-drug');

describe('server crash', () => {
  it('a killed language server is restarted, twice, and letters are checked again', async function () {
    if (!fs.existsSync('/proc/self/stat')) this.skip();
    await activateExtension();
    const first = await openLetter('004');
    await waitForDiagnostics(first.uri, hasUnknownDrug, { what: 'unknown-drug on letter 004' });
    let pid = await waitFor(() => serverPids()[0], { what: 'the language server process' });
    for (let crash = 1; crash <= 2; crash++) {
      process.kill(pid, 'SIGKILL');
      const killed = pid;
      pid = await waitFor(() => serverPids().find((p) => p !== killed), { what: `a new server after crash ${crash}`, timeoutMs: 30_000 });
      assert.notStrictEqual(pid, killed);
      // The new server checks a letter opened now, which no earlier server has seen.
      const letter = await openLetter('004');
      await waitForDiagnostics(letter.uri, hasUnknownDrug, { what: `unknown-drug from the server started after crash ${crash}`, timeoutMs: 30_000 });
    }
    assert.deepStrictEqual(serverPids(), [pid], 'one server runs');
    // The "restarted" notification would sit in later screenshots.
    await vscode.commands.executeCommand('notifications.clearAll');
  });
});
