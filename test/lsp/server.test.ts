import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type {
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  Hover,
  PublishDiagnosticsParams,
  Range,
  SelectionRange,
  SymbolInformation,
} from 'vscode-languageserver-protocol';
import { countChars } from '../../server/src/core/scanner';

import { HANG_GUARD, open, PULL_CAPABILITIES, startServer, structural, TestServer } from './serverProcess';

const DOC = [
  '民主生活会个人对照检查材料', // 0
  '按照要求，现将个人对照检查情况报告如下。', // 1
  '一、存在的主要问题', // 2
  '（一）学习不够深入。一是学习时间少。二是学习不系统。', // 3
  '（二）作风不够扎实。调研不深入。', // 4
  '二、产生问题的原因', // 5
  '（一）理想信念有所松懈。对学习重视不够。', // 6
  '三、整改措施', // 7
  '（一）加强学习。每周安排学习时间。', // 8
  '', // 9
  '以上是我的对照检查，请各位同志批评指正。', // 10
].join('\n');

const URI = 'file:///tmp/%E5%AF%B9%E7%85%A7%E6%A3%80%E6%9F%A5.txt';

let server: TestServer;
before(async () => {
  server = await startServer();
});
after(() => server.stop());

const symbols = (uri = URI) =>
  server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>;
const folds = (uri = URI) =>
  server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } }) as Promise<FoldingRange[]>;
const diagnostics = async (uri = URI) =>
  structural(
    ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items,
  );

test('initialize announces incremental sync, symbols, folding, workspace symbols and pull diagnostics', () => {
  const caps = server.initializeResult.capabilities;
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
  assert.ok(caps.documentSymbolProvider);
  assert.ok(caps.foldingRangeProvider);
  assert.ok(caps.workspaceSymbolProvider);
  assert.deepEqual(caps.codeActionProvider, {
    codeActionKinds: ['quickfix', 'source.fixAll.gongwen', 'refactor.move.gongwen', 'refactor.rewrite.gongwen'],
    resolveProvider: false,
  });
  assert.deepEqual(caps.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });
});

test('didOpen, then symbols, folding and diagnostics of the document', async () => {
  await open(server, URI, DOC);
  const tree = await symbols();
  assert.deepEqual(
    tree.map((s) => [s.name, s.range.start.line, s.range.end.line, s.children?.map((c) => c.name)]),
    [
      ['一、存在的主要问题', 2, 4, ['（一）学习不够深入', '（二）作风不够扎实']],
      ['二、产生问题的原因', 5, 6, ['（一）理想信念有所松懈']],
      ['三、整改措施', 7, 8, ['（一）加强学习']],
    ],
  );
  assert.deepEqual(tree[0].selectionRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 9 } });
  assert.equal(
    tree[0].detail,
    `${'（一）学习不够深入。一是学习时间少。二是学习不系统。'.length + '（二）作风不够扎实。调研不深入。'.length + 9} chars`,
  );
  assert.deepEqual(
    (await folds()).map((f) => [f.startLine, f.endLine]),
    [
      [2, 4],
      [5, 6],
      [7, 8],
      [10, 10],
    ].filter(([a, b]) => b > a),
  );
  assert.deepEqual(await diagnostics(), []);
});

test('incremental didChange: deleting the causes section gives section.missing; typing it back clears it', async () => {
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version: 2 },
    contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 7, character: 0 } }, text: '' }],
  });
  const missing = await diagnostics();
  assert.deepEqual(
    missing.map((d) => [d.code, d.severity, d.range.start.line]),
    [
      ['section.missing', 1, 5],
      ['numbering.gap', 2, 5],
    ],
  );
  assert.match(String(missing[0].message), /产生问题的原因/);
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version: 3 },
    contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '二、原因分析\n正文。\n' }],
  });
  const after = await diagnostics();
  assert.deepEqual(
    after.map((d) => d.code),
    [],
  );
  assert.deepEqual(
    (await symbols()).map((s) => s.name),
    ['一、存在的主要问题', '二、原因分析', '三、整改措施'],
  );
});

test('typing character by character into a heading keeps the outline current', async () => {
  const uri = 'file:///tmp/typing.txt';
  await open(server, uri, '工作总结\n一、甲\n正文。\n', 'plaintext');
  let version = 1;
  for (const ch of '二、乙') {
    version++;
    const line = 3;
    const col = [...'二、乙'].indexOf(ch);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: col }, end: { line, character: col } }, text: ch }],
    });
  }
  assert.deepEqual(
    (await symbols(uri)).map((s) => s.name),
    ['一、甲', '二、乙'],
  );
});

test('a plaintext document without numbered headings gets nothing; unknown documents answer empty', async () => {
  const uri = 'file:///tmp/notes.txt';
  await open(server, uri, '今天的会议记录。\n讨论了XX事项。\n', 'plaintext');
  assert.deepEqual(await symbols(uri), []);
  assert.deepEqual(await folds(uri), []);
  assert.deepEqual(await diagnostics(uri), []);
  assert.deepEqual(await symbols('file:///nowhere.txt'), []);
});

