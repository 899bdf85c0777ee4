/** The Node entry of the language server: a connection (stdio, IPC or socket, from the arguments), the host, go. */
import { readFile } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import type { Host } from '../host';
import { startServer } from '../server';

/** dist/server.js and out/server/src/node/main.js both find the bundles by walking up to the package root. */
function l10nDir(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'l10n'))) {
      return join(dir, 'l10n');
    }
    dir = join(dir, '..');
  }
  return undefined;
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
  l10nBundle(locale) {
    const dir = l10nDir();
    for (const name of [locale, locale.split('-')[0]]) {
      const file = dir !== undefined ? join(dir, `bundle.l10n.${name}.json`) : '';
      if (file !== '' && existsSync(file)) {
        return readFileSync(file, 'utf8');
      }
    }
    return undefined;
  },
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
