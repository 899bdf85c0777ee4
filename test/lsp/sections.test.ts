// The section commands and refactor code actions against the real server process (dist/server.js over stdio), with a
// client that applies the server's workspace/applyEdit as an editor does: only when the version it names is current.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ApplyWorkspaceEditParams, CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

import { HANG_GUARD, PULL_CAPABILITIES, startServer, TestServer } from './serverProcess';

const CAPABILITIES = {
  ...PULL_CAPABILITIES,
  textDocument: { ...PULL_CAPABILITIES.textDocument, codeAction: { resolveSupport: { properties: ['edit'] } } },
  workspace: { ...PULL_CAPABILITIES.workspace, applyEdit: true, workspaceEdit: { documentChanges: true } },
};

/** The client's documents: the server's edits are applied to them and sent back as changes. */
const documents = new Map<string, TextDocument>();
let server: TestServer;
let rejectEdits = false;
/** The edits the server asked the client to apply. */
const applied: ApplyWorkspaceEditParams[] = [];

before(async () => {
  server = await startServer({ locale: 'zh-cn', capabilities: CAPABILITIES });
  server.connection.onRequest('workspace/applyEdit', async (params: ApplyWorkspaceEditParams) => {
    applied.push(params);
    const edit = params.edit.documentChanges?.[0] as TextDocumentEdit | undefined;
    const doc = edit !== undefined ? documents.get(edit.textDocument.uri) : undefined;
    if (rejectEdits || doc === undefined || edit?.textDocument.version !== doc.version) {
      return { applied: false, failureReason: 'version mismatch' };
    }
    await change(doc.uri, TextDocument.applyEdits(doc, edit.edits as TextEdit[]));
    return { applied: true };
  });
});
after(() => server.stop());

async function open(uri: string, text: string): Promise<void> {
  documents.set(uri, TextDocument.create(uri, 'gongwen', 1, text));
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'gongwen', version: 1, text } });
}

async function change(uri: string, text: string): Promise<void> {
  const doc = documents.get(uri) as TextDocument;
  const next = TextDocument.update(doc, [{ text }], doc.version + 1);
  documents.set(uri, next);
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: next.version },
    contentChanges: [{ text }],
  });
}

function execute(command: string, args: unknown): Promise<{ applied: boolean; reason?: string }> {
  return server.connection.sendRequest('workspace/executeCommand', { command, arguments: [args] });
}

const DOC = ['一、问题', '（一）学习', '正文一。', '（二）作风', '正文二。', '（三）纪律', '二、原因', '（一）思想'].join('\n');
const text = (uri: string) => documents.get(uri)?.getText().split('\n');

test('initialize announces the five commands and the refactor kinds', () => {
  const caps = server.initializeResult.capabilities;
  assert.deepEqual([...(caps.executeCommandProvider?.commands ?? [])].sort(), [
    'gongwen.renumber',
    'gongwen.section.demote',
    'gongwen.section.moveDown',
    'gongwen.section.moveUp',
    'gongwen.section.promote',
  ]);
  const kinds = typeof caps.codeActionProvider === 'object' ? caps.codeActionProvider.codeActionKinds : [];
  assert.ok(kinds?.includes('refactor.move.gongwen') && kinds.includes('refactor.rewrite.gongwen'), JSON.stringify(kinds));
});

test(
  'gongwen.section.moveDown and moveUp apply a versioned edit: the section and its body change places, renumbered',
  HANG_GUARD,
  async () => {
    const uri = 'file:///tmp/sections-move.gongwen';
    await open(uri, DOC);
    assert.deepEqual(await execute('gongwen.section.moveDown', { uri, line: 2 }), { applied: true });
    const request = applied[applied.length - 1];
    assert.equal(request.label, '下移本节');
    const sent = request.edit.documentChanges?.[0] as TextDocumentEdit;
    assert.deepEqual(sent.textDocument, { uri, version: 1 }, 'the edit names the version it was built for');
    assert.deepEqual(text(uri), ['一、问题', '（一）作风', '正文二。', '（二）学习', '正文一。', '（三）纪律', '二、原因', '（一）思想']);
    // built against the current version (2 now): moving it back up gives the document again
    assert.deepEqual(await execute('gongwen.section.moveUp', { uri, line: 3 }), { applied: true });
    assert.equal(documents.get(uri)?.getText(), DOC);
  },
);

