/**
 * Switches `.txt` and `.md` files that read like decision letters to the IMR language when they are
 * opened (setting `imr.autoDetect`, on by default). Detection is the server's own pure
 * `looksLikeLetter`, conservative on purpose. A file the user switches back stays as they chose.
 */
import { languages, Range, workspace, type Disposable, type TextDocument } from 'vscode';
import { SETTINGS_SECTION, type ImrSettingsSection } from '../../server/src/features/requests';
import { looksLikeLetter } from '../../server/src/features/detect';

export const IMR_LANGUAGE = 'imr';

/** Languages a letter may be opened as before we switch it. */
const SWITCHABLE = new Set(['plaintext', 'markdown']);
/** Lines read to decide (a letter's headings come early). */
const LINES_READ = 2000;
/** A language change closes and reopens the document at once; a later reopen is a new opening. */
const LANGUAGE_CHANGE_MS = 1500;

/** Whether the document is a candidate for switching: a .txt/.md file or an untitled text. */
function candidate(doc: TextDocument): boolean {
  if (!SWITCHABLE.has(doc.languageId)) return false;
  if (doc.uri.scheme === 'untitled') return true;
  return /\.(?:txt|md|markdown)$/i.test(doc.uri.path);
}

function enabled(doc: TextDocument): boolean {
  const autoDetect: ImrSettingsSection['autoDetect'] = workspace.getConfiguration(SETTINGS_SECTION, doc.uri).get<boolean>('autoDetect', true);
  return autoDetect !== false;
}

/** Reads the beginning of a document and tells whether it is a letter. */
export function documentLooksLikeLetter(doc: TextDocument): boolean {
  const end = Math.min(doc.lineCount, LINES_READ);
  return looksLikeLetter(doc.getText(new Range(0, 0, end, 0)));
}

/** Starts watching opened documents; returns what to dispose. */
export function registerAutoDetect(): Disposable[] {
  const switched = new Set<string>();
  const kept = new Set<string>();
  const closedAt = new Map<string, number>();
  const untitledChecked = new Map<string, number>();

  const consider = (doc: TextDocument) => {
    if (!candidate(doc)) return;
    const key = doc.uri.toString();
    if (kept.has(key) || !enabled(doc)) return;
    if (switched.has(key)) {
      const closed = closedAt.get(key);
      if (closed !== undefined && Date.now() - closed < LANGUAGE_CHANGE_MS) {
        // We switched it, and the user just switched it back: leave it as they chose.
        kept.add(key);
        return;
      }
      switched.delete(key);
    }
    if (!documentLooksLikeLetter(doc)) return;
    switched.add(key);
    void languages.setTextDocumentLanguage(doc, IMR_LANGUAGE).then(undefined, () => switched.delete(key));
  };

  const disposables: Disposable[] = [
    workspace.onDidOpenTextDocument(consider),
    workspace.onDidCloseTextDocument((doc) => {
      const key = doc.uri.toString();
      if (switched.has(key)) closedAt.set(key, Date.now());
    }),
    // Text pasted into a new untitled editor: look again now and then while it grows.
    workspace.onDidChangeTextDocument((e) => {
      const doc = e.document;
      if (doc.uri.scheme !== 'untitled' || doc.languageId !== 'plaintext') return;
      const key = doc.uri.toString();
      const last = untitledChecked.get(key) ?? 0;
      if (Date.now() - last < 1000 || doc.getText().length < 200) return;
      untitledChecked.set(key, Date.now());
      consider(doc);
    }),
  ];
  for (const doc of workspace.textDocuments) consider(doc);
  return disposables;
}
