/**
 * The validated settings of each resource: pulled from the editor through the host, validated by
 * `readSettings`, word-list files read through the host, each problem shown once per session.
 * `imr.mtus.folder` goes through the same validation as every other setting.
 */
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../settings';

/** What the settings store is given by its host. */
export interface SettingsHost {
  /** The raw `imr` settings section for a resource (undefined: the whole workspace), or undefined when the editor offers none. */
  configuration(uri: string | undefined): Promise<unknown>;
  /** Reads word-list files of drug names; the problems are shown to the user. */
  readWordLists(files: readonly string[]): { names: string[]; problems: string[] };
  /** Shows a problem with the user's settings or files (the store shows each once). */
  showProblem(message: string): void;
}

/** The settings of each resource, read once until they change. */
export class SettingsStore {
  private readonly pending = new Map<string, Promise<Settings>>();
  private readonly applied = new Map<string, Settings>();
  private readonly reported = new Set<string>();
  private trusted = true;

  constructor(private readonly host: SettingsHost) {}

  /** Whether the workspace is trusted: word-list files and the MTUS folder are read only then. */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.changed();
  }

  /** The editor's settings changed: they are read again when next needed. */
  changed(): void {
    this.pending.clear();
  }

  /** Forgets what is kept for a closed document. */
  forget(uri: string): void {
    this.pending.delete(uri);
    this.applied.delete(uri);
  }

  /** The settings last applied to a document (the defaults before its first validation). */
  last(uri: string): Settings {
    return this.applied.get(uri) ?? DEFAULT_SETTINGS;
  }

  /** Reads a document's settings; true when they differ from those last applied to it. */
  async refresh(uri: string): Promise<boolean> {
    const settings = await this.read(uri);
    if (this.applied.get(uri) === settings) return false;
    this.applied.set(uri, settings);
    return true;
  }

  /** The folder of imported MTUS text the user chose (`imr.mtus.folder`), or '' for the default. */
  async mtusFolder(): Promise<string> {
    return (await this.read(undefined)).mtusFolder;
  }

  /** The validated settings of a resource (cached until they change). */
  read(uri: string | undefined): Promise<Settings> {
    const key = uri ?? '';
    let settings = this.pending.get(key);
    if (!settings) {
      settings = this.load(uri);
      this.pending.set(key, settings);
    }
    return settings;
  }

  private async load(uri: string | undefined): Promise<Settings> {
    let raw: unknown;
    try {
      raw = await this.host.configuration(uri);
    } catch {
      return DEFAULT_SETTINGS;
    }
    const { settings, problems } = readSettings(raw, { trusted: this.trusted });
    if (settings.drugFiles.length) {
      const lists = this.host.readWordLists(settings.drugFiles);
      problems.push(...lists.problems);
      settings.extraDrugs = [...settings.extraDrugs, ...lists.names];
    }
    for (const problem of problems) this.report(problem);
    return settings;
  }

  /** Shows a problem with the user's settings or files, once per session. */
  report(problem: string): void {
    if (this.reported.has(problem)) return;
    this.reported.add(problem);
    this.host.showProblem(problem);
  }
}
