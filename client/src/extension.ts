// Activation only: the output channel, the status bar, the commands, and the language client.
import * as vscode from 'vscode';
import { MaterialsView } from './materials';
import { ServerController } from './server';
import { WORD_SCHEME } from './settings';
import { StatusBar } from './statusBar';
import { WordDocuments } from './word';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Gongwen Outline'), { log: true });
  const status = new StatusBar();
  const server = new ServerController(context, output, status);
  const word = new WordDocuments();
  controller = server;
  const materials = new MaterialsView(
    () => server.materialsList(),
    (summary) => status.setFolder(summary),
  );
  server.materials = materials;

  context.subscriptions.push(
    output,
    status,
    server,
    materials,
    vscode.commands.registerCommand('gongwen.revealMaterial', (uri?: unknown) =>
      materials.reveal(uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.commands.registerCommand('gongwen.restartServer', () => server.restart()),
    vscode.commands.registerCommand('gongwen.showOutput', () => output.show(true)),
    word,
    vscode.workspace.registerTextDocumentContentProvider(WORD_SCHEME, word),
    vscode.commands.registerCommand('gongwen.checkWordDocument', (uri?: unknown) =>
      word.check(uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('gongwen.languages')) {
        void server.onLanguagesChanged();
      }
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void server.notifyTrust(true)),
  );

  await server.start();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
