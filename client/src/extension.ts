// Activation only: the output channel, the status bar, the commands, and the language client.
import * as vscode from 'vscode';
import { ServerController } from './server';
import { StatusBar } from './statusBar';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('Gongwen Outline'), { log: true });
  const status = new StatusBar();
  const server = new ServerController(context, output, status);
  controller = server;

  context.subscriptions.push(
    output,
    status,
    server,
    vscode.commands.registerCommand('gongwen.restartServer', () => server.restart()),
    vscode.commands.registerCommand('gongwen.showOutput', () => output.show(true)),
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
