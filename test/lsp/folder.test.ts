/**
 * The workspace index against the real server process (issue 14): materials of the folder found without being
 * opened, kept current by file events (create, change, delete, rename) and by open documents (the open version
 * wins); workspace symbols and workspace diagnostics over all of them; review.similar on both sides of a copy, with
 * the other file and line; bad entries (binary, FIFO, too large, a symbolic link loop, hidden folders) left out.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type {
  Diagnostic,
  SymbolInformation,
  WorkspaceDiagnosticReport,
  WorkspaceFullDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol';
import type { MaterialsResult } from '../../server/src/protocol';
import { material, paragraph } from '../support/materials';
import { prng } from '../support/prng';
import { HANG_GUARD, open, PULL_CAPABILITIES, serverPool, TestServer } from './serverProcess';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-lsp-folder-'));
after(() => rmSync(TMP, { recursive: true, force: true }));
const start = serverPool();

const CAPABILITIES = {
  ...PULL_CAPABILITIES,
  workspace: { ...PULL_CAPABILITIES.workspace, didChangeWatchedFiles: { dynamicRegistration: true } },
};

const uriOf = (path: string): string => pathToFileURL(path).href;

/** Asks until `ok` holds for the answer, or fails at the deadline (no fixed sleeps). */
async function until<T>(ask: () => Promise<T>, ok: (value: T) => boolean, what: string, ms = 20000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await ask();
    if (ok(value)) {
      return value;
    }
    if (Date.now() > deadline) {
      assert.fail(`${what}: still ${JSON.stringify(value).slice(0, 2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const materials = (s: TestServer) => s.connection.sendRequest('gongwen/materials') as Promise<MaterialsResult>;
const built = (s: TestServer) =>
  until(
    () => materials(s),
    (r) => !r.building,
    'the index is built',
  );
const names = (r: MaterialsResult) => r.materials.map((m) => m.path);
const workspaceReport = (s: TestServer, previousResultIds: { uri: string; value: string }[] = []) =>
  s.connection.sendRequest('workspace/diagnostic', { previousResultIds }) as Promise<WorkspaceDiagnosticReport>;

function similarOf(report: WorkspaceDiagnosticReport, uri: string): Diagnostic[] {
  const item = report.items.find((i) => i.uri === uri);
  return item?.kind === 'full' ? (item as WorkspaceFullDocumentDiagnosticReport).items.filter((d) => d.code === 'review.similar') : [];
}

const events = (s: TestServer, changes: { uri: string; type: number }[]) =>
  s.connection.sendNotification('workspace/didChangeWatchedFiles', { changes });

test(
  'a folder of materials: index, symbols, workspace diagnostics and review.similar, kept current by file events',
  HANG_GUARD,
  async () => {
    const rand = prng(14);
    const shared = paragraph(rand, 120);
    const dir = join(TMP, 'ws');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    mkdirSync(join(dir, '.hidden'));
    mkdirSync(join(dir, 'node_modules'));
    const a = material(rand, 2000, [shared]);
    const b = material(rand, 2000, [shared]);
    writeFileSync(join(dir, 'a.txt'), a);
    writeFileSync(join(dir, 'sub', 'b.gongwen'), b);
    writeFileSync(join(dir, 'c.md'), material(rand, 2000).replace('一、存在的主要问题', '一、存在的主要问题（独有标题）'));
    writeFileSync(join(dir, 'notes.txt'), 'a plain note without headings\n');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00]));
    writeFileSync(join(dir, 'big.txt'), material(rand, 12000));
    writeFileSync(join(dir, '.hidden', 'h.txt'), a);
    writeFileSync(join(dir, 'node_modules', 'n.txt'), a);
    assert.equal(spawnSync('mkfifo', [join(dir, 'pipe.txt')]).status, 0);
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'broken.txt'));

    const s = await start({
      workspaceFolders: [{ uri: uriOf(dir), name: 'ws' }],
      capabilities: CAPABILITIES,
      // big.txt is over the limit
      configuration: () => ({ index: { maxFileSize: 20000 } }),
    });
    const registration = await s.waitForRequest<{ registrations: { method: string }[] }>('client/registerCapability', (p) =>
      p.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'),
    );
    assert.ok(registration);
    assert.deepEqual(s.initializeResult.capabilities.diagnosticProvider, { interFileDependencies: true, workspaceDiagnostics: true });

    let list = await built(s);
    assert.deepEqual(names(list), ['a.txt', 'c.md', 'sub/b.gongwen']);
    assert.deepEqual(
      list.materials.map((m) => [m.profile, m.similar]),
      [
        ['self-inspection', 1],
        ['self-inspection', 0],
        ['self-inspection', 1],
      ],
    );
    assert.ok(list.materials[0].chars > 2000, String(list.materials[0].chars));
    // what was left out is said in the log: the binary, the FIFO, the big file, the loop
    const log = s.notifications.filter((n) => n.method === 'window/logMessage').map((n) => (n.params as { message: string }).message);
    for (const name of ['binary.txt', 'pipe.txt', 'big.txt', 'loop']) {
      assert.ok(
        log.some((line) => line.includes(name)),
        `${name} in the log: ${log.join('\n')}`,
      );
    }

    // workspace symbols of a file never opened
    const symbols = (await s.connection.sendRequest('workspace/symbol', { query: '独有' })) as SymbolInformation[];
    assert.deepEqual(
      symbols.map((x) => [x.location.uri, x.location.range.start.line]),
      [[uriOf(join(dir, 'c.md')), 2]],
    );

    // workspace diagnostics: review.similar on both sides, each naming the other file and line
    const aUri = uriOf(join(dir, 'a.txt'));
    const bUri = uriOf(join(dir, 'sub', 'b.gongwen'));
    const report = await workspaceReport(s);
    assert.deepEqual(report.items.map((i) => i.uri).sort(), [aUri, uriOf(join(dir, 'c.md')), bUri].sort());
    const [onA] = similarOf(report, aUri);
    const [onB] = similarOf(report, bUri);
    const lineIn = (text: string) => text.split('\n').indexOf(shared);
    assert.equal(onA.range.start.line, lineIn(a));
    assert.equal(onA.severity, 2);
    assert.match(String(onA.message), /b\.gongwen/);
    assert.deepEqual(
      onA.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
      [[bUri, lineIn(b)]],
    );
    assert.deepEqual(
      onB.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]),
      [[aUri, lineIn(a)]],
    );
    // asked again with the result ids: nothing changed
    const again = await workspaceReport(
      s,
      report.items.map((i) => ({ uri: i.uri, value: i.resultId! })),
    );
    assert.deepEqual(
      again.items.map((i) => i.kind),
      ['unchanged', 'unchanged', 'unchanged'],
    );

    // created: d.txt copies the paragraph too
    const dPath = join(dir, 'd.txt');
    writeFileSync(dPath, material(rand, 1500, [shared]));
    await events(s, [{ uri: uriOf(dPath), type: 1 }]);
    const three = await until(
      () => workspaceReport(s),
      (r) => similarOf(r, aUri)[0]?.relatedInformation?.length === 2,
      'a shares with b and d',
    );
    assert.match(String(similarOf(three, aUri)[0].message), /1 more/);

    // changed: b no longer copies
    writeFileSync(join(dir, 'sub', 'b.gongwen'), material(rand, 2000));
    await events(s, [{ uri: bUri, type: 2 }]);
    await until(
      () => workspaceReport(s),
      (r) => similarOf(r, bUri).length === 0 && similarOf(r, aUri)[0]?.relatedInformation?.length === 1,
      'b changed',
    );

    // renamed: d.txt → e.txt (deleted + created)
    const eUri = uriOf(join(dir, 'e.txt'));
    renameSync(dPath, join(dir, 'e.txt'));
    await events(s, [
      { uri: uriOf(dPath), type: 3 },
      { uri: eUri, type: 1 },
    ]);
    await until(
      () => materials(s),
      (r) => names(r).includes('e.txt') && !names(r).includes('d.txt'),
      'd renamed to e',
    );
    assert.deepEqual(
      similarOf(await workspaceReport(s), aUri)[0].relatedInformation?.map((r) => r.location.uri),
      [eUri],
    );

    // the open version wins: a opened without the paragraph, e loses its finding; a document pull has none either
    await open(s, aUri, material(rand, 2000), 'plaintext');
    await until(
      () => workspaceReport(s),
      (r) => similarOf(r, eUri).length === 0,
      'the open a without the copy',
    );
    const pulled = (await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: aUri } })) as { items: Diagnostic[] };
    assert.deepEqual(
      pulled.items.filter((d) => d.code === 'review.similar'),
      [],
    );
    // typed back in: the server asks the client to pull again, and the document pull of the open a reports it
    const requestsBefore = s.requests.length;
    await s.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: aUri, version: 2 },
      contentChanges: [{ text: material(rand, 2000, [shared]) }],
    });
    await until(
      async () =>
        (
          (await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri: aUri } })) as { items: Diagnostic[] }
        ).items.filter((d) => d.code === 'review.similar'),
      (found) => found.length === 1 && found[0].relatedInformation?.[0].location.uri === eUri,
      'the open a copies again',
    );
    await until(
      async () => s.requests.slice(requestsBefore).some((r) => r.method === 'workspace/diagnostic/refresh'),
      (asked) => asked,
      'a diagnostics refresh after the edit',
    );

    // deleted: e goes, and with it the finding of the open a
    unlinkSync(join(dir, 'e.txt'));
    await events(s, [{ uri: eUri, type: 3 }]);
    list = await until(
      () => materials(s),
      (r) => !names(r).includes('e.txt'),
      'e deleted',
    );
    assert.deepEqual(names(list), ['a.txt', 'c.md', 'sub/b.gongwen']);
  },
);

test(
  'a folder of 10,000 files: the index stops at gongwen.index.maxFiles and says so; requests are answered meanwhile',
  HANG_GUARD,
  async () => {
    const dir = join(TMP, 'many');
    mkdirSync(dir);
    const text = '工作总结\n一、情况\n正文。\n';
    for (let i = 0; i < 10000; i++) {
      writeFileSync(join(dir, `${String(i).padStart(5, '0')}.txt`), text);
    }
    const s = await start({
      workspaceFolders: [{ uri: uriOf(dir), name: 'many' }],
      capabilities: CAPABILITIES,
      configuration: () => ({ index: { maxFiles: 300 } }),
    });
    // an open document is served while the index is built
    const uri = uriOf(join(dir, 'open.txt'));
    await open(s, uri, text, 'plaintext');
    const symbols = (await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as unknown[];
    assert.equal(symbols.length, 1);
    const list = await built(s);
    assert.equal(list.limited, true);
    assert.equal(list.materials.filter((m) => m.path !== 'open.txt').length, 300);
    await s.waitForMessage(
      (m) => m.method === 'window/logMessage' && (m.params as { message: string }).message.includes('gongwen.index.maxFiles'),
    );
  },
);

test('a material of 5 MB: the index refuses it by its size and says so; opened, it is served and compared', HANG_GUARD, async () => {
  const rand = prng(15);
  const shared = paragraph(rand, 120);
  const dir = join(TMP, 'huge');
  mkdirSync(dir);
  const big = [
    '2025年度民主生活会个人对照检查材料',
    '一、存在的主要问题',
    shared,
    ...Array.from({ length: 6000 }, () => paragraph(rand, 290)),
  ].join('\n');
  assert.ok(Buffer.byteLength(big) > 5_000_000, String(Buffer.byteLength(big)));
  writeFileSync(join(dir, 'big.txt'), big);
  writeFileSync(join(dir, 'small.txt'), material(rand, 2000, [shared]));
  const s = await start({ workspaceFolders: [{ uri: uriOf(dir), name: 'huge' }], capabilities: CAPABILITIES });
  assert.deepEqual(names(await built(s)), ['small.txt']);
  await s.waitForMessage(
    (m) => m.method === 'window/logMessage' && /big\.txt is larger than 1048576 bytes/.test((m.params as { message: string }).message),
  );
  // opened in the editor, the open version is a material: compared with small.txt, its outline served
  const bigUri = uriOf(join(dir, 'big.txt'));
  await open(s, bigUri, big, 'plaintext');
  const list = await until(
    () => materials(s),
    (r) => r.materials.some((m) => m.path === 'big.txt' && m.similar === 1),
    'big.txt compared',
  );
  assert.ok(list.materials[0].chars > 1_700_000, String(list.materials[0].chars));
  const symbols = (await s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: bigUri } })) as unknown[];
  assert.ok(symbols.length > 0);
  const report = await workspaceReport(s);
  assert.equal(similarOf(report, uriOf(join(dir, 'small.txt'))).length, 1);
});

test('diagnostics.workspace off (in .gongwen.json): every material gets an empty report, then unchanged', HANG_GUARD, async () => {
  const rand = prng(16);
  const shared = paragraph(rand, 100);
  const dir = join(TMP, 'off');
  mkdirSync(dir);
  writeFileSync(join(dir, 'a.txt'), material(rand, 1500, [shared]));
  writeFileSync(join(dir, 'b.txt'), material(rand, 1500, [shared]));
  // set in the folder's .gongwen.json (the index and workspace diagnostics read the folder's settings)
  writeFileSync(join(dir, '.gongwen.json'), JSON.stringify({ diagnostics: { workspace: false } }));
  const s = await start({ workspaceFolders: [{ uri: uriOf(dir), name: 'off' }], capabilities: CAPABILITIES });
  assert.equal((await built(s)).materials.length, 2);
  const report = await workspaceReport(s);
  assert.deepEqual(
    report.items.map((i) => [i.kind, (i as WorkspaceFullDocumentDiagnosticReport).items]),
    [
      ['full', []],
      ['full', []],
    ],
  );
  const again = await workspaceReport(
    s,
    report.items.map((i) => ({ uri: i.uri, value: i.resultId! })),
  );
  assert.deepEqual(
    again.items.map((i) => i.kind),
    ['unchanged', 'unchanged'],
  );
});

test('push mode: review.similar is published for the open material, and again when the other file changes', HANG_GUARD, async () => {
  const rand = prng(17);
  const shared = paragraph(rand, 100);
  const dir = join(TMP, 'push');
  mkdirSync(dir);
  const a = material(rand, 1500, [shared]);
  writeFileSync(join(dir, 'a.txt'), a);
  writeFileSync(join(dir, 'b.txt'), material(rand, 1500, [shared]));
  const s = await start({
    workspaceFolders: [{ uri: uriOf(dir), name: 'push' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  assert.equal((await built(s)).materials.length, 2);
  const aUri = uriOf(join(dir, 'a.txt'));
  const similarIn = (p: { uri: string; diagnostics: Diagnostic[] }) => p.diagnostics.filter((d) => d.code === 'review.similar');
  await open(s, aUri, a, 'plaintext');
  await s.waitFor<{ uri: string; diagnostics: Diagnostic[] }>(
    'textDocument/publishDiagnostics',
    (p) => p.uri === aUri && similarIn(p).length === 1,
  );
  // b no longer copies: a's diagnostics are published again (a later notification) without the finding
  const mark = s.notifications.length;
  writeFileSync(join(dir, 'b.txt'), material(rand, 1500));
  await events(s, [{ uri: uriOf(join(dir, 'b.txt')), type: 2 }]);
  await until(
    async () =>
      s.notifications
        .slice(mark)
        .filter((n) => n.method === 'textDocument/publishDiagnostics')
        .map((n) => n.params as { uri: string; diagnostics: Diagnostic[] })
        .filter((p) => p.uri === aUri),
    (published) => published.length > 0 && similarIn(published[published.length - 1]).length === 0,
    'a published again without review.similar',
  );
});
