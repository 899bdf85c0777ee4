/**
 * Hostile settings against the real server process: a pathological title pattern (the `(a+)+$` of regular
 * expressions; ours are not regular expressions) with a 10,000-character title, an association glob that made a
 * backtracking RegExp hang, a huge profile list, values of the wrong type, a workspace file that is not JSON. The
 * server must stay responsive (the proof is an answer, never a timing), report each bad setting clearly once
 * (window/showMessage), and fall back to the defaults. In an untrusted workspace the workspace file is not read until
 * the client says `gongwen/trust` {trusted: true}.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { HANG_GUARD, open, serverPool, structural, TestServer } from './serverProcess';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-settings-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

/** A self-inspection text without its "causes" section: by default, one section.missing. */
const DOC = '民主生活会个人对照检查材料\n一、存在的主要问题\n正文。\n二、整改措施\n正文。\n';

const start = serverPool();

const symbols = (s: TestServer, uri: string) =>
  s.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>;
const diagnostics = async (s: TestServer, uri: string) =>
  structural(((await s.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: Diagnostic[] }).items);

/** Messages shown to the user (as window/showMessage notifications or window/showMessageRequest requests). */
function shown(s: TestServer): string[] {
  return [...s.notifications, ...s.requests]
    .filter((m) => m.method === 'window/showMessage' || m.method === 'window/showMessageRequest')
    .map((m) => (m.params as { message: string }).message);
}

async function waitShown(s: TestServer, fragment: string): Promise<string> {
  const found = await s.waitForMessage(
    (m) =>
      (m.method === 'window/showMessage' || m.method === 'window/showMessageRequest') &&
      (m.params as { message?: unknown } | null)?.message !== undefined &&
      String((m.params as { message: unknown }).message).includes(fragment),
  );
  return (found.params as { message: string }).message;
}

test(
  'a (a+)+$-style pattern and a 10,000-character title: the analysis completes and the server answers the next request',
  HANG_GUARD,
  async () => {
    const evil = {
      profile: 'evil',
      profiles: [
        {
          id: 'evil',
          sections: [
            {
              id: 'one',
              label: '第一部分内容',
              patterns: ['(a+)+$', '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b', '(.*a){25}|^(a|a?)+$'],
            },
            { id: 'two', label: '第二部分内容', patterns: ['a*a*a*a*a*a*a*a*Z'] },
          ],
        },
      ],
    };
    const s = await start({ configuration: () => evil });
    const uri = 'file:///settings/evil.txt';
    const title = 'a'.repeat(10000);
    await open(s, uri, `一、${title}\n正文。\n二、${title}Z\n正文。\n`);
    const items = await diagnostics(s, uri);
    // the first title matches none of section one's patterns (literal text, * wildcards), the second matches two's
    assert.deepEqual(
      items.map((d) => [d.code, String(d.message).includes('第一部分内容')]),
      [['section.missing', true]],
    );
    assert.deepEqual(
      (await symbols(s, uri)).map((x) => x.name.slice(0, 4)),
      ['一、aa', '二、aa'],
    );
    assert.deepEqual(shown(s), [], 'a valid, merely nasty, pattern is not a problem to report');
  },
);

test('an association glob that hung a backtracking RegExp: the document is analysed and the server answers', HANG_GUARD, async () => {
  const glob = '*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c.txt';
  const s = await start({
    configuration: () => ({ profileAssociations: { [glob]: 'general', '**/**/**/**/**/**/**/**/**/**/**/**/x': 'general' } }),
  });
  const uri = `file:///settings/${'a'.repeat(60)}.txt`;
  await open(s, uri, DOC);
  // no association matches: the profile is detected (self-inspection) and the missing section reported
  assert.deepEqual(
    (await diagnostics(s, uri)).map((d) => d.code),
    ['section.missing'],
  );
  const matching = `file:///settings/${'a'.repeat(60)}c.txt`;
  await open(s, matching, DOC);
  assert.deepEqual(await diagnostics(s, matching), [], 'the association pins the general profile');
  assert.equal((await symbols(s, uri)).length, 2);
});

