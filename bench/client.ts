/**
 * A minimal LSP client over stdio that talks to the real server process the way VS Code does: it announces the
 * capabilities VS Code announces (pull diagnostics, hierarchical symbols, a folding range limit of 5,000), answers
 * the server's requests for configuration and registrations, and times requests from the client's side.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  createProtocolConnection,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  ExitNotification,
  FoldingRangeRequest,
  InitializedNotification,
  InitializeRequest,
  ProtocolConnection,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/** What VS Code's folding model asks servers for at most. */
export const VSCODE_FOLDING_RANGE_LIMIT = 5000;

export interface Answers {
  symbols: number;
  folding: number;
  diagnostics: number;
  /** The answers as received. */
  raw: { symbols: unknown; folding: unknown; diagnostics: unknown };
}

export class ServerClient {
  private readonly process: ChildProcess;
  private readonly connection: ProtocolConnection;
  private readonly errors: string[] = [];
  /** Why the server process ended, once it has. */
  private exit: string | undefined;
  private readonly lastReport = new Map<string, { resultId: string | undefined; items: Diagnostic[] }>();

  /** `settings` is what the client answers to workspace/configuration for the `gongwen` section. */
  constructor(serverScript: string, nodeArgs: readonly string[] = [], settings: unknown = {}) {
    this.process = spawn(process.execPath, [...nodeArgs, serverScript, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr?.on('data', (d: Buffer) => this.errors.push(d.toString()));

    if (this.process.stdout === null || this.process.stdin === null) {
      throw new Error('server process has no stdio');
    }
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onNotification('window/logMessage', (p: { type: number; message: string }) => {
      if (p.type === 1) {
        this.errors.push(p.message);
      }
    });
    this.connection.listen();
    // a server that dies must fail the pending requests (disposing the connection rejects them), not hang the bench
    this.process.once('exit', (code, signal) => {
      this.exit = `the server exited (${signal ?? code})`;
      this.connection.dispose();
    });
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** Errors the server logged (an exception in a handler is logged and answered empty; the bench reports it). */
  get logged(): readonly string[] {
    return this.errors;
  }

  /** Resident memory of the server process in bytes (Linux /proc). */
  rss(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const m = /VmRSS:\s*(\d+)\s*kB/.exec(status);
    return m !== null ? Number(m[1]) * 1024 : NaN;
  }

  async initialize(): Promise<void> {
    await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      workspaceFolders: null,
      locale: 'en',
      capabilities: {
        workspace: {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          diagnostics: { refreshSupport: true },
        },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: true },
          documentSymbol: { dynamicRegistration: true, hierarchicalDocumentSymbolSupport: true, labelSupport: true },
          foldingRange: { dynamicRegistration: true, rangeLimit: VSCODE_FOLDING_RANGE_LIMIT, lineFoldingOnly: true },
          diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
        },
        window: { workDoneProgress: true },
      },
    });
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(uri: string, languageId: string, text: string): Promise<void> {
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, version: number, change: TextDocumentContentChangeEvent): Promise<void> {
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [change],
    });
  }

  /**
   * Sends the three requests an editor sends after a keystroke, all at once, and waits for the three answers. Like
   * VS Code, it sends the resultId of the last diagnostic report it got, and keeps its diagnostics when the server
   * answers `unchanged`.
   */
  async answers(uri: string): Promise<Answers> {
    const textDocument = { uri };
    const [symbols, folding, report] = await Promise.all([
      this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
      this.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
      this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument, previousResultId: this.lastReport.get(uri)?.resultId }),
    ]).catch((e: unknown) => {
      throw new Error(this.exit ?? (e instanceof Error ? e.message : String(e)));
    });
    if (report.kind === 'full') {
      this.lastReport.set(uri, { resultId: report.resultId, items: report.items });
    }
    let count = 0;
    const walk = (list: readonly { children?: unknown[] }[]) => {
      for (const s of list) {
        count++;
        walk((s.children ?? []) as { children?: unknown[] }[]);
      }
    };
    walk((symbols ?? []) as { children?: unknown[] }[]);
    return {
      symbols: count,
      folding: folding?.length ?? 0,
      diagnostics: this.lastReport.get(uri)?.items.length ?? 0,
      raw: { symbols, folding, diagnostics: report },
    };
  }

  /** The diagnostics the client holds now, and a fresh full report (no resultId): they must be the same. */
  async checkDiagnostics(uri: string): Promise<{ held: Diagnostic[]; fresh: Diagnostic[] }> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return { held: this.lastReport.get(uri)?.items ?? [], fresh: report.kind === 'full' ? report.items : [] };
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // the process is going away anyway
    }
    this.connection.dispose();
    if (this.process.exitCode === null && this.process.signalCode === null) {
      const exited = new Promise((r) => this.process.once('exit', r));
      setTimeout(() => this.process.kill(), 2000).unref();
      await exited;
    }
  }
}
