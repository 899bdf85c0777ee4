/** The Node entry of the language server: a connection (stdio, IPC or socket, from the arguments), the host, go. */
import { Console } from 'node:console';
import { writeSync } from 'node:fs';
import {
  createConnection,
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  MessageReader,
  MessageWriter,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { Writable } from 'node:stream';
import type { Host } from '../host';
import { msg } from '../core/messages';
import { startServer } from '../server';
import { localeFromEnv } from '../service/locale';
import { fileUriToPath } from '../uris';
import { readBundle } from './bundles';
import { documentText } from '../input/read';
import { FileError, listDirectory, MAX_CONFIG_BYTES, READ_DEADLINE_MS, readMaterialBytes, readRegularFile } from './files';
import { FrameChecker, refuseAfterShutdown } from './wire';

/** Above this many bytes waiting for a client that does not read, no further message of the client is read. */
const OUTPUT_HIGH_WATER = 32 * 1024 * 1024;

const USAGE = `Usage: gongwen-language-server --stdio | --node-ipc | --socket=PORT | --pipe=NAME [--clientProcessId=PID]

The language server of Gongwen Outline (公文大纲): outline, folding and checks of Chinese official documents
over the Language Server Protocol, for any editor.

Transports (one is required):
  --stdio            JSON-RPC on standard input and output (Neovim, Helix, Emacs eglot, …)
  --node-ipc         Node's IPC channel (a parent that spawned this process with an 'ipc' stdio)
  --socket=PORT      connect to a client listening on 127.0.0.1:PORT
  --pipe=NAME        connect to a client listening on a named pipe / Unix socket
Other options:
  --clientProcessId=PID   exit when that process has gone
  --version          print the version
  --help             print this help

Messages are in the locale of the client's initialize request, else of LC_ALL, LC_MESSAGES or LANG
(Chinese when it starts with zh, English otherwise).
`;

/** The transport the arguments name, or undefined. */
function transportNamed(argv: readonly string[]): string | undefined {
  return argv.find((a, i) => /^--(stdio|node-ipc|(socket|pipe)=.+)$/.test(a) || (/^--(socket|pipe)$/.test(a) && argv[i + 1] !== undefined));
}

const argv = process.argv.slice(2);
if (argv.includes('--version')) {
  process.stdout.write('gongwen-language-server 0.1.0\n');
  process.exit(0);
}
if (argv.includes('--help') || argv.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
const chosen = transportNamed(argv);
if (chosen === undefined || (chosen === '--node-ipc' && process.send === undefined)) {
  process.stderr.write(
    (chosen === undefined
      ? 'gongwen-language-server: no transport given.\n'
      : 'gongwen-language-server: --node-ipc needs a parent with an IPC channel.\n') + USAGE,
  );
  process.exit(2);
}

const host: Host = {
  // the server reads only workspace files (.gongwen.json): small ones
  async readFile(uri) {
    const path = fileUriToPath(uri);
    if (path === undefined) {
      return undefined;
    }
    try {
      return { text: (await readRegularFile(path, { maxBytes: MAX_CONFIG_BYTES, deadlineMs: READ_DEADLINE_MS })).toString('utf8') };
    } catch (e) {
      return e instanceof FileError && e.code !== 'ENOENT' && e.code !== 'ENOTDIR' ? { problem: e.problem } : undefined;
    }
  },
  async listDirectory(uri) {
    const path = fileUriToPath(uri);
    return path !== undefined ? listDirectory(path) : undefined;
  },
  async readMaterial(uri, maxBytes) {
    const path = fileUriToPath(uri);
    if (path === undefined) {
      return undefined;
    }
    try {
      const read = await readMaterialBytes(path, { maxBytes, deadlineMs: READ_DEADLINE_MS });
      if ('changed' in read) {
        return read;
      }
      const decoded = documentText(path, read.bytes);
      return decoded.ok ? { text: decoded.text } : { problem: decoded.message };
    } catch (e) {
      return e instanceof FileError && e.code === 'ENOENT'
        ? undefined
        : { problem: e instanceof FileError ? e.problem : msg('{0}', String(e)) };
    }
  },
  l10nBundle: readBundle,
  locale: localeFromEnv(process.env),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(handle) };
  },
};

/** Ends the process with a line on stderr (written synchronously: the process is about to go). */
function fail(text: string, code = 1): never {
  writeSync(2, `gongwen-language-server: ${text}\n`);
  process.exit(code);
}

/**
 * stdio with its bytes checked (FrameChecker) and its output bounded: the writer hands each message to stdout at once
 * (vscode-jsonrpc's writer would otherwise queue unwritten messages out of sight), and the checker holds the client's
 * next message while more than OUTPUT_HIGH_WATER bytes wait in stdout.
 */
function stdio(): [MessageReader, MessageWriter] {
  let warned = false;
  const checker = new FrameChecker((resume) => {
    if (process.stdout.writableLength <= OUTPUT_HIGH_WATER) {
      return false;
    }
    if (!warned) {
      warned = true;
      writeSync(
        2,
        `gongwen-language-server: the client is not reading (${process.stdout.writableLength} bytes wait); its next messages are read when it catches up\n`,
      );
    }
    process.stdout.once('drain', () => {
      warned = false;
      resume();
    });
    return true;
  });
  checker.on('error', (e) =>
    fail(`the client's stream is broken, ${e.message}; the messages after it cannot be found, so the server stops`),
  );
  process.stdin.on('error', (e) => fail(`cannot read from the client: ${e.message}`));
  process.stdout.on('error', (e) => fail(`cannot write to the client: ${e.message}`));
  process.stdin.pipe(checker);
  // stdout carries the protocol: console output of any code goes to stderr instead
  const toStderr = new Console({ stdout: process.stderr, stderr: process.stderr });
  for (const method of ['log', 'info', 'debug', 'warn', 'error', 'dir', 'trace', 'table'] as const) {
    console[method] = toStderr[method].bind(toStderr);
  }
  const outbox = new Writable({
    write(chunk: Buffer, _encoding, done) {
      process.stdout.write(chunk);
      done();
    },
  });
  return [new StreamMessageReader(checker), new StreamMessageWriter(outbox)];
}

function transport(args: string[]): [MessageReader, MessageWriter] {
  const value = (name: string): string | undefined => {
    const i = args.findIndex((a) => a === name || a.startsWith(name + '='));
    return i === -1 ? undefined : args[i] === name ? args[i + 1] : args[i].slice(name.length + 1);
  };
  if (args.includes('--stdio')) {
    return stdio();
  } else if (args.includes('--node-ipc')) {
    return [new IPCMessageReader(process), new IPCMessageWriter(process)];
  } else if (value('--socket') !== undefined) {
    return createServerSocketTransport(Number(value('--socket')));
  } else if (value('--pipe') !== undefined) {
    return createServerPipeTransport(value('--pipe')!);
  }
  return fail('give the transport: --stdio, --node-ipc, --socket=PORT or --pipe=NAME', 2);
}

const [input, writer] = transport(process.argv.slice(2));
const reader = refuseAfterShutdown(input, writer);
// the client closed its end: nothing more will come (after shutdown that is the normal end)
reader.onClose(() => process.exit(reader.shutdown ? 0 : 1));
const connection = createConnection(ProposedFeatures.all, reader, writer);
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
startServer(connection, host);
