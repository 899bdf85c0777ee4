// "Check Word Document": a .docx opened read-only as its text (one line per paragraph, Word's automatic numbering
// written out, as the CLI reads it), under the scheme gongwen-docx, so that the language server gives it the outline
// and the diagnostics. The document's URI keeps the .docx's URI in its query and ends in .gongwen (the language).
import * as vscode from 'vscode';
import { docxText } from '../../server/src/input/docx';
import { WORD_SCHEME } from './settings';

export function wordUri(docx: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: WORD_SCHEME, path: `${docx.path}.gongwen`, query: docx.toString() });
}

export class WordDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/*.docx', true, false, true);
  private readonly open = new Set<string>();

  constructor() {
    // a .docx saved again in Word: its text is read anew (the outline and diagnostics follow)
    this.watcher.onDidChange((docx) => {
      if (this.open.has(docx.toString())) {
        this.changed.fire(wordUri(docx));
      }
    });
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const docx = vscode.Uri.parse(uri.query, true);
    this.open.add(docx.toString());
    const result = docxText(await vscode.workspace.fs.readFile(docx));
    if (!result.ok) {
      throw new Error(vscode.l10n.t(result.message.template, ...result.message.args));
    }
    return result.text;
  }

  /** The command: the .docx chosen in the Explorer, the active one, or one picked in a dialog. */
  async check(target?: vscode.Uri): Promise<void> {
    let docx = target;
    if (docx === undefined) {
      const picked = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Word: ['docx'] } });
      docx = picked?.[0];
    }
    if (docx === undefined) {
      return;
    }
    try {
      const document = await vscode.workspace.openTextDocument(wordUri(docx));
      await vscode.window.showTextDocument(document, { preview: false });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      void vscode.window.showErrorMessage(vscode.l10n.t('Cannot open {0} as a Word document: {1}', docx.fsPath, reason));
    }
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
