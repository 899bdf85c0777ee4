// The fix-all code action (source.fixAll.gongwen) against the real server process (dist/server.js over stdio).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** A versioned document edit as this server sends it (plain text edits). */
type DocumentEdit = { textDocument: { uri: string; version: number }; edits: TextEdit[] };

import { HANG_GUARD, open, PULL_CAPABILITIES, startServer, TestServer } from './serverProcess';

const VERSIONED = { ...PULL_CAPABILITIES, workspace: { ...PULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } };

let server: TestServer;
let chinese: TestServer;
before(async () => {
  [server, chinese] = await Promise.all([
    startServer({ capabilities: VERSIONED }),
    startServer({ capabilities: VERSIONED, locale: 'zh-cn' }),
  ]);
});
after(() => Promise.all([server.stop(), chinese.stop()]));

const TEXT = ['工作总结', '一、甲', '(三)乙。一是学习，三是工作。', '（三）丙', '三、丁', '1、戊', ''].join('\n');
const FIXED = ['工作总结', '一、甲', '（一）乙。一是学习，二是工作。', '（二）丙', '二、丁', '1.戊', ''].join('\n');

function actions(on: TestServer, uri: string, only?: string[]): Promise<CodeAction[]> {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return on.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range,
    context: { diagnostics: [], ...(only !== undefined ? { only } : {}) },
  }) as Promise<CodeAction[]>;
}

/** The text after LSP text edits, as a client applies them. */
function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.txt', 'plaintext', 0, text), edits);
}

test('initialize announces the source.fixAll.gongwen kind', () => {
  const kinds = (server.initializeResult.capabilities.codeActionProvider as { codeActionKinds?: string[] }).codeActionKinds;
  assert.ok(kinds?.includes('source.fixAll.gongwen'), JSON.stringify(kinds));
});

test('asked for source.fixAll (as on save) or source: one edit of the current version fixes every safe problem', HANG_GUARD, async () => {
  const uri = 'file:///tmp/fix-all.txt';
  await open(server, uri, TEXT, 'plaintext', 7);
  for (const only of [['source.fixAll'], ['source'], ['source.fixAll.gongwen']]) {
    const list = await actions(server, uri, only);
    assert.deepEqual(
      list.map((a) => [a.title, a.kind]),
      [['Fix all auto-fixable problems (Gongwen)', 'source.fixAll.gongwen']],
      `only ${only.join()}`,
    );
    const changes = list[0].edit?.documentChanges as DocumentEdit[];
    assert.equal(changes.length, 1, 'one document edit');
    assert.deepEqual(changes[0].textDocument, { uri, version: 7 });
    assert.equal(applyEdits(TEXT, changes[0].edits), FIXED);
    // every edit changes marker characters only
    for (const e of changes[0].edits) {
      assert.match(e.newText, /^[（）一二三四五六七八九十0-9.、]+$/, JSON.stringify(e));
    }
  }
  // quick fixes and other kinds, or no kind named (the light bulb), do not get it
  for (const only of [['quickfix'], ['refactor'], ['source.organizeImports'], undefined]) {
    assert.deepEqual(
      (await actions(server, uri, only)).filter((a) => a.kind === 'source.fixAll.gongwen'),
      [],
      `only ${String(only)}`,
    );
  }
});

test('after an edit the action is built from the new version and names it; a clean document gets none', HANG_GUARD, async () => {
  const uri = 'file:///tmp/fix-all-edited.txt';
  await open(server, uri, TEXT, 'plaintext', 1);
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 4 } }, text: '2、戊\n3、己' }],
  });
  const now = TEXT.replace('1、戊', '2、戊\n3、己');
  const [action] = await actions(server, uri, ['source.fixAll']);
  const [change] = action.edit?.documentChanges as DocumentEdit[];
  assert.deepEqual(change.textDocument, { uri, version: 2 });
  assert.equal(applyEdits(now, change.edits), FIXED.replace('1.戊', '1.戊\n2.己'));
  // the fixed text, sent back as the client applies it: nothing more to fix
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [{ text: applyEdits(now, change.edits) }],
  });
  assert.deepEqual(await actions(server, uri, ['source.fixAll']), []);
});

test('a missing required part is not inserted by fix-all; its quick fix stays', HANG_GUARD, async () => {
  const uri = 'file:///tmp/%E5%AF%B9%E7%85%A7%E6%A3%80%E6%9F%A5-fix-all.txt';
  const text = ['个人对照检查材料', '一、存在的问题', '（一）学习不够。', '二、整改措施', '（一）加强学习。'].join('\n');
  await open(server, uri, text, 'gongwen');
  assert.deepEqual(await actions(server, uri, ['source.fixAll']), [], 'only section.missing has a fix, and it inserts text');
});

test('the title is Chinese for a zh-cn client', HANG_GUARD, async () => {
  const uri = 'file:///tmp/fix-all-zh.txt';
  await open(chinese, uri, TEXT, 'plaintext');
  const list = await actions(chinese, uri, ['source.fixAll']);
  assert.deepEqual(
    list.map((a) => a.title),
    ['修复所有可自动修复的问题（公文大纲）'],
  );
});
