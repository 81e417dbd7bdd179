/**
 * The server's own requests and notifications (beyond LSP) and its initialization options, declared
 * once and imported by both the server and the client: method names and payload shapes. Types and
 * constants only.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DecisionSummary } from './summary';

export const ImrRequests = {
  /** The decision summary of an open letter: `SummaryParams` → `SummaryResult | null`. */
  summary: 'imr/summary',
  /** The CLI's JSON model of an open letter: `UriParams` → `ExportResult | null`. */
  exportJson: 'imr/exportJson',
  /** Edits that normalize PDF text: `NormalizeParams` → `NormalizeResponse | null`. */
  normalize: 'imr/normalize',
  /** The letters under a folder, for the check-all task: `FindLettersParams` → `FindLettersResult`. */
  findLetters: 'imr/findLetters',
  /** Checks every letter of the workspace that is not open again; answers a `CheckWorkspaceResult`. */
  checkWorkspace: 'imr/checkWorkspace',
  /** The stored text of an imported guideline's page: `MtusPageParams` → `MtusPageText | null`. */
  mtusPage: 'imr/mtusPage',
  /** Import an official MTUS guideline PDF: `ImportMtusParams` → `ImportMtusResult`. */
  importMtusPdf: 'imr/importMtusPdf',
  /** The text of a letter PDF, for the editor: `OpenLetterPdfParams` → `OpenLetterPdfResult`. */
  openLetterPdf: 'imr/openLetterPdf',
} as const;

/** A page of a stored guideline PDF, as the "Open page" links name it. */
export interface MtusPageParams {
  /** The stored PDF's path. */
  file: string;
  /** One-based page index in the PDF. */
  pdfPage: number;
}

export interface OpenLetterPdfParams {
  /** Path of the PDF on disk. */
  file: string;
}

/** A letter PDF's extracted text and case number (to title it), or why there is none. */
export type OpenLetterPdfResult =
  | { ok: true; text: string; caseNumber: string | null; pages: number }
  | { ok: false; error: string };

/** The settings section the client synchronises and the server pulls: `imr.*`. */
export const SETTINGS_SECTION = 'imr';

/**
 * The `imr` settings section as the editor holds it (package.json declares each key), before
 * validation: the server validates it (`settings.ts`), the client reads `autoDetect`.
 */
export interface ImrSettingsSection {
  autoDetect?: boolean;
  rules?: Record<string, string>;
  drugs?: { extra?: string[]; files?: string[] };
  mtus?: { folder?: string };
  trace?: { server?: 'off' | 'messages' | 'verbose' };
}

/** The server's own notifications (client → server). */
export const ImrNotifications = {
  /** The workspace was trusted or not: `SetTrustedParams`. */
  setTrusted: 'imr/setTrusted',
} as const;

export interface SetTrustedParams {
  trusted: boolean;
}

/** What the client passes in `initialize`'s `initializationOptions`. */
export interface InitializationOptions {
  /** Whether the workspace is trusted (word-list files and the MTUS folder are read only then). */
  trusted: boolean;
  /** The extension's own folder for imported MTUS text. */
  mtusStorage: string;
}

export interface ImportMtusParams {
  /** Path of the PDF on disk. */
  file: string;
}

/** What an import did: the guideline and its printed pages, or why it was refused. */
export type ImportMtusResult =
  | { ok: true; name: string; firstPrinted: number | null; lastPrinted: number | null; warnings: string[] }
  | { ok: false; error: string };

/** What `imr/checkWorkspace` found: the letters read from disk and their problems by LSP severity (1 error … 4 hint). */
export interface CheckWorkspaceResult {
  letters: number;
  bySeverity: Record<number, number>;
}

export interface UriParams {
  uri: string;
}

export type SummaryParams = UriParams;

export interface SummaryResult extends DecisionSummary {
  /** The document version summarised. */
  version: number;
  /** One line for the status bar. */
  status: string;
  /** The summary as markdown (tooltip). */
  markdown: string;
}

/** The same entry `imr-check --format json` prints for a file. */
export interface ExportResult {
  file: string;
  decision: unknown;
  diagnostics: unknown[];
}

export interface NormalizeParams extends UriParams {
  /** Only this range (a selection); the whole letter when absent. */
  range?: Range;
}

export interface NormalizeResponse {
  /** The document version the edits apply to: apply only if the document is still at it. */
  version: number;
  edits: TextEdit[];
  message: string;
}

export interface FindLettersParams {
  /** A file: uri of a folder. */
  folderUri: string;
}

export interface FindLettersResult {
  /** Paths relative to the folder, `/`-separated, sorted. */
  files: string[];
  truncated: boolean;
}
