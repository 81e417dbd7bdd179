/**
 * The status bar item on decision letters: number of items and outcomes, and the count of problems.
 * It asks the server again when the active editor changes and when the letter's diagnostics change
 * (the server publishes them after each check). A click shows the decision summary.
 */
import { languages, MarkdownString, StatusBarAlignment, window, type Disposable, type StatusBarItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ImrRequests, type SummaryResult } from '../../server/src/features/requests';
import { IMR_LANGUAGE } from './autoDetect';

const REFRESH_MS = 100;

export class DecisionStatus implements Disposable {
  private readonly item: StatusBarItem;
  private readonly subscriptions: Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Answers to older requests are dropped. */
  private sequence = 0;
  private shown = false;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item = window.createStatusBarItem('imr.decision', StatusBarAlignment.Left, 100);
    this.item.name = 'IMR decision';
    this.item.command = 'imr.showSummary';
    this.subscriptions.push(
      window.onDidChangeActiveTextEditor(() => this.schedule(0)),
      languages.onDidChangeDiagnostics((e) => {
        const uri = window.activeTextEditor?.document.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.schedule();
      }),
    );
    this.schedule(0);
  }

  /** Refreshes soon (several triggers in a row make one request). */
  schedule(delay = REFRESH_MS): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const seq = ++this.sequence;
    const doc = window.activeTextEditor?.document;
    const client = this.client();
    if (!doc || doc.languageId !== IMR_LANGUAGE || !client?.isRunning()) {
      this.hide();
      return;
    }
    let summary: SummaryResult | null = null;
    try {
      summary = await client.sendRequest<SummaryResult | null>(ImrRequests.summary, { uri: doc.uri.toString() });
    } catch {
      summary = null;
    }
    if (seq !== this.sequence) return;
    if (!summary) {
      this.hide();
      return;
    }
    const icon = summary.problems.error > 0 ? '$(error)' : summary.problems.warning > 0 ? '$(warning)' : '$(law)';
    this.item.text = `${icon} ${summary.status}`;
    const tooltip = new MarkdownString(summary.markdown);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `IMR decision: ${summary.status}` };
    this.item.show();
    this.shown = true;
  }

  private hide(): void {
    this.item.hide();
    this.shown = false;
  }

  /** The text shown in the status bar, or undefined while hidden (the extension's API, for tests). */
  get text(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
