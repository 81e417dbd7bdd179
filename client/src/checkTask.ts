/**
 * "IMR: Check All Decisions in Workspace": a task of type `imr-check` that runs the bundled CLI (the
 * same engine as the editor) over the workspace's letters; the `$imr-check` problem matcher puts
 * its findings in the Problems panel. The letters are found by the server (`imr/findLetters`), or
 * by the task's `files` glob when tasks.json gives one.
 */
import * as path from 'path';
import {
  commands,
  ProcessExecution,
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
import { ImrRequests, type FindLettersResult } from '../../server/src/features/requests';

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
   * The task for one folder, or undefined when it holds no letter to check. Letters open as IMR
   * documents are left out: the language server already shows their problems, and the task's
   * would stand beside them twice in the Problems panel.
   */
  async build(definition: CheckTaskDefinition, folder: WorkspaceFolder): Promise<Task | undefined> {
    const open = openLetters(folder);
    const files = (await this.letters(definition, folder)).filter((file) => !open.has(file));
    if (files.length === 0) return undefined;
    const args = ['--format', 'text'];
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
    const name = `check all decisions (${args.length - 2} letters)`;
    const task = new Task(definition, folder, name, 'imr', execution, '$imr-check');
    const shown = open.size > 0 ? `; letters open in the editor are checked there` : '';
    task.detail = (args.length - 2 < files.length ? `the first ${args.length - 2} of ${files.length} letters` : `letters in ${folder.name}`) + shown;
    return task;
  }

  /** How many of the folder's letters are open as IMR documents (checked by the language server). */
  async openCount(definition: CheckTaskDefinition, folder: WorkspaceFolder): Promise<number> {
    const open = openLetters(folder);
    return (await this.letters(definition, folder)).filter((file) => open.has(file)).length;
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

/** The folder's files open as IMR documents, as paths relative to the folder with "/" (as `letters` gives them). */
function openLetters(folder: WorkspaceFolder): Set<string> {
  const open = new Set<string>();
  for (const doc of workspace.textDocuments) {
    if (doc.uri.scheme !== 'file' || doc.languageId !== 'imr' || doc.isClosed) continue;
    const relative = path.relative(folder.uri.fsPath, doc.uri.fsPath);
    if (!relative.startsWith('..') && !path.isAbsolute(relative)) open.add(relative.split(path.sep).join('/'));
  }
  return open;
}

/** Registers the task provider; returns what to dispose. */
export function registerCheckTask(provider: CheckTaskProvider): Disposable {
  return tasks.registerTaskProvider(TASK_TYPE, provider);
}

/** The command: runs the task for the first folder with letters, then shows the Problems panel. */
export async function checkWorkspace(provider: CheckTaskProvider): Promise<void> {
  const folders = workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void window.showInformationMessage('IMR: open a folder of decision letters first.');
    return;
  }
  let folder: WorkspaceFolder | undefined = folders[0];
  if (folders.length > 1) folder = await window.showWorkspaceFolderPick({ placeHolder: 'Check the decision letters of which folder?' });
  if (!folder) return;
  const task = await provider.build({ type: TASK_TYPE }, folder);
  if (!task) {
    const open = await provider.openCount({ type: TASK_TYPE }, folder);
    void window.showInformationMessage(
      open > 0
        ? `IMR: the ${open === 1 ? 'one decision letter' : `${open} decision letters`} in ${folder.name} ${open === 1 ? 'is' : 'are'} open in the editor; the Problems panel already shows what was found.`
        : `IMR: no decision letters found in ${folder.name}.`,
    );
    return;
  }
  const execution = await tasks.executeTask(task);
  const done = tasks.onDidEndTaskProcess((e) => {
    if (e.execution !== execution) return;
    done.dispose();
    void commands.executeCommand('workbench.actions.view.problems');
  });
}
