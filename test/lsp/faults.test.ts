/**
 * Protocol faults against the real server process (`node dist/server.js --stdio`): requests for documents that are
 * not open, positions out of range, malformed params, cancellation in the middle of a request, didChange with a
 * version gap, unknown methods, a huge document, exit without shutdown, a client that goes away. After each fault
 * the server answers (a result or a clean JSON-RPC error) and goes on serving: `assertServing` asks it for the
 * outline of a known document and checks the answer.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver-protocol';
import type {
  CodeAction,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  PublishDiagnosticsParams,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { HANG_GUARD, open, startServer, structural, TestServer } from './serverProcess';

const KNOWN = 'file:///faults/known.txt';
const KNOWN_TEXT = '民主生活会对照检查材料\n一、存在的主要问题\n（一）学习不够。正文。\n二、产生问题的原因\n正文。\n三、整改措施\n正文。\n';
const KNOWN_NAMES = ['一、存在的主要问题', '二、产生问题的原因', '三、整改措施'];

let server: TestServer;
before(async () => {
  server = await startServer();
  await open(server, KNOWN, KNOWN_TEXT);
});
after(() => server.stop());

const request = <R>(method: string, params: unknown, s: TestServer = server): Promise<R> =>
  s.connection.sendRequest(method, params) as Promise<R>;
const notify = (method: string, params: unknown, s: TestServer = server): Promise<void> => s.connection.sendNotification(method, params);
const symbols = (uri: string, s: TestServer = server) =>
  request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } }, s);
const diagnostics = async (uri: string, s: TestServer = server) =>
  structural((await request<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }, s)).items ?? []);

/** The server is alive and still gives the right outline of a document opened before the fault. */
async function assertServing(s: TestServer = server): Promise<void> {
  assert.equal(s.process.exitCode, null, `the server is running (stderr: ${s.stderr()})`);
  assert.deepEqual(
    (await symbols(KNOWN, s)).map((x) => x.name),
    KNOWN_NAMES,
  );
}

/** A request that must settle as an answer or a JSON-RPC error, never leave the client waiting. */
async function settle(p: Promise<unknown>): Promise<{ result?: unknown; error?: ResponseError<unknown> }> {
  try {
    return { result: await p };
  } catch (e) {
    assert.ok(e instanceof ResponseError, `a JSON-RPC error, not ${String(e)}`);
    return { error: e };
  }
}

test('requests for documents that are not open: empty answers, not errors', HANG_GUARD, async () => {
  const uri = 'file:///faults/never-opened.txt';
  assert.deepEqual(await symbols(uri), []);
  assert.deepEqual(await request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } }), []);
  assert.deepEqual(await request('textDocument/diagnostic', { textDocument: { uri } }), { kind: 'full', items: [] });
  assert.deepEqual(
    await request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    }),
    [],
  );
  // changing or closing a document that is not open is ignored
  await notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '一、新的' }] });
  await notify('textDocument/didClose', { textDocument: { uri } });
  assert.deepEqual(await symbols(uri), []);
  // a closed document is forgotten
  await open(server, 'file:///faults/closed.txt', '一、甲\n正文。\n二、乙\n正文。\n');
  assert.equal((await symbols('file:///faults/closed.txt')).length, 2);
  await notify('textDocument/didClose', { textDocument: { uri: 'file:///faults/closed.txt' } });
  assert.deepEqual(await symbols('file:///faults/closed.txt'), []);
  await assertServing();
});

test('positions out of range: edits past the end of a line or of the document are clamped, as VS Code does', HANG_GUARD, async () => {
  const uri = 'file:///faults/range.txt';
  await open(server, uri, '工作总结\n一、甲\n正文。');
  const change = (version: number, range: unknown, text: string) =>
    notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  await change(2, { start: { line: 1000000, character: 5 }, end: { line: 1000000, character: 9 } }, '\n二、乙');
  await change(3, { start: { line: 1, character: 1e9 }, end: { line: 1, character: 2 ** 31 } }, '方面');
  await change(4, { start: { line: 2, character: 3 }, end: { line: 2, character: 1 } }, ''); // reversed: deletes 文。
  assert.deepEqual(
    (await symbols(uri)).map((s) => s.name),
    ['一、甲方面', '二、乙'],
  );
  // requests with ranges anywhere answer quietly
  for (const range of [
    { start: { line: 1e6, character: 0 }, end: { line: 1e6, character: 1e6 } },
    { start: { line: -1, character: -1 }, end: { line: 0, character: 0 } },
    { start: { line: 5, character: 0 }, end: { line: 1, character: 0 } },
  ]) {
    const actions = await request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [] } });
    assert.deepEqual(actions, []);
  }
  await assertServing();
});

