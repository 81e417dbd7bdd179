/**
 * Node adapter: the problems of the workspace's letters that are not open in the editor, read from
 * disk, as ESLint's and TypeScript's workspace diagnostics are. The language server is then the one
 * source of every letter's problems: an open letter's come from the editor's text, a closed one's
 * from the file, and they are checked again when the file changes on disk, when the letter is
 * closed, and when settings or knowledge change.
 *
 * Letters are checked one at a time, yielding between files, so requests from the editor are
 * answered while a large folder is read.
 */
import { fileURLToPath, pathToFileURL } from 'url';
import type { CheckWorkspaceResult } from '../features/requests';
import { readRegularFile } from './regularFile';
import type { WorkspaceLetters } from './workspace';

/** Files larger than this are not letters: they are neither read nor checked. */
const MAX_BYTES = 2 * 1024 * 1024;

/** A problem of a closed letter, in whatever form the host publishes. */
export interface PublishedProblem {
  severity?: number;
}

/** What the server lends: which letters are open, how to check a text, where to publish. */
export interface ClosedLetterHost<P extends PublishedProblem> {
  /** The file paths of the letters open in the editor (their problems come from the editor). */
  openPaths(): ReadonlySet<string>;
  /** The problems of a letter's text as read from disk. */
  diagnose(uri: string, text: string): Promise<P[]>;
  /** Shows a letter's problems (an empty list removes them). */
  publish(uri: string, problems: P[]): void;
}

/** How many letters a check of the workspace saw, and the problems it shows by severity. */
export type WorkspaceCheck = CheckWorkspaceResult;

/** The problems of closed letters, kept current. */
export class WorkspaceDiagnostics<P extends PublishedProblem> {
  /** Paths whose problems were published from disk, with their count by severity. */
  private readonly shown = new Map<string, Record<number, number>>();
  private running: Promise<WorkspaceCheck> | undefined;
  private next: Promise<WorkspaceCheck> | undefined;

  constructor(
    private readonly letters: WorkspaceLetters,
    private readonly host: ClosedLetterHost<P>,
  ) {}

  /**
   * Checks every closed letter of the workspace again, from a fresh walk of the folders. Calls made
   * while a check runs are merged into one more check after it.
   */
  async refreshAll(): Promise<WorkspaceCheck> {
    if (this.running) {
      this.next ??= this.running.then(() => {
        this.next = undefined;
        return this.refreshAll();
      });
      return this.next;
    }
    this.running = this.checkAll().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** A watched file was created, changed or deleted on disk. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    const file = pathOf(uri);
    if (!file) return;
    this.letters.rescan();
    if (deleted || !(await this.letters.isLetter(file))) {
      this.forget(file);
      return;
    }
    await this.checkFile(file);
  }

  /** A letter was closed in the editor: its problems are those of the file on disk again. */
  async closed(uri: string): Promise<void> {
    await this.fileChanged(uri, false);
  }

  private async checkAll(): Promise<WorkspaceCheck> {
    this.letters.rescan();
    const files = await this.letters.files();
    const seen = new Set(files.map((f) => f.path));
    for (const file of [...this.shown.keys()]) if (!seen.has(file)) this.forget(file);
    for (const file of files) {
      await this.checkFile(file.path);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const bySeverity: Record<number, number> = {};
    for (const counts of this.shown.values()) for (const [severity, n] of Object.entries(counts)) bySeverity[Number(severity)] = (bySeverity[Number(severity)] ?? 0) + n;
    return { letters: files.length, bySeverity };
  }

  /** Reads and checks one closed letter and publishes its problems (an open one is left to the editor). */
  private async checkFile(file: string): Promise<void> {
    if (this.host.openPaths().has(file)) {
      this.shown.delete(file);
      return;
    }
    const read = readRegularFile(file, MAX_BYTES);
    if (!read.ok) {
      this.forget(file);
      return;
    }
    const uri = pathToFileURL(file).href;
    const problems = await this.host.diagnose(uri, read.bytes.toString('utf8'));
    // Opened while it was being checked: the editor's text wins.
    if (this.host.openPaths().has(file)) return;
    const counts: Record<number, number> = {};
    for (const p of problems) counts[p.severity ?? 1] = (counts[p.severity ?? 1] ?? 0) + 1;
    this.shown.set(file, counts);
    this.host.publish(uri, problems);
  }

  /** Removes what was shown for a file that is gone or no longer a letter. */
  private forget(file: string): void {
    if (!this.shown.delete(file)) return;
    if (!this.host.openPaths().has(file)) this.host.publish(pathToFileURL(file).href, []);
  }
}

/** The local path of a `file:` URI, or undefined. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
