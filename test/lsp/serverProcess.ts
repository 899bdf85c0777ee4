/**
 * Starts the real language server (`node dist/server.js --stdio`) and talks JSON-RPC to it as an editor does.
 * Waits are for messages, bounded by a deadline; nothing sleeps.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { ClientCapabilities, InitializeResult } from 'vscode-languageserver-protocol';

export const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface ServerOptions {
  capabilities?: ClientCapabilities;
  locale?: string;
  initializationOptions?: unknown;
  workspaceFolders?: { uri: string; name: string }[];
  /** Answers to workspace/configuration (per item), default: none (the server uses its defaults). */
  configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
}

export interface TestServer {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly initializeResult: InitializeResult;
  /** Notifications received so far, by method. */
  readonly notifications: { method: string; params: unknown }[];
  /** Resolves with the first notification of `method` matching `predicate` (past or future), or rejects at the deadline. */
  waitFor<T>(method: string, predicate?: (params: T) => boolean, ms?: number): Promise<T>;
  stop(): Promise<void>;
}

export const PULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    diagnostic: { dynamicRegistration: false },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    foldingRange: { rangeLimit: 5000 },
  },
  workspace: { configuration: true, diagnostics: { refreshSupport: true } },
};

export async function startServer(options: ServerOptions = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const notifications: { method: string; params: unknown }[] = [];
  const waiters: { method: string; test: (p: unknown) => boolean; resolve: (p: unknown) => void }[] = [];
  connection.onNotification((method, params) => {
    notifications.push({ method, params });
    for (const w of waiters.slice()) {
      if (w.method === method && w.test(params)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(params);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
    params.items.map((item) => options.configuration?.(item) ?? null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/showMessageRequest', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: options.workspaceFolders?.[0]?.uri ?? null,
    workspaceFolders: options.workspaceFolders ?? null,
    capabilities: options.capabilities ?? PULL_CAPABILITIES,
    locale: options.locale,
    initializationOptions: options.initializationOptions,
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  return {
    process: child,
    connection,
    initializeResult,
    notifications,
    waitFor<T>(method: string, predicate: (params: T) => boolean = () => true, ms = 10000): Promise<T> {
      const past = notifications.find((n) => n.method === method && predicate(n.params as T));
      if (past !== undefined) {
        return Promise.resolve(past.params as T);
      }
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${method} within ${ms} ms`)), ms);
        waiters.push({
          method,
          test: (p) => predicate(p as T),
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p as T);
          },
        });
      });
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        try {
          await connection.sendRequest('shutdown');
          await connection.sendNotification('exit');
        } catch {
          child.kill();
        }
        await exited;
      }
      connection.dispose();
    },
  };
}

export function open(server: TestServer, uri: string, text: string, languageId = 'gongwen', version = 1): Promise<void> {
  return server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
}