test('workspace symbols search the headings of open documents by title', async () => {
  const found = (await server.connection.sendRequest('workspace/symbol', { query: '整改' })) as SymbolInformation[];
  assert.ok(found.some((s) => s.name === '三、整改措施' && s.location.uri === URI));
  assert.ok(!found.some((s) => s.name.includes('存在')));
});

test('the status notification reports profile and counts', async () => {
  const status = await server.waitFor<{ uri: string; profile: string; headings: number }>('gongwen/status', (p) => p.uri === URI);
  assert.equal(status.profile, 'self-inspection');
  assert.ok(status.headings >= 6);
});

test('selection ranges, hover on a heading and the 字数 of the status, over the wire', async () => {
  assert.equal(server.initializeResult.capabilities.selectionRangeProvider, true);
  assert.equal(server.initializeResult.capabilities.hoverProvider, true);
  const uri = 'file:///tmp/navigation.txt';
  const lines = ['一、总体情况', '（一）学习情况', '每月学习一次。', '（二）作风情况', '二、下一步打算', '加强学习。'];
  const text = lines.join('\n');
  await open(server, uri, text);
  const [chain] = (await server.connection.sendRequest('textDocument/selectionRange', {
    textDocument: { uri },
    positions: [{ line: 2, character: 3 }],
  })) as SelectionRange[];
  const spans: number[][] = [];
  for (let r: SelectionRange | undefined = chain; r !== undefined; r = r.parent) {
    spans.push([r.range.start.line, r.range.end.line]);
  }
  assert.deepEqual(spans, [
    [2, 2],
    [1, 2],
    [0, 3],
    [0, 5],
  ]);
  const hoverAt = (line: number) =>
    server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 0 },
    }) as Promise<Hover | null>;
  const chars = countChars(lines.slice(0, 4).join(''));
  // （二） has no text under it: a finding inside 一、
  const findings = (await diagnostics(uri)).filter((d) => d.range.start.line <= 3).length;
  assert.ok(findings > 0);
  assert.deepEqual((await hoverAt(0))?.contents, {
    kind: 'markdown',
    value: `**一、总体情况**\n\nLevel 1 heading · ${chars} chars · Sub-sections: 2 · Findings: ${findings}`,
  });
  assert.equal(await hoverAt(2), null);
  const status = await server.waitFor<{ uri: string; chars: number }>('gongwen/status', (p) => p.uri === uri);
  assert.equal(status.chars, countChars(text));
  await server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: { start: { line: 5, character: 5 }, end: { line: 5, character: 5 } }, text: '\n坚持 不懈。' }],
  });
  await diagnostics(uri);
  const after = await server.waitFor<{ uri: string; chars: number }>('gongwen/status', (p) => p.uri === uri && p.chars !== status.chars);
  assert.equal(after.chars, countChars(text) + 5);
});

test('push mode (no pull support): debounced publishDiagnostics, messages in Chinese for zh-cn, folding limit honoured', async () => {
  const push = await startServer({
    capabilities: { textDocument: { foldingRange: { rangeLimit: 1 } }, workspace: { configuration: true } },
    locale: 'zh-cn',
  });
  try {
    assert.equal(push.initializeResult.capabilities.diagnosticProvider, undefined);
    const uri = 'file:///tmp/push.txt';
    await open(push, uri, '工作总结\n一、甲\n正文。\n三、乙\n正文。\n');
    const published = await push.waitFor<PublishDiagnosticsParams>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && p.diagnostics.length > 0,
    );
    assert.deepEqual(
      structural(published.diagnostics).map((d) => d.code),
      ['numbering.gap'],
    );
    assert.equal(published.diagnostics[0].message, '序号从“一、”跳到了“三、”。请将此标题改为“二、”。');
    const ranges = (await push.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    assert.equal(ranges.length, 1);
  } finally {
    await push.stop();
  }
});

test('settings from workspace/configuration: a rule set to ignore and a pinned profile', async () => {
  const configured = await startServer({
    capabilities: PULL_CAPABILITIES,
    configuration: () => ({ profile: 'general', diagnostics: { severity: { 'numbering.gap': 'ignore' } } }),
  });
  try {
    const uri = 'file:///tmp/对照检查.txt';
    await open(configured, uri, '对照检查材料\n一、存在的问题\n正文。\n三、整改措施\n正文。\n');
    const items = (
      (await configured.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }
    ).items;
    assert.deepEqual(items, []); // general profile: no section.missing; gap ignored
  } finally {
    await configured.stop();
  }
});

