/**
 * The language server: capabilities and thin handlers. Every feature lives in service/ and reads the document's
 * cached outline; every handler honours cancellation and turns an exception into a logged, empty answer.
 */
import * as l10n from '@vscode/l10n';
import {
  CancellationToken,
  CodeActionKind,
  Connection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import type { Analysis, Diagnosis } from './core/analyze';
import { DEFAULT_CONFIG } from './core/config';
import type { Host } from './host';
import { codeActions } from './service/codeActions';
import { sameFindings, toDiagnostics } from './service/diagnostics';
import { GongwenDocument } from './service/document';
import { documentSymbols, outlineSize } from './service/documentSymbols';
import { foldingRanges } from './service/folding';
import { normalizeLocale } from './service/locale';
import { Localize, localizeMessage } from './service/localize';
import { workspaceSymbols } from './service/workspaceSymbols';
import { StatusNotificationMethod, StatusParams, TrustNotificationMethod, TrustParams } from './protocol';
import { Settings, WORKSPACE_FILE } from './settings';

/** Push mode waits this long after the last keystroke before it publishes. */
const PUSH_DEBOUNCE_MS = 150;

export function startServer(connection: Connection, host: Host): void {
  const documents = new Map<string, GongwenDocument>();
  const pending = new Map<string, { dispose(): void }>();
  /** The last full diagnostic report sent for each document (pull mode). */
  const reports = new WeakMap<GongwenDocument, { resultId: string; findings: readonly Diagnosis[] }>();
  let lastResultId = 0;
  let folders: string[] = [];
  let trusted = true;
  let pull = false;
  let refreshSupport = false;
  let configurationSupport = false;
  let configurationRegistration = false;
  let workspaceFoldersSupport = false;
  let pushedSettings: unknown;
  let foldingLimit = Number.MAX_SAFE_INTEGER;

  const t: Localize = (template, ...args) => l10n.t(template, ...args);

  const settings = new Settings({
    section: async (uri) =>
      configurationSupport ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'gongwen' }) : pushedSettings,
    readFile: (uri) => host.readFile(uri),
    workspaceFolders: () => folders,
    trusted: () => trusted,
    report: (problem) => {
      const text = localizeMessage(t, problem);
      connection.console.warn(text);
      void connection.window.showWarningMessage(text);
    },
  });

  /** A plaintext or Markdown document with no numbered heading gets nothing. */
  const served = (doc: GongwenDocument): boolean => doc.languageId === 'gongwen' || doc.outline.all.length > 0;

  /** The findings of a served document (undefined for one that is not served); tells the client the status. */
  async function findingsOf(doc: GongwenDocument): Promise<Analysis | undefined> {
    if (!served(doc)) {
      return undefined;
    }
    const { config, path } = await settings.get(doc.uri);
    const analysis = doc.analysis(config, path);
    const outlineItems = outlineSize(doc.outline, config);
    const status: StatusParams = {
      uri: doc.uri,
      profile: analysis.profile.id,
      profileLabel: analysis.profile.label,
      headings: doc.outline.all.length,
      problems: analysis.diagnostics.length,
      outlineItems,
      outlineShown: Math.min(outlineItems, config.outlineMaxItems),
    };
    void connection.sendNotification(StatusNotificationMethod, status);
    return analysis;
  }

  async function diagnosticsOf(doc: GongwenDocument): Promise<Diagnostic[]> {
    const analysis = await findingsOf(doc);
    return analysis !== undefined ? toDiagnostics(analysis, t) : [];
  }

  function schedulePush(doc: GongwenDocument): void {
    pending.get(doc.uri)?.dispose();
    pending.set(
      doc.uri,
      host.setTimeout(() => {
        pending.delete(doc.uri);
        const version = doc.version;
        diagnosticsOf(doc).then(
          (diagnostics) => {
            if (documents.get(doc.uri) === doc && doc.version === version) {
              void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
            }
          },
          (e) => connection.console.error(`diagnostics failed: ${String(e)}`),
        );
      }, PUSH_DEBOUNCE_MS),
    );
  }

  function refreshAll(): void {
    settings.clear();
    if (pull) {
      if (refreshSupport) {
        void connection.languages.diagnostics.refresh();
      }
    } else {
      documents.forEach(schedulePush);
    }
  }

  /** css-languageservice's runSafe: cancellation answers RequestCancelled, an exception is logged and answered empty. */
  function runSafe<P extends { textDocument: { uri: string } }, R>(
    name: string,
    empty: R,
    handler: (doc: GongwenDocument, params: P, token: CancellationToken) => R | Promise<R>,
  ): (params: P, token: CancellationToken) => Promise<R | ResponseError<never>> {
    return async (params, token) => {
      const doc = documents.get(params?.textDocument?.uri);
      if (doc === undefined) {
        return empty;
      }
      try {
        const result = await handler(doc, params, token);
        return token.isCancellationRequested ? new ResponseError<never>(LSPErrorCodes.RequestCancelled, 'cancelled') : result;
      } catch (e) {
        connection.console.error(`${name} failed for ${doc.uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
        return empty;
      }
    };
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const caps = params.capabilities;
    pull = caps.textDocument?.diagnostic !== undefined;
    refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    configurationSupport = caps.workspace?.configuration === true;
    configurationRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    workspaceFoldersSupport = caps.workspace?.workspaceFolders === true;
    foldingLimit = caps.textDocument?.foldingRange?.rangeLimit ?? Number.MAX_SAFE_INTEGER;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) {
      folders = [params.rootUri];
    }
    const options = params.initializationOptions as { workspaceTrusted?: unknown } | undefined;
    trusted = options?.workspaceTrusted !== false;
    // the client's locale, else the environment's (editors other than VS Code rarely send one); a strict tag only
    const locale = normalizeLocale(params.locale) ?? host.locale;
    const bundle = locale !== undefined ? host.l10nBundle(locale) : undefined;
    if (bundle !== undefined) {
      l10n.config({ contents: bundle });
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: '公文大纲' },
        foldingRangeProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        diagnosticProvider: pull ? { interFileDependencies: false, workspaceDiagnostics: false } : undefined,
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'gongwen-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    // only a client that declares dynamic registration gets a registration (eglot warns about any other)
    if (configurationSupport && configurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'gongwen' });
    }
    if (workspaceFoldersSupport) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = folders.filter((f) => !e.removed.some((r) => r.uri === f)).concat(e.added.map((a) => a.uri));
        refreshAll();
      });
    }
  });

  connection.onDidOpenTextDocument(({ textDocument: { uri, languageId, version, text } }) => {
    const doc = new GongwenDocument(uri, languageId, version, text);
    documents.set(uri, doc);
    if (!pull) {
      schedulePush(doc);
    }
  });

  connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
    const doc = documents.get(uri);
    if (doc === undefined) {
      connection.console.warn(`change for a document that is not open: ${uri}`);
      return;
    }
    doc.update(contentChanges, version ?? doc.version + 1);
    if (!pull) {
      schedulePush(doc);
    }
  });

  connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
    documents.delete(uri);
    settings.forget(uri);
    pending.get(uri)?.dispose();
    pending.delete(uri);
    if (!pull) {
      void connection.sendDiagnostics({ uri, diagnostics: [] });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    pushedSettings = (change.settings as { gongwen?: unknown } | undefined)?.gongwen;
    refreshAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    if (change.changes.some((c) => c.uri.endsWith('/' + WORKSPACE_FILE))) {
      refreshAll();
    }
  });

  connection.onNotification(TrustNotificationMethod, (params: Partial<TrustParams> | undefined) => {
    trusted = params?.trusted === true;
    refreshAll();
  });

  connection.onDocumentSymbol(
    runSafe('documentSymbol', [], async (doc) => {
      if (!served(doc)) {
        return [];
      }
      const { config } = await settings.get(doc.uri);
      return documentSymbols(doc.outline, config, t);
    }),
  );

  connection.onFoldingRanges(runSafe('foldingRange', [], (doc) => (served(doc) ? foldingRanges(doc.outline, foldingLimit) : [])));

  // A client that sends the resultId of its last report gets `unchanged` when the findings are the same: most
  // keystrokes change none, and the answer is then a few bytes instead of every diagnostic again.
  connection.languages.diagnostics.on(
    runSafe(
      'diagnostic',
      { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] },
      async (doc, params): Promise<DocumentDiagnosticReport> => {
        const findings = (await findingsOf(doc))?.diagnostics ?? [];
        const last = reports.get(doc);
        if (last !== undefined && params.previousResultId === last.resultId && sameFindings(last.findings, findings)) {
          last.findings = findings;
          return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: last.resultId };
        }
        const resultId = String(++lastResultId);
        reports.set(doc, { resultId, findings });
        return { kind: DocumentDiagnosticReportKind.Full, resultId, items: toDiagnostics({ diagnostics: findings }, t) };
      },
    ),
  );

  connection.onCodeAction(runSafe('codeAction', [], (doc, params) => codeActions(doc.uri, params.context.diagnostics, t)));

  connection.onWorkspaceSymbol(async (params, token) => {
    try {
      const open = [...documents.values()].filter(served);
      const result = workspaceSymbols(
        open.map((d) => ({ uri: d.uri, outline: d.outline })),
        params.query,
        DEFAULT_CONFIG.titleMaxLength,
      );
      return token.isCancellationRequested ? [] : result;
    } catch (e) {
      connection.console.error(`workspaceSymbol failed: ${String(e)}`);
      return [];
    }
  });

  connection.listen();
}
