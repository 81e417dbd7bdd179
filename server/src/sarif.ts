import type { Finding, Severity } from './checks/types';
import { CHECKS, HOME_URL, docUrl } from './checks';
import type { LineIndex } from './text/lineIndex';

declare const __VERSION__: string;

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export interface SarifInput {
  file: string;
  findings: readonly Finding[];
  lines: LineIndex;
  /** For a PDF letter: the PDF page of an offset (each result then has `properties.page`). */
  pageOf?: (offset: number) => number | undefined;
}

/** A SARIF 2.1.0 log of the findings of several files, for code-scanning tools. */
export function toSarif(inputs: readonly SarifInput[]) {
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'imr-check',
            version: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev',
            informationUri: HOME_URL,
            rules: CHECKS.map((c) => ({
              id: c.code,
              shortDescription: { text: c.description },
              helpUri: docUrl(c.code),
              defaultConfiguration: { level: LEVEL[c.defaultSeverity] },
            })),
          },
        },
        results: inputs.flatMap(({ file, findings, lines, pageOf }) =>
          findings.map((f) => {
            const start = lines.positionAt(f.start);
            const end = lines.positionAt(f.end);
            const page = pageOf?.(f.start);
            return {
              ruleId: f.code,
              level: LEVEL[f.severity],
              message: { text: f.message },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: file.split('\\').join('/') },
                    // SARIF lines and columns are one-based.
                    region: { startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 },
                  },
                },
              ],
              ...(page !== undefined ? { properties: { page } } : {}),
            };
          }),
        ),
      },
    ],
  };
}