test('a huge profile list and huge profiles: reported once, defaults used, the server answers', HANG_GUARD, async () => {
  const section = { id: 's', patterns: Array.from({ length: 50 }, (_, i) => `问题${i}*` + 'x'.repeat(150)) };
  const tooMany = Array.from({ length: 5000 }, (_, i) => ({ id: `p${i}`, sections: [section] }));
  const s = await start({ configuration: () => ({ profiles: tooMany }) });
  const uri = 'file:///settings/huge.txt';
  await open(s, uri, DOC);
  await open(s, 'file:///settings/huge2.txt', DOC);
  assert.deepEqual(
    (await diagnostics(s, uri)).map((d) => d.code),
    ['section.missing'],
    'built-in profiles',
  );
  assert.deepEqual(
    (await diagnostics(s, 'file:///settings/huge2.txt')).map((d) => d.code),
    ['section.missing'],
  );
  const message = await waitShown(s, 'profiles');
  assert.match(message, /at most 50 profiles/);
  assert.equal(shown(s).filter((m) => m === message).length, 1, 'reported once');

  // the largest profile the limits allow, and one past them
  const big = { id: 'big', sections: Array.from({ length: 30 }, (_, i) => ({ id: `s${i}`, patterns: section.patterns })) };
  const tooBig = { id: 'too-big', sections: Array.from({ length: 31 }, (_, i) => ({ id: `s${i}`, patterns: ['原因'] })) };
  const longPattern = { id: 'long-pattern', sections: [{ id: 'x', patterns: ['问'.repeat(100000)] }] };
  const s2 = await start({ configuration: () => ({ profile: 'big', profiles: [big, tooBig, longPattern] }) });
  await open(s2, uri, `一、${'问题1'.repeat(3000)}${'x'.repeat(150)}\n正文。\n`);
  const items = await diagnostics(s2, uri);
  assert.equal(
    items.filter((d) => d.code === 'section.missing').length,
    29,
    'the big profile is used: the title counts as one of its 30 sections',
  );
  await waitShown(s2, '#2');
  await waitShown(s2, '#3');
  assert.equal(shown(s2).length, 2, JSON.stringify(shown(s2)));
});

test('values of the wrong type: each reported once, clearly, and the default used instead', HANG_GUARD, async () => {
  const wrong = {
    profile: 42,
    profiles: { id: 'not-a-list' },
    profileAssociations: ['*.txt'],
    diagnostics: { severity: { 'section.missing': 'fatal', 'numbering.gap': 3, 'no.such.code': 'error' } },
    outline: { inlineItems: 'yes', titleMaxLength: 'long', maxItems: 0 },
  };
  const s = await start({ configuration: () => wrong });
  const uris = ['file:///settings/wrong1.txt', 'file:///settings/wrong2.txt'];
  for (const uri of uris) {
    await open(s, uri, DOC + '四、跳号\n正文。\n');
    const items = await diagnostics(s, uri);
    assert.deepEqual(
      items.map((d) => [d.code, d.severity]),
      [
        ['section.missing', 1],
        ['numbering.gap', 2],
      ],
      'default severities',
    );
    assert.equal((await symbols(s, uri))[0].name, '一、存在的主要问题', 'default title length');
    assert.equal((await symbols(s, uri)).length, 3, 'default outline size');
  }
  await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await s.waitForRequest('workspace/diagnostic/refresh');
  assert.equal((await diagnostics(s, uris[0])).length, 2);
  for (const fragment of [
    '“profile”',
    '“profiles”',
    '“profileAssociations”',
    '“diagnostics.severity.section.missing”',
    '“diagnostics.severity.numbering.gap”',
    '“diagnostics.severity.no.such.code”',
    '“outline.inlineItems”',
    '“outline.titleMaxLength”',
    '“outline.maxItems”',
  ]) {
    const message = await waitShown(s, fragment);
    assert.match(message, /settings/, `says where: ${message}`);
    assert.match(message, /default is used/, `says what happens: ${message}`);
    assert.equal(shown(s).filter((m) => m === message).length, 1, `reported once: ${message}`);
  }
});

test(
  'settings pushed with didChangeConfiguration (no workspace/configuration): wrong types reported once, defaults used',
  HANG_GUARD,
  async () => {
    const s = await start({ capabilities: { workspace: {} } });
    const uri = 'file:///settings/pushed.txt';
    await open(s, uri, DOC);
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { gongwen: 'everything' } });
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: { gongwen: { outline: { titleMaxLength: -1 } } } });
    const published = await s.waitFor<{ uri: string; diagnostics: Diagnostic[] }>(
      'textDocument/publishDiagnostics',
      (p) => p.uri === uri && p.diagnostics.length > 0,
    );
    assert.deepEqual(
      structural(published.diagnostics).map((d) => d.code),
      ['section.missing'],
    );
    await waitShown(s, 'titleMaxLength');
    assert.equal(shown(s).filter((m) => m.includes('titleMaxLength')).length, 1);
    assert.equal((await symbols(s, uri)).length, 2);
  },
);