test('malformed params: every request settles, no notification takes the server down', HANG_GUARD, async () => {
  const requests: [string, unknown][] = [
    ['textDocument/documentSymbol', null],
    ['textDocument/documentSymbol', { textDocument: 5 }],
    ['textDocument/documentSymbol', { textDocument: { uri: 42 } }],
    ['textDocument/foldingRange', {}],
    ['textDocument/diagnostic', { textDocument: null }],
    ['textDocument/codeAction', { textDocument: { uri: KNOWN } }],
    ['textDocument/codeAction', { textDocument: { uri: KNOWN }, range: null, context: { diagnostics: 'all' } }],
    [
      'textDocument/codeAction',
      {
        textDocument: { uri: KNOWN },
        range: null,
        context: {
          diagnostics: [
            null,
            5,
            { source: 'gongwen', data: { edits: 'all of them' } },
            { source: 'gongwen', code: 'numbering.gap', data: { edits: [{ line: 'x' }] } },
          ],
        },
      },
    ],
    ['workspace/symbol', null],
    ['workspace/symbol', { query: 5 }],
    ['workspace/symbol', { query: { toString: 1 } }],
  ];
  for (const [method, params] of requests) {
    const outcome = await settle(request(method, params));
    if (outcome.error !== undefined) {
      assert.ok(outcome.error.code !== ErrorCodes.InternalError || outcome.error.message.length > 0, `${method}: ${outcome.error.message}`);
    }
  }
  const notifications: [string, unknown][] = [
    ['textDocument/didOpen', null],
    ['textDocument/didOpen', { textDocument: { uri: 'file:///faults/bad-open.txt', languageId: 'gongwen', version: 1, text: 42 } }],
    ['textDocument/didOpen', { textDocument: { uri: 'file:///faults/no-text.txt', languageId: 'gongwen', version: 1 } }],
    ['textDocument/didChange', { textDocument: { uri: KNOWN, version: 2 }, contentChanges: null }],
    [
      'textDocument/didChange',
      { textDocument: { uri: KNOWN, version: 2 }, contentChanges: [{ range: { start: { line: 'one' } }, text: 'x' }] },
    ],
    ['textDocument/didChange', { textDocument: { uri: KNOWN, version: 2 }, contentChanges: [{ range: null, text: null }] }],
    ['textDocument/didChange', null],
    ['textDocument/didClose', null],
    ['workspace/didChangeConfiguration', null],
    ['workspace/didChangeWatchedFiles', { changes: 'x' }],
    ['workspace/didChangeWorkspaceFolders', { event: null }],
    ['gongwen/trust', null],
    ['$/setTrace', { value: 42 }],
  ];
  for (const [method, params] of notifications) {
    await notify(method, params);
  }
  await notify('gongwen/trust', { trusted: true }); // back to the state the other tests expect
  await assertServing();
});

test('cancellation in the middle of a request: answered RequestCancelled, and the next request is answered', HANG_GUARD, async () => {
  // the server asks the client for the document's settings before it answers; the test holds that answer back
  // until it has cancelled the request, so the cancellation arrives while the request is in flight
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const slow = await startServer({ configuration: () => held.then(() => null) });
  try {
    const uri = 'file:///faults/cancel.txt';
    await open(slow, uri, KNOWN_TEXT);
    const source = new CancellationTokenSource();
    const pending = settle(slow.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }, source.token));
    await slow.waitForRequest('workspace/configuration');
    source.cancel();
    // the cancel notification is on the wire before the configuration answer, so the server sees it first
    release();
    const outcome = await pending;
    assert.equal(outcome.error?.code, LSPErrorCodes.RequestCancelled, JSON.stringify(outcome));
    assert.deepEqual(
      ((await slow.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[]).map(
        (s) => s.name,
      ),
      KNOWN_NAMES,
    );
    // cancelling a request that was answered already, or one that never was, changes nothing
    await slow.connection.sendNotification('$/cancelRequest', { id: 1 });
    await slow.connection.sendNotification('$/cancelRequest', { id: 999999 });
    await slow.connection.sendNotification('$/cancelRequest', null);
    assert.deepEqual(
      ((await slow.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[]).length,
      3,
    );
  } finally {
    release();
    await slow.stop();
  }
});

test('garbage on the wire: frames that are not JSON-RPC are dropped, the next request is answered', HANG_GUARD, async () => {
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  for (const body of [
    '{"jsonrpc": "2.0", "id": 77, "method": "textDoc',
    'not json at all',
    '[]',
    '{"jsonrpc":"2.0"}',
    '{"jsonrpc":"2.0","id":78,"method":42}',
  ]) {
    await new Promise<void>((resolve, reject) => server.process.stdin!.write(frame(body), (e) => (e ? reject(e) : resolve())));
  }
  await assertServing();
});

