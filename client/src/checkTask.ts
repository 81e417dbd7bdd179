/**
 * "IMR: Check All Decisions in Workspace" and the `imr-check` task.
 *
 * The command asks the language server to check every letter of the workspace again
 * (`imr/checkWorkspace`): the server owns the problems of every letter, open or closed, so the
 * Problems panel has one source and nothing stale. The task runs the bundled CLI (the same engine)
 * over the letters on disk for a terminal report; it feeds no problem matcher, and it runs with
 * `--exit-zero`, so findings never show as a failed task. The letters are found by the server
 * (`imr/findLetters`), or by the task's `files` glob when tasks.json gives one.
 */
import * as path from 'path';
import {
  commands,
  ProcessExecution,
  ProgressLocation,
  RelativePattern,
  Task,
  tasks,
  window,
  workspace,
  type Disposable,
  type TaskDefinition,
  type TaskProvider,
  type WorkspaceFolder,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { statusMessage } from './commands';
import { ImrRequests, type CheckWorkspaceResult, type FindLettersResult } from '../../server/src/features/requests';

export const TASK_TYPE = 'imr-check';

interface CheckTaskDefinition extends TaskDefinition {
  type: typeof TASK_TYPE;
  /** Glob of letters, relative to the workspace folder. */
  files?: string;
}

/** Keep the command line under what every platform accepts. */
const MAX_ARGS_CHARS = 24_000;

export class CheckTaskProvider implements TaskProvider {
  constructor(
    private readonly cliPath: string,
    private readonly client: () => LanguageClient | undefined,
  ) {}

  async provideTasks(): Promise<Task[]> {
    const folders = workspace.workspaceFolders ?? [];
    const out: Task[] = [];
    for (const folder of folders) {
      const task = await this.build({ type: TASK_TYPE }, folder);
      if (task) out.push(task);
    }
    return out;
  }

  async resolveTask(task: Task): Promise<Task | undefined> {
    const folder = typeof task.scope === 'object' ? (task.scope as WorkspaceFolder) : workspace.workspaceFolders?.[0];
    if (!folder) return undefined;
    return this.build(task.definition as CheckTaskDefinition, folder);
  }

  /**
   * The task for one folder, or undefined when it holds no letter to check: the CLI's report of the
   * letters as saved on disk, in the terminal only (the Problems panel is the language server's).
   */
  async build(definition: CheckTaskDefinition, folder: WorkspaceFolder): Promise<Task | undefined> {
    const files = await this.letters(definition, folder);
    if (files.length === 0) return undefined;
    const args = ['--format', 'text', '--exit-zero'];
    let length = 0;
    for (const file of files) {
      length += file.length + 3;
      if (length > MAX_ARGS_CHARS) break;
      args.push(file);
    }
    const execution = new ProcessExecution(process.execPath, [this.cliPath, ...args], {
      cwd: folder.uri.fsPath,
      env: { ELECTRON_RUN_AS_NODE: '1' },
    });
    const count = args.length - 3;
    const task = new Task(definition, folder, `check all decisions (${count} letters)`, 'imr', execution, []);
    task.detail = (count < files.length ? `the first ${count} of ${files.length} letters` : `letters in ${folder.name}`) + ' as saved on disk, reported in the terminal';
    return task;
  }

  private async letters(definition: CheckTaskDefinition, folder: WorkspaceFolder): Promise<string[]> {
    if (definition.files) {
      const found = await workspace.findFiles(new RelativePattern(folder, definition.files), '**/node_modules/**', 10_000);
      return found.map((uri) => path.relative(folder.uri.fsPath, uri.fsPath).split(path.sep).join('/')).sort();
    }
    const client = this.client();
    if (!client || folder.uri.scheme !== 'file') return [];
    const result = await client.sendRequest<FindLettersResult>(ImrRequests.findLetters, { folderUri: folder.uri.toString() });
    return result?.files ?? [];
  }
}

/** Registers the task provider; returns what to dispose. */
export function registerCheckTask(provider: CheckTaskProvider): Disposable {
  return tasks.registerTaskProvider(TASK_TYPE, provider);
}

/**
 * The command: the language server checks every letter of the workspace again (those open in the
 * editor are checked as they are there), then the Problems panel shows them all.
 */
export async function checkWorkspace(client: () => LanguageClient | undefined): Promise<void> {
  if ((workspace.workspaceFolders ?? []).length === 0) {
    void window.showInformationMessage('IMR: open a folder of decision letters first.');
    return;
  }
  const running = client();
  if (!running?.isRunning()) {
    void window.showWarningMessage('IMR: the language server is not running; see the IMR Decision Tools output.');
    return;
  }
  const result = await window.withProgress({ location: ProgressLocation.Window, title: 'IMR: checking decision letters' }, () =>
    running.sendRequest<CheckWorkspaceResult>(ImrRequests.checkWorkspace, {}),
  );
  await commands.executeCommand('workbench.actions.view.problems');
  const letters = result?.letters ?? 0;
  if (letters === 0) void window.showInformationMessage('IMR: no decision letters found on disk in the workspace.');
  else statusMessage(`IMR: ${letters} ${letters === 1 ? 'letter' : 'letters'} checked`);
}
