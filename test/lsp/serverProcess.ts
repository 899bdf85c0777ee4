import { after } from 'node:test';
/**
 * Starts the real language server (`node dist/server.js --stdio`) and talks JSON-RPC to it as an editor does.
 * Waits are for messages, bounded by a deadline; nothing sleeps.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import type { ClientCapabilities, InitializeResult } from 'vscode-languageserver-protocol';

/** A server that has not answered shutdown by then is killed (a deadline, not a wait). */
const SHUTDOWN_DEADLINE_MS = 10_000;

export const SERVER = join(__dirname, '..', '..', '..', 'dist', 'server.js');

export interface ServerOptions {
  capabilities?: ClientCapabilities;
  locale?: string;
  initializationOptions?: unknown;
  workspaceFolders?: { uri: string; name: string }[];
  /**
   * Answers to workspace/configuration (per item), default: none (the server uses its defaults). May return a
   * promise, to hold the answer back (e.g. until a request has been cancelled).
   */
  configuration?: (item: { scopeUri?: string; section?: string }) => unknown;
  /** Environment variables over the test's (LANG, LC_ALL and LC_MESSAGES are cleared unless given here). */
  env?: Record<string, string>;
}

export interface TestServer {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  readonly initializeResult: InitializeResult;
  /** Notifications received so far, by method. */
  readonly notifications: { method: string; params: unknown }[];
  /** Requests the server sent to the client so far (workspace/configuration, window/showMessageRequest, …). */
  readonly requests: { method: string; params: unknown }[];
  /** Resolves with the first notification of `method` matching `predicate` (past or future), or rejects at the deadline. */
  waitFor<T>(method: string, predicate?: (params: T) => boolean, ms?: number): Promise<T>;
  /** The same for requests from the server. */
  waitForRequest<T>(method: string, predicate?: (params: T) => boolean, ms?: number): Promise<T>;
  /** The first notification or request from the server that matches (e.g. window/showMessage or showMessageRequest). */
  waitForMessage(
    predicate: (message: { method: string; params: unknown }) => boolean,
    ms?: number,
  ): Promise<{ method: string; params: unknown }>;
  /** What the server wrote to stderr so far. */
  stderr(): string;
  /** Resolves with the exit code when the process has ended. */
  readonly exited: Promise<number | null>;
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
  const env = { ...process.env, LANG: '', LC_ALL: '', LC_MESSAGES: '', ...options.env };
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  let errText = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    errText += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const notifications: { method: string; params: unknown }[] = [];
  const requests: { method: string; params: unknown }[] = [];
  type Waiter = { method: string; test: (p: unknown) => boolean; resolve: (p: unknown) => void };
  const waiters: Waiter[] = [];
  const requestWaiters: Waiter[] = [];
  const anyWaiters: {
    test: (m: { method: string; params: unknown }) => boolean;
    resolve: (m: { method: string; params: unknown }) => void;
  }[] = [];
  const arrived = (list: Waiter[], method: string, params: unknown): void => {
    for (const w of anyWaiters.slice()) {
      if (w.test({ method, params })) {
        anyWaiters.splice(anyWaiters.indexOf(w), 1);
        w.resolve({ method, params });
      }
    }
    for (const w of list.slice()) {
      if (w.method === method && w.test(params)) {
        list.splice(list.indexOf(w), 1);
        w.resolve(params);
      }
    }
  };
  connection.onNotification((method, params) => {
    notifications.push({ method, params });
    arrived(waiters, method, params);
  });
  const answer = <P>(method: string, respond: (params: P) => unknown) =>
    connection.onRequest(method, (params: P) => {
      requests.push({ method, params });
      arrived(requestWaiters, method, params);
      return respond(params);
    });
  answer('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
    Promise.all(params.items.map(async (item) => (await options.configuration?.(item)) ?? null)),
  );
  answer('client/registerCapability', () => null);
  answer('window/showMessageRequest', () => null);
  answer('workspace/diagnostic/refresh', () => null);
  connection.listen();
  const wait =
    <T>(past: { method: string; params: unknown }[], list: Waiter[], kind: string) =>
    (method: string, predicate: (params: T) => boolean = () => true, ms = 10000): Promise<T> => {
      const found = past.find((n) => n.method === method && predicate(n.params as T));
      if (found !== undefined) {
        return Promise.resolve(found.params as T);
      }
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${kind} ${method} within ${ms} ms`)), ms);
        list.push({
          method,
          test: (p) => predicate(p as T),
          resolve: (p) => {
            clearTimeout(timer);
            resolve(p as T);
          },
        });
      });
    };
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
    requests,
    waitFor: <T>(method: string, predicate?: (params: T) => boolean, ms?: number) =>
      wait<T>(notifications, waiters, 'notification')(method, predicate, ms),
    waitForRequest: <T>(method: string, predicate?: (params: T) => boolean, ms?: number) =>
      wait<T>(requests, requestWaiters, 'request')(method, predicate, ms),
    waitForMessage(predicate, ms = 10000) {
      const found = [...notifications, ...requests].find(predicate);
      if (found !== undefined) {
        return Promise.resolve(found);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching message within ${ms} ms`)), ms);
        anyWaiters.push({
          test: predicate,
          resolve: (m) => {
            clearTimeout(timer);
            resolve(m);
          },
        });
      });
    },
    stderr: () => errText,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        let timer: NodeJS.Timeout | undefined;
        try {
          // a server that does not answer shutdown within the deadline is killed
          await Promise.race([
            connection.sendRequest('shutdown'),
            new Promise((_, reject) => {
              timer = setTimeout(() => reject(new Error('no answer to shutdown')), SHUTDOWN_DEADLINE_MS);
            }),
          ]);
          await connection.sendNotification('exit');
        } catch {
          child.kill();
        } finally {
          clearTimeout(timer);
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

/** Turns a hang into a failure; no test asserts how long anything takes. */
/**
 * The findings of the structure and the text: the review codes of SPEC §9 left out. The materials of these tests are
 * a few lines long, and the review finds every one of them too short (tested in test/unit with materials of their own).
 */
export function structural<T extends { code?: unknown }>(items: readonly T[]): T[] {
  return items.filter((d) => !String(d.code).startsWith('review.'));
}

export const HANG_GUARD = { timeout: 60000 };

/** Starts servers for one test file and stops them all after it. */
export function serverPool(): (options: ServerOptions) => Promise<TestServer> {
  const servers: TestServer[] = [];
  after(() => Promise.all(servers.map((s) => s.stop())));
  return async (options) => {
    const s = await startServer(options);
    servers.push(s);
    return s;
  };
}
