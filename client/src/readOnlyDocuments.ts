/**
 * Read-only documents the extension shows (the JSON export): a content provider under the scheme
 * `imr-export`, so the export opens with nothing to save and closes without a question. The text of
 * a document is kept only while it is open.
 */
import { Uri, window, workspace, type Disposable, type TextDocumentContentProvider } from 'vscode';

export const EXPORT_SCHEME = 'imr-export';

export class ReadOnlyDocuments implements TextDocumentContentProvider, Disposable {
  private readonly texts = new Map<string, string>();
  private readonly subscriptions: Disposable[];

  constructor() {
    this.subscriptions = [
      workspace.registerTextDocumentContentProvider(EXPORT_SCHEME, this),
      workspace.onDidCloseTextDocument((doc) => {
        if (doc.uri.scheme === EXPORT_SCHEME) this.texts.delete(doc.uri.toString());
      }),
    ];
  }

  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Shows `text` as a read-only document named `name` (its extension gives the language). */
  async show(name: string, text: string): Promise<void> {
    const uri = Uri.from({ scheme: EXPORT_SCHEME, path: `/${name.replace(/[\\/]/g, '-')}` });
    this.texts.set(uri.toString(), text);
    const doc = await workspace.openTextDocument(uri);
    await window.showTextDocument(doc, { preview: false });
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.texts.clear();
  }
}