test('quick fixes are built when asked for: applying one renumbers only the numeral; diagnostics carry no edits', async () => {
  const uri = 'file:///tmp/fix.txt';
  const text = '工作总结\n一、甲\n正文。\n三、乙\n正文。\n';
  await open(server, uri, text);
  const items = await diagnostics(uri);
  assert.deepEqual(
    items.map((d) => d.data),
    [undefined],
    'no edits ride on a diagnostic: its code and range find the fix',
  );
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: items[0].range,
    context: { diagnostics: items },
  })) as {
    title: string;
    kind: string;
    edit: { changes: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> };
  }[];
  assert.deepEqual(
    actions.map((a) => [a.title, a.kind]),
    [['Renumber the headings', 'quickfix']],
  );
  assert.deepEqual(
    actions[0].edit.changes[uri].map((e) => [e.range.start.line, e.range.start.character, e.newText]),
    [[3, 0, '二']],
  );
});

/** The text after applying LSP text edits (non-overlapping), from the end backwards, as a client does. */
function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) {
    out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  }
  return out;
}

test('a fix asked for with the diagnostics of an older version never changes text that is not a marker', HANG_GUARD, async () => {
  // the case: diagnostics of version 1, then a line added above the heading, then the old fix asked for
  const versioned = await startServer({
    capabilities: { ...PULL_CAPABILITIES, workspace: { ...PULL_CAPABILITIES.workspace, workspaceEdit: { documentChanges: true } } },
  });
  try {
    const uri = 'file:///tmp/stale.txt';
    const text = '工作总结\n一、甲\n正文。\n三、乙\n正文。\n';
    await open(versioned, uri, text);
    const old = ((await versioned.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] })
      .items;
    assert.deepEqual(
      old.map((d) => [d.code, d.range.start.line]),
      [['numbering.gap', 3]],
    );
    await versioned.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '新增一行正文。\n' }],
    });
    const now = '工作总结\n新增一行正文。\n一、甲\n正文。\n三、乙\n正文。\n';
    const stale = (await versioned.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: old[0].range,
      context: { diagnostics: old },
    })) as { edit?: { documentChanges?: { textDocument: { version: number }; edits: { range: Range; newText: string }[] }[] } }[];
    // line 3 is now the body text 正文。: the old diagnostic names no finding of version 2, so nothing is offered
    assert.deepEqual(stale, []);
    // the diagnostics of version 2 give a fix built from version 2, naming that version
    const fresh = (
      (await versioned.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }
    ).items;
    const [action] = (await versioned.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: fresh[0].range,
      context: { diagnostics: fresh },
    })) as {
      edit: { documentChanges: { textDocument: { uri: string; version: number }; edits: { range: Range; newText: string }[] }[] };
    }[];
    const [change] = action.edit.documentChanges;
    assert.deepEqual(change.textDocument, { uri, version: 2 });
    assert.equal(applyEdits(now, change.edits), now.replace('三、乙', '二、乙'));
  } finally {
    await versioned.stop();
  }
});

test(
  'codeAction/resolve: the list carries no edits; resolving builds them from the current version, or none after a change',
  HANG_GUARD,
  async () => {
    const lazy = await startServer({
      capabilities: {
        ...PULL_CAPABILITIES,
        textDocument: { ...PULL_CAPABILITIES.textDocument, codeAction: { resolveSupport: { properties: ['edit'] } } },
      },
    });
    try {
      assert.deepEqual(lazy.initializeResult.capabilities.codeActionProvider, {
        codeActionKinds: ['quickfix', 'source.fixAll.gongwen', 'refactor.move.gongwen', 'refactor.rewrite.gongwen'],
        resolveProvider: true,
      });
      const uri = 'file:///tmp/resolve.txt';
      const text = '工作总结\n(一)甲\n正文。\n（二）乙\n正文。\n';
      await open(lazy, uri, text);
      const items = ((await lazy.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] })
        .items;
      const ask = () =>
        lazy.connection.sendRequest('textDocument/codeAction', {
          textDocument: { uri },
          range: items[0].range,
          context: { diagnostics: items },
        }) as Promise<{ title: string; edit?: unknown; data?: unknown }[]>;
      const [action] = await ask();
      assert.equal(action.title, 'Write the marker as “（一）”');
      assert.equal(action.edit, undefined);
      const resolved = (await lazy.connection.sendRequest('codeAction/resolve', action)) as {
        edit: { changes: Record<string, { range: Range; newText: string }[]> };
      };
      assert.equal(applyEdits(text, resolved.edit.changes[uri]), text.replace('(一)', '（一）'));
      // an action listed for version 1, resolved after an edit: no edit (the client shows nothing to apply)
      const [again] = await ask();
      await lazy.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '前言。\n' }],
      });
      const late = (await lazy.connection.sendRequest('codeAction/resolve', again)) as { edit?: unknown };
      assert.equal(late.edit, undefined);
    } finally {
      await lazy.stop();
    }
  },
);
