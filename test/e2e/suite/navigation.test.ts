// Expand selection over a section, hover on a heading and the 字数 in the status bar, in a real VS Code.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, log, openEditor, screenshot, symbolsOf, workspaceUri } from './helpers';

const LINES = ['一、总体情况', '（一）学习情况', '每月学习一次。', '（二）作风情况', '作风扎实。', '二、下一步打算', '加强学习。'];
/** 字数 of LINES, counted by hand: 6 + 7 + 7 + 7 + 5 + 7 + 5. */
const CHARS = 44;
/** Our status bar item in the workbench's DOM (VS Code names it extension id + item id). */
const STATUS_ITEM = '[id="gongwen.gongwen-outline.gongwen.status"]';

describe('hover, expand selection and 字数', () => {
  let editor: vscode.TextEditor;
  let uri: vscode.Uri;

  before(async () => {
    await activateExtension();
    uri = workspaceUri('scratch', '导航-字数.txt');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(LINES.join('\n'), 'utf8'));
    editor = await openEditor(uri);
    await symbolsOf(uri);
  });

  after(async () => {
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('expand selection grows from a body line to its section, the parent section and the document', async () => {
    const [chain] = await vscode.commands.executeCommand<vscode.SelectionRange[]>('vscode.executeSelectionRangeProvider', uri, [
      new vscode.Position(2, 1),
    ]);
    // VS Code adds its word ranges inside ours: the spans over whole lines are the server's
    const spans: string[] = [];
    for (let r: vscode.SelectionRange | undefined = chain; r !== undefined; r = r.parent) {
      const whole = r.range.start.character === 0 && r.range.end.character === editor.document.lineAt(r.range.end.line).text.length;
      if (whole) {
        spans.push(`${r.range.start.line}-${r.range.end.line}`);
      }
    }
    assert.deepStrictEqual(spans, ['2-2', '1-2', '0-4', '0-6']);
  });

  it('hover on a heading names its level and gives its 字数, sub-sections and findings', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(0, 1));
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    const chinese = vscode.env.language.startsWith('zh');
    // 一、 runs over lines 0-4: 6 + 7 + 7 + 7 + 5 characters, two sub-sections
    const expected = chinese
      ? '一级标题 · 32 字 · 下级标题：2 个 · 问题：0 个'
      : 'Level 1 heading · 32 chars · Sub-sections: 2 · Findings: 0';
    assert.ok(text.includes(expected), `hover text: ${text}`);
    const body = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(2, 1));
    assert.deepStrictEqual(body, [], 'no hover on body text');
  });

  it('the status bar shows the document 字数, and the selection 字数 with a selection', async () => {
    editor = await vscode.window.showTextDocument(editor.document);
    editor.selection = new vscode.Selection(2, 0, 2, 0);
    if (!(await screenshot('status-chars', { selector: STATUS_ITEM, text: `Chars ${CHARS}` }))) {
      log('      (no screenshot service in this pass: the status bar text cannot be read, not checked)');
      return;
    }
    // 学习一次。 (5) + the line break + （二）作风 (5): 10 characters
    editor.selection = new vscode.Selection(2, 2, 3, 5);
    assert.ok(await screenshot('status-selected', { selector: STATUS_ITEM, text: `Selected 10 / ${CHARS}` }));
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    assert.ok(await screenshot('status-chars', { selector: STATUS_ITEM, text: `Chars ${CHARS}` }));
  });
});
