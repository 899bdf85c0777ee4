// Typing in the editor (TextEditor.edit and undo), with the outline and the diagnostics following each edit.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  codeOf,
  codesAt,
  documentSymbols,
  openEditor,
  poll,
  scratchCopy,
  setSetting,
  symbolNames,
  symbolsOf,
  waitForDiagnostics,
} from './helpers';

describe('typing in the editor', () => {
  let editor: vscode.TextEditor;
  let uri: vscode.Uri;
  let original: string;

  before(async () => {
    await activateExtension();
    // the scratch copy repeats the fixture's paragraphs: review.similar (issue 14) is not what this test is about
    await setSetting('gongwen.diagnostics.severity', { 'review.similar': 'ignore' });
    uri = await scratchCopy('个人对照检查材料.txt', '编辑-个人对照检查材料.txt');
    editor = await openEditor(uri);
    original = editor.document.getText();
    await symbolsOf(uri);
  });

  after(async () => {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await setSetting('gongwen.diagnostics.severity', undefined);
  });

  it('inserting a heading puts it in the outline, and its skipped number is reported', async () => {
    // after 一、（二） (lines 7-8) comes a new （四）: the outline has it, and 四 after 二 is a gap.
    const ok = await editor.edit((edit) =>
      edit.insert(editor.document.lineAt(8).range.end, '\n（四）工作作风方面。\n会议多、文件多的问题仍然存在。'),
    );
    assert.ok(ok, 'the edit was applied');
    const diagnostics = await waitForDiagnostics(
      uri,
      'numbering.gap at the new heading (line 10)',
      (ds) => codesAt(ds).join() === 'numbering.gap@10',
    );
    assert.strictEqual(diagnostics[0].severity, vscode.DiagnosticSeverity.Warning);
    const names = await poll('the new heading in the outline', async () => {
      const current = symbolNames(await documentSymbols(uri));
      return current.includes('  （四）工作作风方面') ? current : undefined;
    });
    assert.deepStrictEqual(names.slice(0, 4), [
      '一、存在的主要问题',
      '  （一）政治理论学习方面',
      '  （二）担当作为方面',
      '  （四）工作作风方面',
    ]);
  });

  it('deleting a required section reports it missing, as an error', async () => {
    const symbols = await documentSymbols(uri);
    const causes = symbols.find((s) => s.name === '二、产生问题的原因');
    const measures = symbols.find((s) => s.name === '三、整改措施');
    assert.ok(causes && measures, `the outline has both sections: ${symbolNames(symbols).join(' | ')}`);
    const ok = await editor.edit((edit) => edit.delete(new vscode.Range(causes.range.start, measures.range.start)));
    assert.ok(ok, 'the edit was applied');
    const diagnostics = await waitForDiagnostics(uri, 'section.missing', (ds) => ds.some((d) => codeOf(d) === 'section.missing'));
    const missing = diagnostics.filter((d) => codeOf(d) === 'section.missing');
    assert.strictEqual(missing.length, 1, 'one section is missing');
    assert.strictEqual(missing[0].severity, vscode.DiagnosticSeverity.Error);
    assert.ok(!editor.document.getText().includes('产生问题的原因'));
  });

  it('undoing the deletion restores the section, and the missing-section error goes away', async () => {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, 'only the numbering.gap of the inserted heading', (ds) => codesAt(ds).join() === 'numbering.gap@10');
    assert.ok(editor.document.getText().includes('二、产生问题的原因'));
  });

  it('undoing the insertion gives back the original text and no diagnostics', async () => {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitForDiagnostics(uri, 'no diagnostics', (ds) => ds.length === 0);
    assert.strictEqual(editor.document.getText(), original);
  });
});
