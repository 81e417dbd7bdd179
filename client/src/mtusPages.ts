/**
 * "Open page N" of an imported MTUS guideline. The server links a cited page to the stored PDF
 * (`file:///…/cpmtg-2009.pdf#page=71`); opened as it is, VS Code without a PDF viewer shows a binary
 * file in the text editor. In hovers and document links the client turns that link into the command
 * `imr.openMtusPage`, which opens the PDF at the page where a PDF viewer is installed, and otherwise
 * the page's stored text as a read-only document (scheme `imr-mtus-page`, asked of the server).
 */
import {
  commands,
  extensions,
  MarkdownString,
  Uri,
  window,
  workspace,
  type Disposable,
  type DocumentLink,
  type Hover,
  type TextDocumentContentProvider,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImrRequests, type MtusPageParams } from '../../server/src/features/requests';
import type { MtusPageText } from '../../server/src/features/mtusPage';

export const MTUS_PAGE_SCHEME = 'imr-mtus-page';
export const OPEN_PAGE_COMMAND = 'imr.openMtusPage';

/** The stored PDF and page a link names (`file:…/x.pdf#page=N`), or undefined. */
export function pageTargetOf(link: string | Uri): MtusPageParams | undefined {
  const uri = typeof link === 'string' ? Uri.parse(link) : link;
  const page = /^page=(\d+)$/.exec(uri.fragment);
  if (uri.scheme !== 'file' || !/\.pdf$/i.test(uri.path) || !page) return undefined;
  return { file: uri.fsPath, pdfPage: Number(page[1]) };
}

/** The command link that opens a page (arguments as JSON in the query, as VS Code expects). */
function commandLink(target: MtusPageParams): string {
  return `command:${OPEN_PAGE_COMMAND}?${encodeURIComponent(JSON.stringify([target]))}`;
}

/** Hover middleware: "Open page" links to a stored PDF become the command (trusted for it alone). */
export function pageLinksInHover(hover: Hover | null | undefined): Hover | null | undefined {
  if (!hover) return hover;
  hover.contents = hover.contents.map((content) => {
    if (!(content instanceof MarkdownString)) return content;
    const value = content.value.replace(/\]\((file:[^)\s]+)\)/gi, (link: string, target: string) => {
      const page = pageTargetOf(target);
      return page ? `](${commandLink(page)})` : link;
    });
    if (value === content.value) return content;
    const rewritten = new MarkdownString(value);
    rewritten.isTrusted = { enabledCommands: [OPEN_PAGE_COMMAND] };
    return rewritten;
  });
  return hover;
}

/** Document link middleware: the same for the links on cited pages. */
export function pageLinksInDocument(links: DocumentLink[] | null | undefined): DocumentLink[] | null | undefined {
  for (const link of links ?? []) {
    const page = link.target && pageTargetOf(link.target);
    if (page) link.target = Uri.parse(commandLink(page));
  }
  return links;
}

/** Whether an installed extension opens PDF files (a custom editor for `*.pdf`). */
function pdfViewerInstalled(): boolean {
  return extensions.all.some((extension) => {
    const editors = (extension.packageJSON?.contributes?.customEditors ?? []) as Array<{ selector?: Array<{ filenamePattern?: string }> }>;
    return editors.some((editor) => (editor.selector ?? []).some((s) => /\.pdf$/i.test(s.filenamePattern ?? '')));
  });
}

/** Registers the read-only page documents and the command; returns what to dispose. */
export function registerMtusPages(client: () => LanguageClient | undefined): Disposable[] {
  const ask = async (target: MtusPageParams): Promise<MtusPageText | null> => {
    const running = client();
    if (!running?.isRunning()) return null;
    return running.sendRequest<MtusPageText | null>(ImrRequests.mtusPage, target);
  };
  const provider: TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const page = await ask(JSON.parse(uri.query) as MtusPageParams).catch(() => null);
      if (!page) return 'This page is no longer stored. Import the guideline PDF again (IMR: Import MTUS Guideline PDF…).\n';
      return `${page.title}\n\n${page.text}\n`;
    },
  };
  const open = async (target: MtusPageParams): Promise<void> => {
    if (!target || typeof target.file !== 'string' || !Number.isInteger(target.pdfPage)) return;
    if (pdfViewerInstalled()) {
      await commands.executeCommand('vscode.open', Uri.file(target.file).with({ fragment: `page=${target.pdfPage}` }));
      return;
    }
    const page = await ask(target).catch(() => null);
    const name = (page?.title ?? `MTUS page ${target.pdfPage}`).replace(/[\\/]/g, '-');
    const uri = Uri.from({ scheme: MTUS_PAGE_SCHEME, path: `/${name}.txt`, query: JSON.stringify(target) });
    await window.showTextDocument(await workspace.openTextDocument(uri), { preview: true });
  };
  return [workspace.registerTextDocumentContentProvider(MTUS_PAGE_SCHEME, provider), commands.registerCommand(OPEN_PAGE_COMMAND, open)];
}
