/** The Node entry of the language server: a connection (stdio, IPC or socket, from the arguments), the host, go. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { Host } from '../host';
import { startServer } from '../server';
import { readBundle } from './bundles';

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
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return { dispose: () => clearTimeout(handle) };
  },
};

if (process.argv.includes('--version')) {
  process.stdout.write('gongwen-language-server 0.1.0\n');
  process.exit(0);
}

const connection = createConnection(ProposedFeatures.all);
process.on('uncaughtException', (e) => connection.console.error(`uncaught: ${e.stack ?? e.message}`));
startServer(connection, host);