test('a workspace file that is not JSON: reported once, ignored', HANG_GUARD, async () => {
  const folder = mkdtempSync(join(TMP, 'broken-'));
  writeFileSync(join(folder, '.gongwen.json'), '{ "profile": "general", ');
  const folderUri = pathToFileURL(folder).href;
  const s = await start({ workspaceFolders: [{ uri: folderUri, name: 'broken' }] });
  for (const name of ['a.txt', 'b.txt']) {
    const uri = `${folderUri}/${name}`;
    await open(s, uri, DOC);
    assert.deepEqual(
      (await diagnostics(s, uri)).map((d) => d.code),
      ['section.missing'],
      'the file is ignored',
    );
  }
  const message = await waitShown(s, '.gongwen.json');
  assert.match(message, /not valid JSON/);
  assert.equal(shown(s).filter((m) => m === message).length, 1);
});

test('untrusted workspace: .gongwen.json is not read until gongwen/trust {trusted: true}; then it takes effect', HANG_GUARD, async () => {
  const folder = mkdtempSync(join(TMP, 'untrusted-'));
  // the workspace file would pin the general profile (no required sections) and make numbering.gap an error
  writeFileSync(
    join(folder, '.gongwen.json'),
    JSON.stringify({ profile: 'general', diagnostics: { severity: { 'numbering.gap': 'error' } }, outline: { titleMaxLength: 4 } }),
  );
  const folderUri = pathToFileURL(folder).href;
  const s = await start({ workspaceFolders: [{ uri: folderUri, name: 'untrusted' }], initializationOptions: { workspaceTrusted: false } });
  const uri = `${folderUri}/${encodeURIComponent('对照检查材料.txt')}`;
  await open(s, uri, DOC + '四、跳号\n正文。\n');
  const before = await diagnostics(s, uri);
  assert.deepEqual(
    before.map((d) => [d.code, d.severity]),
    [
      ['section.missing', 1],
      ['numbering.gap', 2],
    ],
    'built-in defaults: the file is not read',
  );
  assert.equal((await symbols(s, uri))[0].name, '一、存在的主要问题');

  await s.connection.sendNotification('gongwen/trust', { trusted: true });
  await s.waitForRequest('workspace/diagnostic/refresh');
  const afterTrust = await diagnostics(s, uri);
  assert.deepEqual(
    afterTrust.map((d) => [d.code, d.severity]),
    [['numbering.gap', 1]],
    'the workspace file now applies',
  );
  assert.equal((await symbols(s, uri))[0].name, '一、存在的…', 'its titleMaxLength too');

  // and trust taken back stops reading it again
  const refreshes = s.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length;
  await s.connection.sendNotification('gongwen/trust', { trusted: false });
  await s.waitForRequest(
    'workspace/diagnostic/refresh',
    () => s.requests.filter((r) => r.method === 'workspace/diagnostic/refresh').length > refreshes,
  );
  assert.deepEqual(
    (await diagnostics(s, uri)).map((d) => d.code),
    ['section.missing', 'numbering.gap'],
  );
});

test(
  'outline.maxItems: the outline keeps the outermost levels up to the limit; the status says how many of how many',
  HANG_GUARD,
  async () => {
    let maxItems = 3;
    const s = await start({ configuration: () => ({ outline: { maxItems } }) });
    const uri = 'file:///settings/big-outline.txt';
    // 2 top-level sections with 2 children each: 6 entries; 3 keep both top-level ones and the first child
    await open(s, uri, '工作总结\n一、甲\n（一）子一\n正文。\n（二）子二\n正文。\n二、乙\n（一）子三\n正文。\n（二）子四\n正文。\n');
    const tree = (list: DocumentSymbol[]): unknown[] => list.map((x) => [x.name, ...(x.children?.length ? [tree(x.children)] : [])]);
    assert.deepEqual(tree(await symbols(s, uri)), [['一、甲', [['（一）子一']]], ['二、乙']]);
    await diagnostics(s, uri); // the status follows an analysis
    const status = await s.waitFor<{ uri: string; outlineItems: number; outlineShown: number }>('gongwen/status', (p) => p.uri === uri);
    assert.deepEqual([status.outlineItems, status.outlineShown], [6, 3]);
    // folding is not limited by it: every section still folds
    const folds = (await s.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as unknown[];
    assert.equal(folds.length, 6);

    maxItems = 100;
    await s.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await s.waitForRequest('workspace/diagnostic/refresh');
    assert.deepEqual(tree(await symbols(s, uri)), [
      ['一、甲', [['（一）子一'], ['（二）子二']]],
      ['二、乙', [['（一）子三'], ['（二）子四']]],
    ]);
  },
);
