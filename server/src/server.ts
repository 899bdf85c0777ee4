/**
 * The language server: capabilities and thin handlers. Every feature lives in service/ and reads the document's
 * cached outline; every handler honours cancellation and turns an exception into a logged, empty answer.
 */
import * as l10n from '@vscode/l10n';
import {
  CancellationToken,
  CodeAction,
  CodeActionKind,
  CompletionItem,
  Connection,
  Diagnostic,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  ErrorCodes,
  Hover,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  ResponseError,
  Range,
  SelectionRange,
  TextDocumentSyncKind,
  WatchKind,
  WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import { MAX_REPORTED, resolveProfile } from './core/analyze';
import { DEFAULT_CONFIG } from './core/config';
import type { Host } from './host';
import { CodeActionSupport, codeActions, Current, resolveCodeAction, workspaceEdit } from './service/codeActions';
import { COMPLETION_TRIGGERS, completionItems } from './service/completion';
import { GongwenDocument } from './service/document';
import { documentSymbols, outlineFilter } from './service/documentSymbols';
import { asksFixAll, FIX_ALL_KIND, fixAllAction } from './service/fixAllAction';
import { foldingRanges } from './service/folding';
import { hover } from './service/hover';
import { normalizeLocale } from './service/locale';
import { Localize, localizeMessage } from './service/localize';
import { selectionRanges } from './service/selectionRanges';
import {
  commandTitle,
  invocationOf,
  isSectionAction,
  operationEdits,
  refactoringsWanted,
  resolveSectionAction,
  SECTION_ACTION_KINDS,
  sectionActions,
} from './service/sections';
import { workspaceSymbols } from './service/workspaceSymbols';
import {
  COMMANDS,
  MaterialInfo,
  MaterialsChangedNotificationMethod,
  MaterialsRequestMethod,
  MaterialsResult,
  TrustNotificationMethod,
  TrustParams,
} from './protocol';
import { toDiagnostics } from './service/diagnostics';
import { similarCount, similarDiagnostics, withSimilar } from './service/similar';
import { Settings, WORKSPACE_FILE } from './settings';
import { Validation } from './validation';
import { folderSettingsUri, Material, WorkspaceIndex } from './workspace';

/** The view of the materials is told of changes at most this often. */
const MATERIALS_DEBOUNCE_MS = 300;

export function startServer(connection: Connection, host: Host): void {
  const documents = new Map<string, GongwenDocument>();
  let folders: string[] = [];
  let trusted = true;
  let configurationSupport = false;
  let configurationRegistration = false;
  let workspaceFoldersSupport = false;
  let watchRegistration = false;
  let materialsView = false;
  let pushedSettings: unknown;
  let foldingLimit = Number.MAX_SAFE_INTEGER;
  let actionSupport: CodeActionSupport = { resolve: false, documentChanges: false };
  let applyEditSupport = false;

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
  const served = (doc: Pick<GongwenDocument, 'languageId' | 'outline'>): boolean =>
    doc.languageId === 'gongwen' || doc.outline.all.length > 0;

  // ---- the workspace index (issue 14): every material of the workspace folders, review.similar across them
  let changedOpen = new Set<string>();
  let viewTimer: { dispose(): void } | undefined;
  let refreshTimer: { dispose(): void } | undefined;
  const index = new WorkspaceIndex({
    host,
    settings,
    log: (problem) => connection.console.info(localizeMessage(t, problem)),
    served: (languageId, outline) => served({ languageId, outline }),
    changed: ({ similar }) => {
      for (const uri of similar) {
        if (documents.has(uri)) {
          changedOpen.add(uri);
        }
      }
      // open documents whose review.similar findings changed are validated again, the view told, both coalesced
      if (changedOpen.size > 0 && refreshTimer === undefined) {
        refreshTimer = host.setTimeout(() => {
          refreshTimer = undefined;
          const docs = [...changedOpen].map((uri) => documents.get(uri)).filter((d): d is GongwenDocument => d !== undefined);
          changedOpen = new Set();
          validation.folderChanged(docs);
        }, MATERIALS_DEBOUNCE_MS);
      }
      if (materialsView && viewTimer === undefined) {
        viewTimer = host.setTimeout(() => {
          viewTimer = undefined;
          void connection.sendNotification(MaterialsChangedNotificationMethod, {});
        }, MATERIALS_DEBOUNCE_MS);
      }
    },
  });

  /** review.similar of a document as diagnostics, with the key that changes when they do. */
  async function folderFindings(doc: { uri: string }): Promise<{ key: string; diagnostics: Diagnostic[] }> {
    const matches = index.similarOf(doc.uri);
    if (matches.length === 0) {
      return { key: '', diagnostics: [] };
    }
    const { config } = await settings.get(doc.uri);
    const severity = config.severity['review.similar'];
    return { key: severity + JSON.stringify(matches), diagnostics: similarDiagnostics(matches, severity, t) };
  }

  async function materialInfo(m: Material): Promise<MaterialInfo> {
    const outline = m.document?.outline ?? m.outline;
    // counted, not built: the view asks for every material while the user types
    const matches = index.similarOf(m.uri);
    const similar = matches.length === 0 ? 0 : similarCount(matches, (await settings.get(m.uri)).config.severity['review.similar']);
    return {
      uri: m.uri,
      folder: m.folder,
      path: m.path,
      profile: m.analysis.profile.id,
      profileLabel: m.analysis.profile.label,
      chars: outline.lineCount > 0 ? outline.charsBetween(0, outline.lineCount - 1) : 0,
      problems: Math.min(MAX_REPORTED, m.analysis.diagnostics.length + similar),
      similar,
    };
  }

  const validation = new Validation({
    connection,
    host,
    settings,
    t,
    served,
    isOpen: (doc) => documents.get(doc.uri) === doc,
    folderFindings,
  });

  /** Something the index depends on changed (folders, settings, trust): indexed again. */
  function reindex(): void {
    index.rebuild(folders, () => documents.values()).catch((e: unknown) => connection.console.error(`index failed: ${String(e)}`));
  }

  /** An open document into the index (its version wins over the file's). */
  function indexOpened(doc: GongwenDocument): void {
    index.opened(doc).catch((e: unknown) => connection.console.error(`index failed for ${doc.uri}: ${String(e)}`));
  }

  function refreshAll(): void {
    settings.clear();
    validation.refresh(documents.values());
    reindex();
  }

  /** The current version of an open document with its analysis, for building fixes. */
  async function current(uri: string | undefined): Promise<Current | undefined> {
    const doc = uri !== undefined ? documents.get(uri) : undefined;
    const analysis = doc !== undefined ? await validation.analysisOf(doc) : undefined;
    return doc !== undefined && analysis !== undefined ? { uri: doc.uri, version: doc.version, analysis } : undefined;
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
    validation.pull = caps.textDocument?.diagnostic !== undefined;
    validation.refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    configurationSupport = caps.workspace?.configuration === true;
    configurationRegistration = caps.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    workspaceFoldersSupport = caps.workspace?.workspaceFolders === true;
    watchRegistration = caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    foldingLimit = caps.textDocument?.foldingRange?.rangeLimit ?? Number.MAX_SAFE_INTEGER;
    actionSupport = {
      resolve: caps.textDocument?.codeAction?.resolveSupport?.properties?.includes('edit') === true,
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    };
    applyEditSupport = caps.workspace?.applyEdit === true;
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) {
      folders = [params.rootUri];
    }
    const options = params.initializationOptions as { workspaceTrusted?: unknown; materialsView?: unknown } | undefined;
    trusted = options?.workspaceTrusted !== false;
    materialsView = options?.materialsView === true;
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
        selectionRangeProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [...COMPLETION_TRIGGERS] },
        workspaceSymbolProvider: true,
        codeActionProvider: {
          codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, ...Object.values(SECTION_ACTION_KINDS)],
          resolveProvider: actionSupport.resolve,
        },
        executeCommandProvider: { commands: [...COMMANDS] },
        // review.similar makes a document's findings depend on other files; workspace diagnostics report them all
        diagnosticProvider: validation.pull ? { interFileDependencies: true, workspaceDiagnostics: true } : undefined,
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
    // the materials of the index: their files, and folders created or deleted (a folder moved in or out)
    if (watchRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: '**/*.{gongwen,gw,txt,md,markdown}' },
          { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
          { globPattern: '**/' + WORKSPACE_FILE },
        ],
      });
    }
    reindex();
  });

  connection.onDidOpenTextDocument(({ textDocument: { uri, languageId, version, text } }) => {
    const doc = new GongwenDocument(uri, languageId, version, text);
    documents.set(uri, doc);
    validation.opened(doc);
    indexOpened(doc);
  });

  connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
    const doc = documents.get(uri);
    if (doc === undefined) {
      connection.console.warn(`change for a document that is not open: ${uri}`);
      return;
    }
    for (const problem of doc.update(contentChanges ?? [], typeof version === 'number' ? version : doc.version + 1)) {
      connection.console.error(`didChange ${uri}: skipped ${problem}`);
    }
    validation.changed(doc);
    indexOpened(doc);
  });

  connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
    documents.delete(uri);
    settings.forget(uri);
    validation.closed(uri);
    index.closed(uri);
  });

  connection.onDidChangeConfiguration((change) => {
    pushedSettings = (change.settings as { gongwen?: unknown } | undefined)?.gongwen;
    refreshAll();
  });

  connection.onDidChangeWatchedFiles((change) => {
    if (change.changes.some((c) => c.uri.endsWith('/' + WORKSPACE_FILE))) {
      refreshAll();
    } else {
      index.fileEvents(change.changes);
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
      const outline = doc.outline;
      // with 一是/二是 in the outline, the filter depends on this version's text; else only on the sections
      const inputs = [config.inlineItems ? outline : outline.all, config.outlineMaxItems, config.inlineItems];
      const filter = doc.answer('outlineFilter', inputs, () => outlineFilter(outline, config));
      return doc.answer('documentSymbol', [outline, config], () => documentSymbols(outline, config, t, filter));
    }),
  );

  connection.onCompletion(
    runSafe('completion', [] as CompletionItem[], async (doc, params) => {
      const { config, path } = await settings.get(doc.uri);
      const outline = doc.outline;
      const profile = resolveProfile(outline, config, path);
      // a plain text with no heading yet gets the skeleton when its name or first lines say what kind it is
      const wanted = served(doc) || profile.sections.some((p) => p.required);
      return wanted ? completionItems(outline, params.position, profile, t) : [];
    }),
  );

  connection.onFoldingRanges(
    runSafe('foldingRange', [], (doc) => {
      if (!served(doc)) {
        return [];
      }
      const { all, endOf, closingLine, closingEndLine } = doc.outline;
      return doc.answer('foldingRange', [all, endOf, closingLine, closingEndLine, foldingLimit], () =>
        foldingRanges(doc.outline, foldingLimit),
      );
    }),
  );

  connection.onSelectionRanges(
    runSafe('selectionRange', [] as SelectionRange[], (doc, params) => (served(doc) ? selectionRanges(doc.outline, params.positions) : [])),
  );

  connection.onHover(
    runSafe('hover', null as Hover | null, async (doc, params) => {
      const analysis = await validation.analysisOf(doc);
      const { config } = await settings.get(doc.uri);
      return analysis !== undefined ? hover(doc.outline, params.position, analysis.diagnostics, t, config.titleMaxLength) : null;
    }),
  );

  connection.languages.diagnostics.on(
    runSafe('diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] as Diagnostic[] }, (doc, params, token) =>
      validation.pullReport(doc, params, token),
    ),
  );

  connection.onCodeAction(
    runSafe('codeAction', [] as CodeAction[], async (doc, params) => {
      const now = await current(doc.uri);
      const fixes = now !== undefined ? codeActions(now, params.context?.diagnostics ?? [], actionSupport, t) : [];
      if (now !== undefined && asksFixAll(params.context?.only)) {
        const { config, path } = await settings.get(doc.uri);
        const all = fixAllAction({ uri: doc.uri, version: doc.version, text: doc.getText(), config, path }, actionSupport, t);
        if (all !== undefined) {
          fixes.push(all);
        }
      }
      return refactoringsWanted(params.context) ? [...fixes, ...refactorings(doc, params.range, params.context.only, now)] : fixes;
    }),
  );

  /** The section operations as refactor actions on a heading line (renumbering when there is a numbering finding). */
  function refactorings(doc: GongwenDocument, range: Range, only: string[] | undefined, now: Current | undefined): CodeAction[] {
    return served(doc) ? sectionActions(doc, range, only, now?.analysis.diagnostics ?? [], actionSupport, t) : [];
  }

  connection.onExecuteCommand(async (params) => {
    const invocation = invocationOf(params.command, params.arguments);
    if ('error' in invocation) {
      return new ResponseError(ErrorCodes.InvalidParams, invocation.error);
    }
    const doc = documents.get(invocation.uri);
    if (doc === undefined) {
      return new ResponseError(ErrorCodes.InvalidParams, `${params.command}: the document is not open: ${invocation.uri}`);
    }
    if (!applyEditSupport) {
      return new ResponseError(
        ErrorCodes.InvalidRequest,
        `${params.command}: the client does not apply workspace edits (workspace.applyEdit)`,
      );
    }
    try {
      const outcome = operationEdits(doc.outline, invocation.operation, invocation.line);
      if ('reason' in outcome) {
        const reason = localizeMessage(t, outcome.reason);
        void connection.window.showInformationMessage(reason);
        return { applied: false, reason };
      }
      const edit = workspaceEdit(doc.uri, doc.version, outcome.edits, actionSupport);
      const result = await connection.workspace.applyEdit({ label: commandTitle(invocation.operation, t), edit });
      return { applied: result.applied, reason: result.failureReason };
    } catch (e) {
      connection.console.error(`${params.command} failed for ${doc.uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      return new ResponseError(ErrorCodes.InternalError, `${params.command} failed: ${String(e)}`);
    }
  });

  connection.onCodeActionResolve(async (action) => {
    try {
      const uri = (action.data as { uri?: unknown } | undefined)?.uri;
      if (isSectionAction(action)) {
        return resolveSectionAction(action, typeof uri === 'string' ? documents.get(uri) : undefined, actionSupport);
      }
      return resolveCodeAction(action, await current(typeof uri === 'string' ? uri : undefined), actionSupport);
    } catch (e) {
      connection.console.error(`codeAction/resolve failed: ${String(e)}`);
      return action;
    }
  });

  connection.onWorkspaceSymbol(async (params, token) => {
    try {
      // the open documents (their current version), then the other materials of the index
      const open = [...documents.values()].filter(served);
      const openUris = new Set(open.map((d) => d.uri));
      const others = [...index.all()].filter((m) => m.document === undefined && !openUris.has(m.uri));
      const result = workspaceSymbols(
        [...open.map((d) => ({ uri: d.uri, outline: d.outline })), ...others.map((m) => ({ uri: m.uri, outline: m.outline }))],
        params.query,
        DEFAULT_CONFIG.titleMaxLength,
      );
      return token.isCancellationRequested ? [] : result;
    } catch (e) {
      connection.console.error(`workspaceSymbol failed: ${String(e)}`);
      return [];
    }
  });

  // every material of the index, answered at once (a client that sends a partialResultToken gets it all in the answer)
  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    const previous = new Map((params.previousResultIds ?? []).map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    try {
      // gongwen.diagnostics.workspace off: an empty report for each material (the client keeps the last one it got)
      const on = folders.length > 0 && (await settings.get(folderSettingsUri(folders))).config.workspaceDiagnostics;
      for (const m of [...index.all()]) {
        if (token.isCancellationRequested) {
          break;
        }
        const resultId = on ? `w${m.generation}` : 'off';
        const version = m.document?.version ?? null;
        if (previous.get(m.uri) === resultId) {
          items.push({ kind: DocumentDiagnosticReportKind.Unchanged, uri: m.uri, version, resultId });
        } else if (!on) {
          items.push({ kind: DocumentDiagnosticReportKind.Full, uri: m.uri, version, resultId, items: [] });
        } else {
          const folder = await folderFindings(m);
          const diagnostics = withSimilar(toDiagnostics(m.analysis.diagnostics, t), folder.diagnostics);
          items.push({ kind: DocumentDiagnosticReportKind.Full, uri: m.uri, version, resultId, items: diagnostics });
        }
      }
    } catch (e) {
      connection.console.error(`workspace/diagnostic failed: ${String(e)}`);
    }
    return { items };
  });

  connection.onRequest(MaterialsRequestMethod, async (): Promise<MaterialsResult> => {
    const materials: MaterialInfo[] = [];
    for (const m of [...index.all()]) {
      materials.push(await materialInfo(m));
    }
    materials.sort((a, b) => (a.folder + a.path < b.folder + b.path ? -1 : a.folder + a.path > b.folder + b.path ? 1 : 0));
    return { building: index.building, limited: index.limited, materials };
  });

  connection.listen();
}
