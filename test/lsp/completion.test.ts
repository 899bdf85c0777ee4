// Completion of the next marker against the real server process (dist/server.js over stdio).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-protocol';

import { HANG_GUARD, open, startServer, TestServer } from './serverProcess';

let server: TestServer;
before(async () => {
  server = await startServer({ locale: 'zh-cn' });
});
after(() => server.stop());

async function complete(uri: string, line: number, character: number, triggerCharacter?: string): Promise<CompletionItem[]> {
  const context = triggerCharacter !== undefined ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 };
  const result = (await server.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line, character },
    context,
  })) as CompletionItem[] | CompletionList | null;
  return Array.isArray(result) ? result : (result?.items ?? []);
}

const sorted = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));

test('initialize announces completion with the first characters of markers as triggers', () => {
  const triggers = server.initializeResult.capabilities.completionProvider?.triggerCharacters ?? [];
  for (const c of ['（', '(', '1', '一', '十', '①']) {
    assert.ok(triggers.includes(c), `trigger ${c}`);
  }
});

test('after a （二） line, （三） is offered first, in Chinese, replacing nothing on an empty line', HANG_GUARD, async () => {
  const uri = 'file:///tmp/completion-empty-line.txt';
  await open(server, uri, ['一、总体情况', '（一）学习方面', '内容。', '（二）作风方面。调研不深入。', ''].join('\n'));
  const items = sorted(await complete(uri, 4, 0));
  assert.deepEqual(
    items.map((i) => [i.label, i.detail]),
    [
      ['（三）', '二级标题'],
      ['1.', '三级标题'],
      ['二、', '一级标题'],
    ],
  );
  assert.deepEqual(items[0].textEdit, { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, newText: '（三）' });
});

test('a typed trigger character is replaced by the whole marker, after indentation', HANG_GUARD, async () => {
  const uri = 'file:///tmp/completion-trigger.md';
  await open(server, uri, ['一、总体情况', '（一）学习方面', '（二）作风方面', '  (', '正文。'].join('\n'));
  const items = sorted(await complete(uri, 3, 3, '('));
  assert.equal(items[0].label, '（三）');
  assert.deepEqual((items[0].textEdit as TextEdit).range, { start: { line: 3, character: 2 }, end: { line: 3, character: 3 } });
  assert.equal(items[0].filterText, '(（三）', 'the half-width bracket typed still matches the item');
  // in the middle of a text nothing is offered
  assert.deepEqual(await complete(uri, 4, 2, '一'), []);
});

test(
  'a self-inspection offers its missing parts, an empty one (even plain text) its skeleton; other plain text nothing',
  HANG_GUARD,
  async () => {
    const uri = 'file:///tmp/%E5%AF%B9%E7%85%A7%E6%A3%80%E6%9F%A5-completion.txt';
    await open(server, uri, ['对照检查材料', '一、存在的主要问题', '（一）学习不够。', ''].join('\n'));
    const items = sorted(await complete(uri, 3, 0));
    assert.deepEqual(
      items.filter((i) => i.detail?.startsWith('必备部分')).map((i) => i.label),
      ['二、产生问题的原因', '二、努力方向和整改措施'],
    );
    const empty = 'file:///tmp/%E5%AF%B9%E7%85%A7%E6%A3%80%E6%9F%A5-empty.txt';
    await open(server, empty, '', 'plaintext');
    const skeleton = (await complete(empty, 0, 0)).find((i) => (i.textEdit as TextEdit | undefined)?.newText.includes('\n'));
    assert.equal((skeleton?.textEdit as TextEdit).newText, '一、存在的主要问题\n二、产生问题的原因\n三、努力方向和整改措施');
    // a plain text of no particular kind and with no heading is left alone
    const notes = 'file:///tmp/notes.txt';
    await open(server, notes, '购物清单\n', 'plaintext');
    assert.deepEqual(await complete(notes, 1, 0), []);
  },
);
