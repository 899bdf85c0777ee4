// Completion of the next marker and fix-all (issue 11) in a real VS Code: the completion items after （二）, the
// source.fixAll.gongwen action run by editor.codeActionsOnSave when the user saves, and its title in the display
// language (the zh-cn run runs the tests whose title says "display language").
import * as assert from 'assert';
import * as fs from 'fs';
import * as vscode from 'vscode';
import { activateExtension, codesAt, openEditor, poll, setSetting, symbolsOf, waitForDiagnostics, workspaceUri } from './helpers';

async function scratch(name: string, lines: readonly string[]): Promise<{ uri: vscode.Uri; editor: vscode.TextEditor }> {
  const uri = workspaceUri('scratch', name);
  await vscode.workspace.fs.writeFile(uri, Buffer.from(lines.join('\n'), 'utf8'));
  const editor = await openEditor(uri);
  await symbolsOf(uri);
  return { uri, editor };
}

async function close(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

describe('completion of the next marker and fix-all on save', () => {
  before(activateExtension);

  it('completion at the start of the line after （二） offers （三） first, then 1. and 二、', async () => {
    const { uri, editor } = await scratch('补全-下一个序号.txt', [
      '一、总体情况',
      '（一）学习方面',
      '内容。',
      '（二）作风方面。调研不深入。',
      '',
    ]);
    try {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        uri,
        new vscode.Position(4, 0),
      );
      // other providers (words of the document) may add items: ours are the markers, in the order of their sortText
      const ours = list.items
        .filter((i) => i.kind === vscode.CompletionItemKind.EnumMember && i.sortText !== undefined)
        .sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
      assert.deepStrictEqual(
        ours.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)),
        ['（三）', '1.', '二、'],
      );
      const chinese = vscode.env.language.startsWith('zh');
      assert.strictEqual(ours[0].detail, chinese ? '二级标题' : 'Level 2 heading');
    } finally {
      await close(editor);
    }
  });

  it('with editor.codeActionsOnSave, saving fixes every numbering problem in one edit, and undo brings the text back', async () => {
    await setSetting('editor.codeActionsOnSave', { 'source.fixAll.gongwen': 'explicit' });
    const { uri, editor } = await scratch('保存时修复.txt', ['工作总结', '一、甲', '(一)乙。一是学习，三是工作。', '三、丙', '正文。']);
    try {
      await waitForDiagnostics(uri, 'the three numbering findings', (ds) => ds.length >= 3);
      // the user types a heading with a skipped number, then saves
      assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(4, 3), '\n（三）丁，正文。')));
      const typed = editor.document.getText();
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.save');
      const expected = ['工作总结', '一、甲', '（一）乙。一是学习，二是工作。', '二、丙', '正文。', '（一）丁，正文。'].join('\n');
      await poll('the fixed text, saved', () => (editor.document.getText() === expected && !editor.document.isDirty ? true : undefined));
      assert.strictEqual(fs.readFileSync(uri.fsPath, 'utf8'), expected, 'the file on disk has the fixes');
      await waitForDiagnostics(uri, 'no numbering finding left', (ds) => !codesAt(ds).some((c) => /^(numbering|inline)\./.test(c)));
      // one edit: one undo gives back the text as typed
      await vscode.commands.executeCommand('undo');
      assert.strictEqual(editor.document.getText(), typed);
    } finally {
      await setSetting('editor.codeActionsOnSave', undefined);
      await close(editor);
    }
  });
});

describe('fix-all title in the display language', () => {
  before(activateExtension);

  it('the source.fixAll.gongwen action is titled in the display language', async () => {
    const { uri, editor } = await scratch('修复标题.txt', ['一、甲', '三、乙']);
    try {
      await waitForDiagnostics(uri, 'the numbering gap', (ds) => ds.length > 0);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(0, 0, 0, 0),
        vscode.CodeActionKind.SourceFixAll.value,
      );
      const chinese = vscode.env.language.startsWith('zh');
      assert.deepStrictEqual(
        actions.filter((a) => a.kind?.value === 'source.fixAll.gongwen').map((a) => a.title),
        [chinese ? '修复所有可自动修复的问题（公文大纲）' : 'Fix all auto-fixable problems (Gongwen)'],
      );
    } finally {
      await close(editor);
    }
  });
});
