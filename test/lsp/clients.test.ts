/**
 * Editors other than VS Code, against the real server process: the locale from `initialize.locale`, else from
 * LC_ALL/LC_MESSAGES/LANG (a strict tag, never a path: a locale that climbs out of l10n/ loads nothing); a
 * registration only for a client that declares dynamicRegistration; no error for a client without workspace folders;
 * the nearest .gongwen.json below the workspace folder; usage text for --help and a missing transport; the
 * --socket and --node-ipc transports.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  MessageConnection,
  SocketMessageReader,
  SocketMessageWriter,
} from 'vscode-languageserver-protocol/node';
import type { Diagnostic, DocumentSymbol, InitializeResult } from 'vscode-languageserver-protocol';
import { readBundle } from '../../server/src/node/bundles';
import { HANG_GUARD, open, PULL_CAPABILITIES, SERVER, ServerOptions, serverPool, structural, TestServer } from './serverProcess';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-clients-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

/** A self-inspection text without its causes section: one section.missing. */
const DOC = '民主生活会个人对照检查材料\n一、存在的主要问题\n正文。\n二、整改措施\n正文。\n';

const start = serverPool();

async function missingMessage(s: TestServer, uri = 'file:///w/a.txt'): Promise<string> {
  await open(s, uri, DOC);
  const { items } = (await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
  const found = structural(items);
  assert.equal(found.length, 1);
  return String(found[0].message);
}

const ENGLISH = /^Required section “产生问题的原因” is missing/;
const CHINESE = /^缺少必备部分“产生问题的原因”/;

test('the locale: initialize.locale first, else LC_ALL/LC_MESSAGES/LANG, else English', HANG_GUARD, async () => {
  const cases: [ServerOptions, RegExp][] = [
    [{ locale: 'zh-CN' }, CHINESE],
    [{ locale: 'zh_CN' }, CHINESE],
    [{ env: { LANG: 'zh_CN.UTF-8' } }, CHINESE],
    [{ env: { LC_ALL: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' } }, CHINESE],
    [{ env: { LC_MESSAGES: 'zh_TW.UTF-8' } }, CHINESE],
    [{ locale: 'en', env: { LANG: 'zh_CN.UTF-8' } }, ENGLISH],
    [{ env: { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' } }, ENGLISH],
    [{}, ENGLISH],
  ];
  for (const [options, expected] of cases) {
    const s = await start(options);
    assert.match(await missingMessage(s), expected, JSON.stringify(options));
  }
});

test('a locale that is a path loads no file (issue 10): the server answers in English', HANG_GUARD, async () => {
  const evilDir = join(TMP, 'evil');
  mkdirSync(evilDir, { recursive: true });
  const evil = JSON.stringify({ 'Required section “{0}” is missing. Add a top-level heading such as “{1}”.': 'EVIL {0}' });
  writeFileSync(join(evilDir, 'x.json'), evil);
  // l10n/bundle.l10n.<locale>.json joined lexically would be <evilDir>/x.json
  const climbing = `x/${'../'.repeat(16)}${evilDir.slice(1)}/x`;
  assert.equal(readBundle(climbing), undefined);
  assert.equal(readBundle('zh-cn/../../zh-cn'), undefined);
  assert.ok(readBundle('zh-cn') !== undefined, 'the real bundle is found');
  for (const locale of [climbing, `zh-cn/${'../'.repeat(16)}${evilDir.slice(1)}/x`]) {
    const s = await start({ locale, env: { LANG: `x/${'../'.repeat(16)}${evilDir.slice(1)}/x` } });
    assert.match(await missingMessage(s), ENGLISH);
  }
});

test('registrations only for a client that declares dynamicRegistration', HANG_GUARD, async () => {
  const withoutDynamic = await start({
    capabilities: { ...PULL_CAPABILITIES, workspace: { configuration: true, didChangeConfiguration: {} } },
  });
  await missingMessage(withoutDynamic); // a round trip after `initialized`: a registration would have come first
  assert.deepEqual(
    withoutDynamic.requests.filter((r) => r.method === 'client/registerCapability'),
    [],
  );
  const withDynamic = await start({
    capabilities: { ...PULL_CAPABILITIES, workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } } },
  });
  const registration = await withDynamic.waitForRequest<{ registrations: { method: string }[] }>('client/registerCapability');
  assert.deepEqual(
    registration.registrations.map((r) => r.method),
    ['workspace/didChangeConfiguration'],
  );
});

test('a client without workspace folders: no error logged, the server answers', HANG_GUARD, async () => {
  const s = await start({ capabilities: { textDocument: { diagnostic: {} } } });
  assert.match(await missingMessage(s), ENGLISH);
  const errors = s.notifications.filter((n) => n.method === 'window/logMessage' && (n.params as { type: number }).type === 1);
  assert.deepEqual(errors, []);
  assert.equal(s.stderr(), '');
});

test('the nearest .gongwen.json at or above the document, never above the workspace folder; globs relative to it', HANG_GUARD, async () => {
  const root = join(TMP, 'ws');
  mkdirSync(join(root, 'sub', '述职'), { recursive: true });
  mkdirSync(join(root, 'other'), { recursive: true });
  writeFileSync(join(TMP, '.gongwen.json'), JSON.stringify({ diagnostics: { severity: { 'section.missing': 'ignore' } } }));
  writeFileSync(join(root, '.gongwen.json'), JSON.stringify({ diagnostics: { severity: { 'section.missing': 'hint' } } }));
  writeFileSync(
    join(root, 'sub', '.gongwen.json'),
    JSON.stringify({
      profiles: [{ id: 'pinned', sections: [{ id: 'x', patterns: ['存在'] }] }],
      profileAssociations: { '述职/*.txt': 'pinned' },
    }),
  );
  const folder = pathToFileURL(root).href;
  const s = await start({ workspaceFolders: [{ uri: folder, name: 'ws' }] });
  const severity = async (uri: string) => {
    await open(s, uri, DOC);
    const { items } = (await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] };
    return structural(items).map((d) => [d.code, d.severity]);
  };
  // the workspace folder's file (not the one above it): section.missing as a hint
  assert.deepEqual(await severity(`${folder}/other/a.txt`), [['section.missing', 4]]);
  // sub/.gongwen.json is nearer: its association (述职/*.txt, relative to sub/) pins a profile without that section
  assert.deepEqual(await severity(`${folder}/sub/${encodeURIComponent('述职')}/a.txt`), []);
  const status = await s.waitFor<{ uri: string; profile: string }>('gongwen/status', (p) => p.uri.includes('/sub/'));
  assert.equal(status.profile, 'pinned');
  // and its settings replace the workspace folder's: section.missing is back to an error there
  assert.deepEqual(await severity(`${folder}/sub/b.txt`), [['section.missing', 1]]);
});

test('gongwen-language-server --help and without a transport: a short usage, not the bundled code', () => {
  const help = spawnSync(process.execPath, [SERVER, '--help'], { encoding: 'utf8', timeout: 30000 });
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: gongwen-language-server --stdio \| --node-ipc \| --socket=PORT/);
  assert.ok(help.stdout.length < 3000, `${help.stdout.length} characters`);
  const none = spawnSync(process.execPath, [SERVER], { encoding: 'utf8', timeout: 30000 });
  assert.equal(none.status, 2);
  assert.equal(none.stdout, '');
  assert.match(none.stderr, /^gongwen-language-server: no transport given\.\nUsage: /);
  assert.ok(none.stderr.length < 3000, `${none.stderr.length} characters`);
});

async function session(connection: MessageConnection): Promise<DocumentSymbol[]> {
  connection.listen();
  const result = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
  })) as InitializeResult;
  assert.equal(result.serverInfo?.name, 'gongwen-language-server');
  await connection.sendNotification('initialized', {});
  const uri = 'file:///t/a.txt';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gongwen', version: 1, text: DOC } });
  const symbols = (await connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  return symbols;
}

test('--socket=PORT: the server connects to the client and speaks LSP over the socket', HANG_GUARD, async () => {
  const accepted = new Promise<Socket>((resolve) => {
    const listener = createServer((socket) => {
      listener.close();
      resolve(socket);
    });
    listener.listen(0, '127.0.0.1', () => {
      const port = (listener.address() as { port: number }).port;
      const child = spawn(process.execPath, [SERVER, `--socket=${port}`], { stdio: 'ignore' });
      after(() => child.kill());
    });
  });
  const socket = await accepted;
  const symbols = await session(createMessageConnection(new SocketMessageReader(socket), new SocketMessageWriter(socket)));
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['一、存在的主要问题', '二、整改措施'],
  );
  socket.destroy();
});

test('--node-ipc: the server speaks LSP over the IPC channel of its parent', HANG_GUARD, async () => {
  const child = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const symbols = await session(createMessageConnection(new IPCMessageReader(child), new IPCMessageWriter(child)));
  assert.equal(symbols.length, 2);
  await exited;
});
