/**
 * One LSP client for every server of the benchmark, driving it as VS Code does: a child process over stdio,
 * initialized with the capabilities vscode-languageclient announces, the server's requests answered as VS Code
 * answers them (workspace/configuration with the contributed defaults, registrations, and for the Markdown server
 * the `markdown/*` requests of VS Code's Markdown extension: `markdown/parse` tokenized here with markdown-it, file
 * system requests on the workspace folder). The client keeps its own copy of each open document (a keystroke is
 * applied to it before the change is sent, as in the editor), counts the bytes both ways, and reads the process's
 * memory. A server that exits fails its pending requests instead of leaving them waiting.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  ClientCapabilities,
  createProtocolConnection,
  DocumentDiagnosticReport,
  DocumentSymbol,
  FoldingRange,
  ProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MarkdownEngine } from './markdownEngine';
import { MARKDOWN_FILE_EXTENSIONS } from './markdownServer';

export interface ServerSpec {
  name: string;
  /** Which text the server is given: the gongwen document or its Markdown twin. */
  text: 'gongwen' | 'markdown';
  languageId: string;
  /** File name of the document in the workspace folder. */
  file: string;
  /** Arguments to node: the server's script and its own arguments. */
  args: string[];
  /** Answered to workspace/configuration, looked up by section. */
  settings?: Record<string, unknown>;
  /** Sent with workspace/didChangeConfiguration after initialized (VS Code's `synchronize.configurationSection`). */
  pushSettings?: Record<string, unknown>;
  initializationOptions?: unknown;
  /** Answer the Markdown server's `markdown/*` requests. */
  markdown?: boolean;
}

/** What vscode-languageclient 9/10 in VS Code announces, trimmed to the parts these servers look at. */
const CAPABILITIES: ClientCapabilities = {
  workspace: {
    applyEdit: true,
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
    configuration: true,
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
    didChangeConfiguration: { dynamicRegistration: true },
    workspaceFolders: true,
    symbol: { dynamicRegistration: true },
    diagnostics: { refreshSupport: true },
    foldingRange: { refreshSupport: true },
  },
  textDocument: {
    synchronization: { dynamicRegistration: true, willSave: true, willSaveWaitUntil: true, didSave: true },
    publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
    completion: { dynamicRegistration: true, contextSupport: true, completionItem: { snippetSupport: true } },
    hover: { dynamicRegistration: true, contentFormat: ['markdown', 'plaintext'] },
    definition: { dynamicRegistration: true, linkSupport: true },
    references: { dynamicRegistration: true },
    documentHighlight: { dynamicRegistration: true },
    documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true, labelSupport: true },
    codeAction: {
      dynamicRegistration: true,
      isPreferredSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit'] },
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source'] } },
    },
    documentLink: { dynamicRegistration: true, tooltipSupport: true },
    rename: { dynamicRegistration: true, prepareSupport: true },
    foldingRange: { dynamicRegistration: true, rangeLimit: 5000, lineFoldingOnly: true },
    selectionRange: { dynamicRegistration: true },
    diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
  },
  window: { workDoneProgress: true, showDocument: { support: true } },
  general: { positionEncodings: ['utf-16'] },
};

/** Requests a server may send that VS Code answers with nothing. */
const ANSWERED_EMPTY = [
  'client/registerCapability',
  'client/unregisterCapability',
  'window/workDoneProgress/create',
  'workspace/diagnostic/refresh',
  'workspace/foldingRange/refresh',
  'workspace/semanticTokens/refresh',
  'workspace/codeLens/refresh',
  'workspace/inlayHint/refresh',
  'markdown/fs/watcher/create',
  'markdown/fs/watcher/delete',
];

/** VS Code answers workspace/configuration with the defaults an extension's package.json contributes. */
export function contributedDefaults(packageJson: string): Record<string, unknown> {
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } };
  };
  const root: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(pkg.contributes?.configuration?.properties ?? {})) {
    const parts = key.split('.');
    let at = root;
    for (const part of parts.slice(0, -1)) {
      at = (at[part] ??= {}) as Record<string, unknown>;
    }
    at[parts[parts.length - 1]] = schema.default ?? null;
  }
  return root;
}