test('gongwen.section.promote and demote: ranks and numbers follow', HANG_GUARD, async () => {
  const uri = 'file:///tmp/sections-rank.gongwen';
  await open(uri, DOC);
  assert.deepEqual(await execute('gongwen.section.promote', { uri, line: 3 }), { applied: true });
  assert.deepEqual(text(uri), ['一、问题', '（一）学习', '正文一。', '二、作风', '正文二。', '（一）纪律', '三、原因', '（一）思想']);
  assert.deepEqual(await execute('gongwen.section.demote', { uri, line: 3 }), { applied: true });
  assert.deepEqual(text(uri), ['一、问题', '（一）学习', '正文一。', '（二）作风', '正文二。', '1.纪律', '二、原因', '（一）思想']);
});

test('gongwen.renumber renumbers every group and 一是/二是 run in one edit', HANG_GUARD, async () => {
  const uri = 'file:///tmp/sections-renumber.gongwen';
  await open(uri, ['一、甲', '三、乙', '（二）丙', '一是学，三是做。'].join('\n'));
  assert.deepEqual(await execute('gongwen.renumber', { uri }), { applied: true });
  assert.deepEqual(text(uri), ['一、甲', '二、乙', '（一）丙', '一是学，二是做。']);
});

test('an operation that does not apply answers why, in Chinese, and shows it; nothing is edited', HANG_GUARD, async () => {
  const uri = 'file:///tmp/sections-reason.gongwen';
  await open(uri, DOC);
  const reason = '“一、问题”已是最高层级（一、），无法再升级。';
  assert.deepEqual(await execute('gongwen.section.promote', { uri, line: 0 }), { applied: false, reason });
  await server.waitForMessage((m) => m.method.startsWith('window/showMessage') && (m.params as { message: string }).message === reason);
  assert.equal(documents.get(uri)?.version, 1);
});

test('a client that rejects the edit (its version moved on) gets applied: false back', HANG_GUARD, async () => {
  const uri = 'file:///tmp/sections-rejected.gongwen';
  await open(uri, DOC);
  rejectEdits = true;
  try {
    assert.deepEqual(await execute('gongwen.section.moveDown', { uri, line: 1 }), { applied: false, reason: 'version mismatch' });
  } finally {
    rejectEdits = false;
  }
  assert.equal(documents.get(uri)?.getText(), DOC);
});

test('bad arguments and documents that are not open get a clear error', HANG_GUARD, async () => {
  const uri = 'file:///tmp/sections-bad.gongwen';
  await open(uri, DOC);
  await assert.rejects(execute('gongwen.section.moveUp', { uri }), /takes one argument \{ uri, line \}/);
  await assert.rejects(execute('gongwen.section.moveUp', { uri, line: -1 }), /line -1 is not a line number/);
  await assert.rejects(execute('gongwen.section.moveUp', 'oops'), /takes one argument/);
  await assert.rejects(execute('gongwen.section.moveUp', { uri: 'file:///tmp/not-open.txt', line: 0 }), /not open/);
  await assert.rejects(
    server.connection.sendRequest('workspace/executeCommand', { command: 'gongwen.nothing', arguments: [] }),
    /unknown command/,
  );
});

async function actions(uri: string, line: number, only?: string[]): Promise<CodeAction[]> {
  return (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    context: { diagnostics: [], only, triggerKind: 1 },
  })) as CodeAction[];
}

