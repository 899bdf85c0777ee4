/**
 * The floor server: an LSP server that does the least a server answering VS Code's requests for these documents
 * must do (bench/floorOutline.ts), over stdio like ours. Incremental sync (vscode-languageserver's TextDocuments),
 * one outline per document version shared by documentSymbol and foldingRange, folding capped at the client's
 * rangeLimit, pull diagnostics answered with an empty list.
 *
 *   node out/bench/floor.js --stdio [--max-symbols N]     (floor5k: --max-symbols 5000)
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { floorOutline } from './floorOutline';

const at = process.argv.indexOf('--max-symbols');
const maxSymbols = at >= 0 ? Number(process.argv[at + 1]) : Infinity;
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const outlines = new Map<string, { version: number; outline: ReturnType<typeof floorOutline> }>();
let rangeLimit = Infinity;

connection.onInitialize((params) => {
  rangeLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit ?? Infinity;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false },
    },
  };
});

function outline(uri: string) {
  const doc = documents.get(uri);
  if (doc === undefined) {
    return undefined;
  }
  let hit = outlines.get(uri);
  if (hit?.version !== doc.version) {
    hit = { version: doc.version, outline: floorOutline(doc.getText().split(/\r?\n/), maxSymbols, rangeLimit) };
    outlines.set(uri, hit);
  }
  return hit.outline;
}

connection.onDocumentSymbol(({ textDocument }) => outline(textDocument.uri)?.symbols ?? []);
connection.onFoldingRanges(({ textDocument }) => outline(textDocument.uri)?.folds ?? []);
connection.languages.diagnostics.on(() => ({ kind: 'full', items: [] }));
documents.onDidClose((e) => outlines.delete(e.document.uri));
documents.listen(connection);
connection.listen();