function lookup(settings: Record<string, unknown> | undefined, section: string | undefined): unknown {
  let at: unknown = settings ?? null;
  for (const part of section?.split('.') ?? []) {
    at = at !== null && typeof at === 'object' ? ((at as Record<string, unknown>)[part] ?? null) : null;
  }
  return at;
}

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== 'node_modules') {
      markdownFiles(path, out);
    } else if (MARKDOWN_FILE_EXTENSIONS.some((x) => entry.name.endsWith('.' + x))) {
      out.push(pathToFileURL(path).href);
    }
  }
  return out;
}

export interface Memory {
  /** Resident and peak resident memory in bytes (VmRSS, VmHWM). */
  rss: number;
  peak: number;
}

export class BenchServer {
  /** Bytes the server wrote (answers, notifications, requests) and bytes the client wrote to it. */
  bytesDown = 0;
  bytesUp = 0;
  /** Set once the process has ended. */
  exited: string | undefined;
  readonly markdown: MarkdownEngine | undefined;
  private readonly child: ChildProcess;
  private readonly connection: ProtocolConnection;
  private readonly documents = new Map<string, TextDocument>();
  private readonly resultIds = new Map<string, string>();
  private stderr = '';
  private identifier: string | undefined;

  constructor(
    readonly spec: ServerSpec,
    private readonly folder: string,
  ) {
    this.child = spawn(process.execPath, spec.args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const { stdin, stdout, stderr } = this.child;
    if (stdin === null || stdout === null || stderr === null) {
      throw new Error(`${spec.name}: no stdio`);
    }
    stderr.on('data', (d: Buffer) => (this.stderr = (this.stderr + d.toString()).slice(-4000)));
    stdout.on('data', (d: Buffer) => (this.bytesDown += d.length));
    stdin.on('error', () => undefined); // writing to a dead server: its requests fail below
    const counting = new Transform({
      transform: (chunk: Buffer, _encoding, done) => {
        this.bytesUp += chunk.length;
        done(null, chunk);
      },
    });
    counting.pipe(stdin);
    this.connection = createProtocolConnection(new StreamMessageReader(stdout), new StreamMessageWriter(counting));
    this.connection.onError(() => undefined);
    this.child.once('exit', (code, signal) => {
      this.exited = `exited (${signal ?? code})${this.stderr.trim() !== '' ? ': ' + this.stderr.trim().slice(-300) : ''}`;
      this.connection.dispose(); // rejects every pending request
    });
    this.markdown = spec.markdown === true ? new MarkdownEngine() : undefined;
    this.answerServerRequests();
    this.connection.listen();
  }

  private answerServerRequests(): void {
    const c = this.connection;
    c.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
      p.items.map((item) => lookup(this.spec.settings, item.section)),
    );
    c.onRequest('workspace/workspaceFolders', () => [{ uri: pathToFileURL(this.folder).href, name: 'bench' }]);
    for (const method of ANSWERED_EMPTY) {
      c.onRequest(method, () => null);
    }
    const engine = this.markdown;
    if (engine !== undefined) {
      c.onRequest('markdown/parse', (p: { uri: string; text?: string }) => {
        if (typeof p.text === 'string') {
          const text = p.text;
          return engine.tokenize({ uri: p.uri, version: -1, getText: () => text });
        }
        const doc = this.documents.get(p.uri) ?? TextDocument.create(p.uri, 'markdown', 0, readFileSync(fileURLToPath(p.uri), 'utf8'));
        return engine.tokenize(doc);
      });
      c.onRequest('markdown/fs/readFile', (p: { uri: string }) => Array.from(readFileSync(fileURLToPath(p.uri))));
      c.onRequest('markdown/fs/stat', (p: { uri: string }): { isDirectory: boolean } | null => {
        try {
          return { isDirectory: statSync(fileURLToPath(p.uri)).isDirectory() };
        } catch {
          return null; // VS Code answers undefined, which goes over the wire as null
        }
      });
      c.onRequest('markdown/fs/readDirectory', (p: { uri: string }) =>
        readdirSync(fileURLToPath(p.uri), { withFileTypes: true }).map((d) => [d.name, { isDirectory: d.isDirectory() }]),
      );
      c.onRequest('markdown/findMarkdownFilesInWorkspace', () => markdownFiles(this.folder));
    }
  }