test('refactor code actions on a heading line: only those that apply, resolved against the current version', HANG_GUARD, async () => {
  const uri = 'file:///tmp/sections-actions.gongwen';
  await open(uri, DOC);
  const listed = await actions(uri, 3);
  assert.deepEqual(
    listed.map((a) => [a.title, a.kind]),
    [
      ['上移本节', 'refactor.move.gongwen'],
      ['下移本节', 'refactor.move.gongwen'],
      ['本节升一级', 'refactor.rewrite.gongwen'],
      ['本节降一级', 'refactor.rewrite.gongwen'],
    ],
  );
  assert.ok(
    listed.every((a) => a.edit === undefined),
    'edits are built on resolve',
  );
  // a top-level first heading can only move down; a body line gets none; `only` filters by kind
  assert.deepEqual(
    (await actions(uri, 0)).map((a) => a.title),
    ['下移本节'],
  );
  assert.deepEqual(await actions(uri, 2), []);
  assert.deepEqual(
    (await actions(uri, 3, ['refactor.rewrite'])).map((a) => a.title),
    ['本节升一级', '本节降一级'],
  );
  const resolved = (await server.connection.sendRequest('codeAction/resolve', listed[1])) as CodeAction;
  const edit = resolved.edit?.documentChanges?.[0] as TextDocumentEdit;
  assert.deepEqual(edit.textDocument, { uri, version: 1 });
  const moved = TextDocument.applyEdits(documents.get(uri) as TextDocument, edit.edits as TextEdit[]);
  assert.deepEqual(moved.split('\n').slice(1, 6), ['（一）学习', '正文一。', '（二）纪律', '（三）作风', '正文二。']);
  // after a change the old action resolves to nothing
  await change(uri, DOC + '\n');
  const stale = (await server.connection.sendRequest('codeAction/resolve', listed[1])) as CodeAction;
  assert.equal(stale.edit, undefined);
});

test('the automatic request (light bulb) gets no refactoring; one asking for a refactor kind does', HANG_GUARD, async () => {
  const uri = 'file:///tmp/sections-automatic.gongwen';
  await open(uri, DOC);
  const ask = async (context: object) =>
    (
      (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } },
        context: { diagnostics: [], ...context },
      })) as CodeAction[]
    ).map((a) => a.kind);
  assert.deepEqual(await ask({ triggerKind: 2 }), []);
  assert.deepEqual(await ask({}), []);
  assert.deepEqual(await ask({ only: ['refactor.move'], triggerKind: 2 }), ['refactor.move.gongwen', 'refactor.move.gongwen']);
});

test('renumbering is offered on a heading line when the document has a numbering finding', HANG_GUARD, async () => {
  const uri = 'file:///tmp/sections-renumber-action.gongwen';
  await open(uri, ['一、甲', '三、乙'].join('\n'));
  await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  const listed = await actions(uri, 1, ['refactor.rewrite.gongwen']);
  assert.deepEqual(
    listed.map((a) => a.title),
    ['本节降一级', '全文重新编号（标题和列举）'],
  );
});

test('a client that does not resolve code actions gets the edits with the list', HANG_GUARD, async () => {
  const plain = await startServer({
    capabilities: { ...PULL_CAPABILITIES, workspace: { ...PULL_CAPABILITIES.workspace, applyEdit: true } },
  });
  try {
    const uri = 'file:///tmp/sections-eager.gongwen';
    await plain.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'gongwen', version: 1, text: DOC },
    });
    const listed = (await plain.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } },
      context: { diagnostics: [], only: ['refactor.move'] },
    })) as CodeAction[];
    assert.deepEqual(
      listed.map((a) => a.title),
      ['Move section up'],
    );
    const edits = listed[0].edit?.changes?.[uri] ?? [];
    const moved = TextDocument.applyEdits(TextDocument.create(uri, 'gongwen', 1, DOC), edits);
    assert.deepEqual(moved.split('\n').slice(3, 6), ['（二）纪律', '（三）作风', '正文二。']);
  } finally {
    await plain.stop();
  }
});
