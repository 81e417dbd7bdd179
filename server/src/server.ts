/**
 * The language server: a thin LSP adapter over the pure engine. Each handler converts positions,
 * calls one function of the language service, and converts the answer back.
 */
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from './engine';
import { LineIndex } from './text/lineIndex';

declare const __VERSION__: string;

const USAGE = `usage: imr-language-server [--stdio | --node-ipc | --socket=PORT]

The IMR Decision Tools language server. It speaks the Language Server Protocol over the
transport given; editors start it for you.`;

/** Parsed state of one open letter, cached per document version. */
export interface DocumentState {
  version: number;
  analysis: Analysis;
  lines: LineIndex;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const cache = new Map<string, DocumentState>();

  const stateOf = (doc: TextDocument): DocumentState => {
    const cached = cache.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    const text = doc.getText();
    const state = { version: doc.version, analysis: analyze(text), lines: new LineIndex(text) };
    cache.set(doc.uri, state);
    return state;
  };

  connection.onInitialize(
    (): InitializeResult => ({
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
      },
      serverInfo: { name: 'imr-language-server', version: typeof __VERSION__ === 'string' ? __VERSION__ : 'dev' },
    }),
  );

  documents.onDidOpen((e) => void stateOf(e.document));
  documents.onDidClose((e) => {
    cache.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(USAGE + '\n');
    process.exit(0);
  }
  if (args.includes('--version')) {
    process.stdout.write(`${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}\n`);
    process.exit(0);
  }
  startServer(createConnection(ProposedFeatures.all));
}