  async initialize(): Promise<void> {
    const folder = { uri: pathToFileURL(this.folder).href, name: 'bench' };
    const result = await this.connection.sendRequest<{ capabilities: { diagnosticProvider?: { identifier?: string } } }>('initialize', {
      processId: process.pid,
      clientInfo: { name: 'Visual Studio Code', version: '1.100.0' },
      locale: 'zh-cn',
      rootPath: this.folder,
      rootUri: folder.uri,
      workspaceFolders: [folder],
      capabilities: CAPABILITIES,
      initializationOptions: this.spec.initializationOptions,
      trace: 'off',
    });
    this.identifier = result.capabilities.diagnosticProvider?.identifier;
    await this.connection.sendNotification('initialized', {});
    if (this.spec.pushSettings !== undefined) {
      await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: this.spec.pushSettings });
    }
  }

  uri(): string {
    return pathToFileURL(join(this.folder, this.spec.file)).href;
  }

  text(): string {
    return this.documents.get(this.uri())?.getText() ?? '';
  }

  open(text: string): void {
    const uri = this.uri();
    this.documents.set(uri, TextDocument.create(uri, this.spec.languageId, 1, text));
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId: this.spec.languageId, version: 1, text } });
  }

  /** Types `text` at a position of the client's copy and returns the didChange to send (not timed). */
  keystroke(line: number, character: number, text: string): unknown {
    const uri = this.uri();
    const doc = this.documents.get(uri)!;
    const version = doc.version + 1;
    const change = { range: { start: { line, character }, end: { line, character } }, text };
    TextDocument.update(doc, [change], version);
    return { textDocument: { uri, version }, contentChanges: [change] };
  }

  sendChange(params: unknown): void {
    this.notify('textDocument/didChange', params);
  }

  /** A notification to a server that has died fails its next request instead (see the exit handler). */
  private notify(method: string, params: unknown): void {
    this.connection.sendNotification(method, params).catch(() => undefined);
  }

  /** Pull diagnostics as VS Code sends them: the provider's identifier and the last resultId (none when `fresh`). */
  async diagnostic(fresh = false): Promise<DocumentDiagnosticReport> {
    const uri = this.uri();
    const report = await this.connection.sendRequest<DocumentDiagnosticReport>('textDocument/diagnostic', {
      textDocument: { uri },
      identifier: this.identifier,
      previousResultId: fresh ? undefined : this.resultIds.get(uri),
    });
    if (report.resultId !== undefined) {
      this.resultIds.set(uri, report.resultId);
    }
    return report;
  }

  async documentSymbol(): Promise<DocumentSymbol[] | null> {
    return this.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: this.uri() } });
  }

  async foldingRange(): Promise<FoldingRange[] | null> {
    return this.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri: this.uri() } });
  }

  /** Any other request (the folder scenario's workspace requests and gongwen/materials). */
  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  memory(): Memory {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kB = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
      return { rss: kB('VmRSS'), peak: kB('VmHWM') };
    } catch {
      return { rss: NaN, peak: NaN };
    }
  }

  /** Shutdown and exit, or kill after `graceMs`; resolves once the process has ended. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.exited === undefined) {
      const ended = new Promise((resolve) => this.child.once('exit', resolve));
      const kill = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, graceMs / 2))]);
        await this.connection.sendNotification('exit');
      } catch {
        // the process is going away anyway
      }
      await ended;
      clearTimeout(kill);
    }
    this.connection.dispose();
  }

  /** Ends the process at once (a server that hangs). */
  kill(): void {
    this.child.kill('SIGKILL');
  }
}
