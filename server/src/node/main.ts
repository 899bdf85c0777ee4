/** The Node entry of the language server: a connection (stdio, IPC or socket, from the arguments), the host, go. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { Host } from '../host';
import { startServer } from '../server';
import { localeFromEnv } from '../service/locale';
import { readBundle } from './bundles';

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

/** The transport the arguments name (vscode-languageserver reads them itself), or undefined. */
function transport(argv: readonly string[]): string | undefined {
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
const chosen = transport(argv);
if (chosen === undefined || (chosen === '--node-ipc' && process.send === undefined)) {
  process.stderr.write(
    (chosen === undefined
      ? 'gongwen-language-server: no transport given.\n'
      : 'gongwen-language-server: --node-ipc needs a parent with an IPC channel.\n') + USAGE,
  );
  process.exit(2);
}

const host: Host = {
  async readFile(uri) {
    if (!uri.startsWith('file:')) {
      return undefined;
    }
    try {
      return await readFile(fileURLToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  },
  l10nBundle: readBundle,
  locale: localeFromEnv(process.env),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(handle) };
  },
};

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
startServer(connection, host);
