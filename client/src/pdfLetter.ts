/**
 * "IMR: Open Letter PDF": the server extracts a letter PDF's text, and the client shows it read-only
 * as a letter (language `imr`, so every feature works), titled by its case number, through a
 * content provider of its own scheme. "Save As" gives an editable copy. The client reads no PDF.
 */
import * as path from 'path';
import { Uri, window, workspace, ProgressLocation, type Disposable, type TextDocumentContentProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImrRequests, type OpenLetterPdfResult } from '../../server/src/features/requests';

/** The scheme of letter PDFs' extracted text: `imr-pdf:/CASE-NUMBER.imr?<file uri of the PDF>`. */
export const PDF_LETTER_SCHEME = 'imr-pdf';

type ClientRef = () => LanguageClient | undefined;

/** Serves the extracted text of the letter PDFs opened (asks the server again after a reload). */
export class PdfLetterProvider implements TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();

  constructor(private readonly client: ClientRef) {}

  /** Keeps a letter's text under its document uri. */
  remember(uri: Uri, text: string): void {
    this.texts.set(uri.toString(), text);
  }

  /** The text of an opened letter PDF; extracted again when this window did not open it. */
  async provideTextDocumentContent(uri: Uri): Promise<string> {
    const known = this.texts.get(uri.toString());
    if (known !== undefined) return known;
    const result = await extract(this.client, Uri.parse(uri.query));
    return result.ok ? result.text : `${result.error}\n`;
  }

  /** Registers the provider for its scheme. */
  register(): Disposable {
    return workspace.registerTextDocumentContentProvider(PDF_LETTER_SCHEME, this);
  }
}

async function extract(client: ClientRef, file: Uri): Promise<OpenLetterPdfResult> {
  const c = client();
  if (!c || !c.isRunning()) return { ok: false, error: 'the IMR language server is not running' };
  if (file.scheme !== 'file') return { ok: false, error: 'only a PDF on this machine\'s disk can be opened as a letter' };
  return c.sendRequest<OpenLetterPdfResult>(ImrRequests.openLetterPdf, { file: file.fsPath });
}

/** The uri of a letter PDF's text: named by its case number (or the PDF's name), the PDF in the query. */
export function pdfLetterUri(pdf: Uri, caseNumber: string | null): Uri {
  const name = caseNumber ?? path.basename(pdf.path).replace(/\.pdf$/i, '');
  return Uri.from({ scheme: PDF_LETTER_SCHEME, path: `/${name}.imr`, query: pdf.toString() });
}

/**
 * Opens a letter PDF as a letter: the one given (explorer context menu) or one the user picks.
 * A PDF that gives no letter gets one error message naming the file and the reason.
 */
export async function openLetterPdf(client: ClientRef, provider: PdfLetterProvider, target?: Uri): Promise<void> {
  let file = target instanceof Uri ? target : undefined;
  if (!file) {
    const picked = await window.showOpenDialog({ canSelectMany: false, filters: { 'Letter PDF': ['pdf'] }, openLabel: 'Open', title: 'Open an IMR letter PDF' });
    file = picked?.[0];
  }
  if (!file) return;
  const chosen = file;
  const result = await window.withProgress({ location: ProgressLocation.Window, title: 'IMR: reading the letter PDF…' }, () => extract(client, chosen));
  if (!result.ok) {
    void window.showErrorMessage(`IMR: ${result.error}`);
    return;
  }
  const uri = pdfLetterUri(chosen, result.caseNumber);
  provider.remember(uri, result.text);
  const document = await workspace.openTextDocument(uri);
  await window.showTextDocument(document, { preview: false });
}
