// Starts, stops and restarts the language client. One client at a time; start/stop/restart are serialised.
import * as vscode from 'vscode';
import {
  LanguageClient,
  RevealOutputChannelOn,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  isStatusParams,
  MaterialsChangedNotificationMethod,
  MaterialsRequestMethod,
  type MaterialsResult,
  StatusNotificationMethod,
  TrustNotificationMethod,
  type InitializationOptions,
  type TrustParams,
} from '../../server/src/protocol';
import { fillSectionArguments, LANGUAGES_CONTEXT } from './sections';
import { documentSelector, normalizeLanguages, sameLanguages } from './settings';
import type { MaterialsView } from './materials';
import type { StatusBar } from './statusBar';

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private clientSubscriptions: vscode.Disposable[] = [];
  private languages: string[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly watcher: vscode.FileSystemWatcher;
  /** The Materials view, fed by the running server. */
  materials: MaterialsView | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly status: StatusBar,
  ) {
    this.watcher = vscode.workspace.createFileSystemWatcher('**/.gongwen.json');
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.output.info(vscode.l10n.t('Restarting the server…'));
      await this.doStop();
      await this.doStart();
    });
  }

  /** `gongwen.languages` changed: the document selector is fixed per client, so a new one is needed. */
  onLanguagesChanged(): Promise<void> {
    return this.enqueue(async () => {
      if (!sameLanguages(readLanguages(), this.languages) || !this.client) {
        await this.doStop();
        await this.doStart();
      }
    });
  }

  notifyTrust(trusted: boolean): Promise<void> {
    return this.enqueue(async () => {
      if (this.client?.isRunning()) {
        const params: TrustParams = { trusted };
        await this.client.sendNotification(TrustNotificationMethod, params);
      }
    });
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step).catch((error: unknown) => this.output.error(String(error)));
    this.queue = next;
    return next;
  }

  private async doStart(): Promise<void> {
    this.languages = readLanguages();
    const selector = documentSelector(this.languages);
    this.status.setSelector(selector);
    void vscode.commands.executeCommand('setContext', LANGUAGES_CONTEXT, this.languages);
    if (selector.length === 0) {
      this.output.info(vscode.l10n.t('No languages are set in gongwen.languages; the server is not started.'));
      return;
    }

    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const initializationOptions: InitializationOptions = { workspaceTrusted: vscode.workspace.isTrusted, materialsView: true };
    const clientOptions: LanguageClientOptions = {
      documentSelector: selector,
      synchronize: { fileEvents: this.watcher },
      initializationOptions,
      outputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      middleware: { executeCommand: fillSectionArguments },
    };

    // The id 'gongwen' makes the client read its trace level from `gongwen.trace.server`.
    const client = new LanguageClient('gongwen', vscode.l10n.t('Gongwen Outline'), serverOptions, clientOptions);
    this.clientSubscriptions.push(
      client.onNotification(StatusNotificationMethod, (params: unknown) => {
        if (isStatusParams(params)) {
          this.status.set(client.protocol2CodeConverter.asUri(params.uri), params);
        }
      }),
      client.onNotification(MaterialsChangedNotificationMethod, () => this.materials?.refresh()),
    );
    this.client = client;
    try {
      await client.start();
      this.materials?.refresh();
    } catch (error) {
      this.output.error(String(error));
      const show = vscode.l10n.t('Show Output');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('The Gongwen language server could not start.'), show)
        .then((choice) => (choice === show ? this.output.show(true) : undefined));
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.clientSubscriptions.forEach((d) => d.dispose());
    this.clientSubscriptions = [];
    this.status.clear();
    this.materials?.refresh();
    if (!client) {
      return;
    }
    try {
      if (client.needsStop()) {
        await client.stop();
      }
    } finally {
      await client.dispose();
    }
  }

  /** The materials of the running server's workspace index; undefined when none runs. */
  async materialsList(): Promise<MaterialsResult | undefined> {
    const client = this.client;
    return client?.isRunning() ? client.sendRequest<MaterialsResult>(MaterialsRequestMethod) : undefined;
  }

  dispose(): void {
    this.watcher.dispose();
  }
}

function readLanguages(): string[] {
  return normalizeLanguages(vscode.workspace.getConfiguration('gongwen').get<unknown>('languages'));
}
