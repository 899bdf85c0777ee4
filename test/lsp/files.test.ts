/**
 * Workspace files and document URIs against the real server process (issue 10, classes 1 and 3):
 * - folders whose `.gongwen.json` is a FIFO (five of them used to fill libuv's thread pool, so that every folder
 *   stopped) or a link to /dev/zero: each is named once, its documents get the defaults, the normal folder its file;
 * - a bare `%` in a folder or document URI (`file:///…/100%/…`), spelled raw or encoded: the document gets its outline,
 *   its diagnostics and its folder's `.gongwen.json` (decodeURIComponent threw, and it got nothing).
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { HANG_GUARD, open, startServer, structural, TestServer } from './serverProcess';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-lsp-files-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

/** A self-inspection text without its "causes" section: section.missing by default, nothing under `general`. */
const DOC = '民主生活会个人对照检查材料\n一、存在的主要问题\n正文。\n二、整改措施\n正文。\n';
const GENERAL = '{ "profile": "general" }';

const symbols = (s: TestServer, uri: string) =>
  s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>;
const codes = async (s: TestServer, uri: string) =>
  structural(((await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items).map(
    (d) => d.code,
  );

function shown(s: TestServer): string[] {
  return [...s.notifications, ...s.requests]
    .filter((m) => m.method === 'window/showMessage' || m.method === 'window/showMessageRequest')
    .map((m) => (m.params as { message: string }).message);
}

test(
  'five folders whose .gongwen.json is a FIFO and one where it links to /dev/zero: each named once, every folder answered',
  HANG_GUARD,
  async () => {
    const folders: { uri: string; name: string }[] = [];
    for (let i = 0; i < 5; i++) {
      const dir = join(TMP, `fifo${i}`);
      mkdirSync(dir);
      assert.equal(spawnSync('mkfifo', [join(dir, '.gongwen.json')]).status, 0);
      folders.push({ uri: pathToFileURL(dir).href, name: `fifo${i}` });
    }
    mkdirSync(join(TMP, 'zero'));
    symlinkSync('/dev/zero', join(TMP, 'zero', '.gongwen.json'));
    folders.push({ uri: pathToFileURL(join(TMP, 'zero')).href, name: 'zero' });
    mkdirSync(join(TMP, 'normal'));
    writeFileSync(join(TMP, 'normal', '.gongwen.json'), GENERAL);
    folders.push({ uri: pathToFileURL(join(TMP, 'normal')).href, name: 'normal' });

    const s = await startServer({ workspaceFolders: folders });
    try {
      for (const f of folders) {
        await open(s, `${f.uri}/对照检查材料.txt`, DOC);
      }
      for (const f of folders) {
        const uri = `${f.uri}/对照检查材料.txt`;
        assert.deepEqual(await codes(s, uri), f.name === 'normal' ? [] : ['section.missing'], f.name);
        assert.equal((await symbols(s, uri)).length, 2, f.name);
      }
      for (let i = 0; i < 5; i++) {
        const said = shown(s).filter((m) => m.includes(`fifo${i}`));
        assert.equal(said.length, 1, said.join('\n'));
        assert.match(said[0], /\.gongwen\.json is a FIFO \(named pipe\), not a regular file; it is not read/);
      }
      assert.equal(shown(s).filter((m) => /zero.\.gongwen\.json is a character device/.test(m)).length, 1, shown(s).join('\n'));
    } finally {
      await s.stop();
    }
  },
);

test('a bare % in the folder and document URIs, raw or encoded: outline, diagnostics and the folder settings', HANG_GUARD, async () => {
  const dir = join(TMP, '100%');
  mkdirSync(dir);
  writeFileSync(join(dir, '.gongwen.json'), GENERAL);
  const raw = `file://${dir}`; // as a careless client sends it: file:///tmp/…/100%
  const encoded = pathToFileURL(dir).href; // file:///tmp/…/100%25
  for (const [folder, document] of [
    [raw, `${raw}/对照检查 100%.txt`],
    [encoded, `${raw}/对照检查 50%.txt`],
    [raw, `${encoded}/${encodeURIComponent('对照检查 20%.txt')}`],
  ]) {
    const s = await startServer({ workspaceFolders: [{ uri: folder, name: '100%' }] });
    try {
      await open(s, document, DOC);
      assert.equal((await symbols(s, document)).length, 2, document);
      assert.deepEqual(await codes(s, document), [], `${document}: the folder's .gongwen.json (general) applies`);
      assert.deepEqual(shown(s), []);
    } finally {
      await s.stop();
    }
  }
  // without a workspace folder, a bare % in the name alone
  const s = await startServer();
  try {
    await open(s, 'file:///nowhere/100%.txt', DOC);
    assert.deepEqual(await codes(s, 'file:///nowhere/100%.txt'), ['section.missing']);
  } finally {
    await s.stop();
  }
});
