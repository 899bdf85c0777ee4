// "Check Word Document": a .docx made by the test opens read-only as its text, with Word's automatic numbering
// written out, and gets the outline and the diagnostics from the language server.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { GONGWEN_LEVELS, makeDocx } from '../../support/docx';
import { activateExtension, codesAt, symbolNames, symbolsOf, waitForDiagnostics, workspaceUri, poll } from './helpers';

describe('Word documents', () => {
  before(activateExtension);

  it('the command opens the .docx as text with its numbering, outline and diagnostics, not as a writable file', async () => {
    const docx = workspaceUri('scratch', '个人对照检查材料.docx');
    await vscode.workspace.fs.writeFile(
      docx,
      makeDocx({
        abstracts: { 0: GONGWEN_LEVELS },
        nums: { 1: { abstract: 0 } },
        body: [
          { text: '民主生活会个人对照检查材料' },
          { text: '存在的主要问题', numId: 1, ilvl: 0 },
          { text: '学习不够深入。', numId: 1, ilvl: 1 },
          { text: '整改措施', numId: 1, ilvl: 0 },
          { text: '加强学习。', numId: 1, ilvl: 1 },
        ],
      }),
    );
    await vscode.commands.executeCommand('gongwen.checkWordDocument', docx);
    const editor = await poll('the Word document in the active editor', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.scheme === 'gongwen-docx' ? e : undefined;
    });
    const document = editor.document;
    assert.strictEqual(document.languageId, 'gongwen');
    assert.deepStrictEqual(document.getText().split('\n'), [
      '民主生活会个人对照检查材料',
      '一、存在的主要问题',
      '（一）学习不够深入。',
      '二、整改措施',
      '（一）加强学习。',
    ]);
    const symbols = await symbolsOf(document.uri);
    assert.deepStrictEqual(symbolNames(symbols), ['一、存在的主要问题', '  （一）学习不够深入', '二、整改措施', '  （一）加强学习']);
    const diagnostics = await waitForDiagnostics(document.uri, 'section.missing in the Word document', (d) => d.length > 0);
    assert.deepStrictEqual(codesAt(diagnostics), ['section.missing@4']);
    // a content provider's document: no file system behind it that could be written
    assert.notStrictEqual(vscode.workspace.fs.isWritableFileSystem('gongwen-docx'), true);
    assert.ok(document.getText().startsWith('民主生活会'));
  });
});
