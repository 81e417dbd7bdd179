/**
 * Rule links that work offline: the server names each problem's rule page by its web address (the
 * CLI and SARIF keep it); in the editor the link is turned into the same page packaged with the
 * extension (`docs/rules/<code>.md`), which VS Code opens in an editor without the network.
 */
import { Uri, type Diagnostic } from 'vscode';

/** The packaged rule page of a diagnostic's code, for diagnostics whose code carries a link. */
export function localRuleLinks(extensionUri: Uri, diagnostics: Diagnostic[]): Diagnostic[] {
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code;
    if (typeof code !== 'object' || !code.target || !isRuleCode(String(code.value))) continue;
    diagnostic.code = { value: code.value, target: Uri.joinPath(extensionUri, 'docs', 'rules', `${code.value}.md`) };
  }
  return diagnostics;
}

/** A rule code names a file: lower-case words joined by hyphens, nothing else. */
function isRuleCode(code: string): boolean {
  return /^[a-z]+(?:-[a-z]+)*$/.test(code);
}