test('didChange with a version gap (and going back): changes apply in the order they come, the server goes on', HANG_GUARD, async () => {
  const uri = 'file:///faults/versions.txt';
  await open(server, uri, '工作总结\n一、甲\n正文。\n');
  await notify('textDocument/didChange', {
    textDocument: { uri, version: 7 },
    contentChanges: [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '二、乙\n' }],
  });
  await notify('textDocument/didChange', {
    textDocument: { uri, version: 3 },
    contentChanges: [{ range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: '四、丁\n' }],
  });
  await notify('textDocument/didChange', {
    textDocument: { uri, version: null },
    contentChanges: [{ text: '一、全文替换\n正文。\n三、跳号\n正文。\n' }],
  });
  assert.deepEqual(
    (await symbols(uri)).map((s) => s.name),
    ['一、全文替换', '三、跳号'],
  );
  assert.deepEqual(
    (await diagnostics(uri)).map((d) => d.code),
    ['numbering.gap'],
  );
  await assertServing();
});

test('didChange with a version gap in push mode: the published diagnostics carry the latest version', HANG_GUARD, async () => {
  const push = await startServer({ capabilities: { workspace: { configuration: true } } });
  try {
    const uri = 'file:///faults/push.txt';
    await open(push, uri, '一、甲\n正文。\n', 'gongwen', 1);
    await push.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 40 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: '三、丙\n正文。\n' }],
    });
    const published = await push.waitFor<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && p.version === 40,
    );
    assert.deepEqual(
      structural(published.diagnostics).map((d) => d.code),
      ['numbering.gap'],
    );
  } finally {
    await push.stop();
  }
});

test('unknown methods: a request gets MethodNotFound, a notification is ignored', HANG_GUARD, async () => {
  for (const method of ['gongwen/doesNotExist', 'textDocument/signatureHelp', '$/unknownRequest']) {
    const outcome = await settle(request(method, { textDocument: { uri: KNOWN }, position: { line: 0, character: 0 } }));
    assert.equal(outcome.error?.code, ErrorCodes.MethodNotFound, `${method}: ${JSON.stringify(outcome)}`);
  }
  await notify('gongwen/unknownNotification', { x: 1 });
  await notify('$/unknownNotification', {});
  await notify('textDocument/didSave', { textDocument: { uri: KNOWN } });
  await assertServing();
});

test('a huge document (60,000 headings): every request answers within the client limits, and the server goes on', HANG_GUARD, async () => {
  const lines = ['工作总结'];
  for (let i = 0; i < 60000; i++) {
    lines.push(i % 10 === 0 ? `${['一', '二', '三'][i % 3]}、方面` : '1.学习不够深入。');
  }
  const uri = 'file:///faults/huge.txt';
  await open(server, uri, lines.join('\n'));
  const tree = await symbols(uri);
  assert.equal(tree.length, 5000, 'the outline keeps the first 5,000 of 6,000 top-level headings (outline.maxItems)');
  const folds = await request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  assert.ok(folds.length > 0 && folds.length <= 5000, `${folds.length} folding ranges, limit 5000`);
  const items = await diagnostics(uri);
  assert.ok(items.length > 0 && items.length <= 1000, `${items.length} diagnostics`);
  assert.ok(JSON.stringify(items).length < 20 * 1024 * 1024);
  const found = await request<SymbolInformation[]>('workspace/symbol', { query: '方面' });
  assert.ok(found.length > 0 && found.length <= 500);
  // a keystroke in the middle is taken incrementally and seen at once
  await notify('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } }, text: '十' }],
  });
  assert.equal((await symbols(uri))[0].name, '十、方面');
  await notify('textDocument/didClose', { textDocument: { uri } });
  await assertServing();
});

test('exit without shutdown: the process ends (code 1, as LSP says); after shutdown, exit ends it with 0', HANG_GUARD, async () => {
  const rude = await startServer();
  await open(rude, KNOWN, KNOWN_TEXT);
  await assertServing(rude);
  await rude.connection.sendNotification('exit');
  assert.equal(await rude.exited, 1);
  await rude.stop();

  const polite = await startServer();
  await polite.connection.sendRequest('shutdown');
  await polite.connection.sendNotification('exit');
  assert.equal(await polite.exited, 0);
  await polite.stop();
});

test('the client goes away (its end of the pipe closes): the server ends instead of lingering', HANG_GUARD, async () => {
  const orphan = await startServer();
  await open(orphan, KNOWN, KNOWN_TEXT);
  await assertServing(orphan);
  orphan.process.stdin!.end();
  const code = await orphan.exited;
  assert.notEqual(code, null, 'ended by itself, not by a signal');
  await orphan.stop();
});
