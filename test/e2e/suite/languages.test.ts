// Which documents the extension serves: gongwen by file name, plaintext and Markdown with headings, untitled
// documents; and a plaintext file without headings gets nothing.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeUntitled,
  codesAt,
  documentSymbols,
  flatten,
  foldingRanges,
  openEditor,
  ours,
  symbolNames,
  symbolsOf,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

describe('language detection', () => {
  before(activateExtension);

  it('a *对照检查*.txt file is a gongwen document with an outline', async () => {
    const uri = workspaceUri('对照检查材料-缺少原因.txt');
    const { document } = await openEditor(uri);
    assert.strictEqual(document.languageId, 'gongwen');
    assert.deepStrictEqual(symbolNames(await symbolsOf(uri)), [
      '一、存在的问题',
      '  （一）学习不够深入',
      '  （二）工作标准不高',
      '二、整改措施',
      '  （一）加强学习',
      '  （二）提高标准',
    ]);
  });

  it('a plaintext file with headings gets the outline, folds and diagnostics', async () => {
    const uri = workspaceUri('工作总结.txt');
    const { document } = await openEditor(uri);
    assert.strictEqual(document.languageId, 'plaintext');
    assert.deepStrictEqual(symbolNames(await symbolsOf(uri)), [
      '一、主要工作成效',
      '  （一）项目建设提速增效',
      '  (二)营商环境持续优化',
      '二、下一步工作打算',
      '  （一）抓实项目储备',
      '  （二）强化要素保障',
    ]);
    assert.ok(
      (await foldingRanges(uri)).some((f) => f.start === 4 && f.end === 6),
      'section 一 folds',
    );
    await waitForDiagnostics(uri, 'numbering.bracket at (二)', (ds) => codesAt(ds).join() === 'numbering.bracket@7');
  });

  it('a Markdown file gets the outline, folds and diagnostics', async () => {
    const uri = workspaceUri('述职报告.md');
    const { document } = await openEditor(uri);
    assert.strictEqual(document.languageId, 'markdown');
    // VS Code's Markdown extension contributes symbols for "#" headings too; （一） is not one, only ours has it.
    const names = await symbolsOf(uri).then(async () => flatten(await documentSymbols(uri)).map((s) => s.name));
    for (const name of ['一、履职情况', '（一）抓好班子建设', '（二）推进重点工作', '（一）调查研究不够深入', '三、下一步打算']) {
      assert.ok(names.includes(name), `the outline has ${name}: ${names.join(' | ')}`);
    }
    assert.ok(
      (await foldingRanges(uri)).some((f) => f.start === 6 && f.end === 7),
      'the paragraph section （一） folds',
    );
    await waitForDiagnostics(uri, 'text.placeholder at XX', (ds) => codesAt(ds).join() === 'text.placeholder@8');
  });

  it('an untitled document gets the outline and diagnostics', async () => {
    const { document } = await openEditor(
      await vscode.workspace.openTextDocument({
        language: 'plaintext',
        content: '一、总体情况\n\n全年各项工作平稳推进。\n\n三、存在问题\n\n个别项目进度滞后。\n',
      }),
    );
    assert.strictEqual(document.uri.scheme, 'untitled');
    assert.deepStrictEqual(symbolNames(await symbolsOf(document.uri)), ['一、总体情况', '三、存在问题']);
    await waitForDiagnostics(document.uri, 'numbering.gap at 三、', (ds) => codesAt(ds).join() === 'numbering.gap@5');
    await closeUntitled(document);
  });

  it('a plaintext file without headings gets nothing', async () => {
    await symbolsOf(workspaceUri('工作总结.txt')); // the server is serving plaintext
    const uri = workspaceUri('备忘.txt');
    const { document } = await openEditor(uri);
    assert.strictEqual(document.languageId, 'plaintext');
    assert.deepStrictEqual(await documentSymbols(uri), []);
    assert.deepStrictEqual(await foldingRanges(uri), []);
    assert.deepStrictEqual(ours(uri), []);
  });
});
