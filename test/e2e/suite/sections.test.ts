// The section commands in the real VS Code: run as the palette runs them (no argument: the cursor's section), the
// edit applied through the language client, undone with undo; the outline and the diagnostics follow.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  codesAt,
  documentSymbols,
  openEditor,
  poll,
  scratchCopy,
  symbolNames,
  symbolsOf,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

/** The outline's names once they equal `expected` (the server has the edit), or a failure showing the last ones. */
async function outlineBecomes(uri: vscode.Uri, expected: string[]): Promise<void> {
  let last: string[] = [];
  try {
    await poll(`the outline ${expected.join(' | ')}`, async () => {
      last = symbolNames(await documentSymbols(uri));
      return last.join('\n') === expected.join('\n') ? true : undefined;
    });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n  last: ${last.join(' | ')}`, { cause: error });
  }
}

/** Puts the cursor on a line of the editor and runs a command as the palette or a keybinding does: no argument. */
async function runAt(editor: vscode.TextEditor, line: number, command: string): Promise<unknown> {
  await vscode.window.showTextDocument(editor.document);
  editor.selection = new vscode.Selection(line, 0, line, 0);
  return vscode.commands.executeCommand(command);
}

describe('section commands', () => {
  before(async () => {
    await activateExtension();
    // the language client registers the server's commands once it is up
    await poll('the section commands registered', async () =>
      (await vscode.commands.getCommands(true)).includes('gongwen.section.moveDown') ? true : undefined,
    );
  });

  it('move-down of a section carries its body past the next sibling, renumbered; undo gives the text back', async () => {
    const uri = await scratchCopy('个人对照检查材料.txt', '移动-个人对照检查材料.txt');
    const editor = await openEditor(uri);
    const original = editor.document.getText();
    const outline = symbolNames(await symbolsOf(uri));
    // the cursor in the body of （一）政治理论学习方面 (line 7): it goes after （二）担当作为方面; the blank line
    // before 二、 stays where it is
    const result = await runAt(editor, 6, 'gongwen.section.moveDown');
    assert.deepStrictEqual(result, { applied: true });
    assert.deepStrictEqual(editor.document.getText().split('\n').slice(4, 11), [
      '一、存在的主要问题',
      '（一）担当作为方面。',
      '面对复杂问题有时存在畏难情绪，主动研究解决不够。',
      '（二）政治理论学习方面。',
      '学习的系统性不强，满足于读原文、记笔记，联系实际思考不够。',
      '',
      '二、产生问题的原因',
    ]);
    await outlineBecomes(uri, [outline[0], '  （一）担当作为方面', '  （二）政治理论学习方面', ...outline.slice(3)]);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original, 'one undo takes the whole move back');
    await outlineBecomes(uri, outline);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('promote and demote: the outline and the diagnostics follow', async () => {
    const uri = workspaceUri('scratch', '升降级.gongwen');
    const text = ['一、问题', '1.学习方面', '内容。', '（一）作风方面', '内容。', ''].join('\n');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
    const editor = await openEditor(uri);
    // 1. then （一） under 一、: a level inversion
    await waitForDiagnostics(uri, 'the level inversion at （一）', (ds) => codesAt(ds).join() === 'numbering.level-inversion@4');
    await outlineBecomes(uri, ['一、问题', '  1.学习方面', '  （一）作风方面']);

    assert.deepStrictEqual(await runAt(editor, 2, 'gongwen.section.promote'), { applied: true });
    assert.strictEqual(editor.document.getText(), ['一、问题', '（一）学习方面', '内容。', '（二）作风方面', '内容。', ''].join('\n'));
    await outlineBecomes(uri, ['一、问题', '  （一）学习方面', '  （二）作风方面']);
    await waitForDiagnostics(uri, 'no finding once 1. is （一）', (ds) => ds.length === 0);

    assert.deepStrictEqual(await runAt(editor, 3, 'gongwen.section.demote'), { applied: true });
    assert.strictEqual(editor.document.getText(), ['一、问题', '（一）学习方面', '内容。', '1.作风方面', '内容。', ''].join('\n'));
    await outlineBecomes(uri, ['一、问题', '  （一）学习方面', '    1.作风方面']);

    // a section at the top rank cannot go higher: the answer says why and nothing changes
    const refused = (await runAt(editor, 0, 'gongwen.section.promote')) as { applied: boolean; reason?: string };
    assert.strictEqual(refused.applied, false);
    assert.ok(refused.reason?.includes('一、问题'), refused.reason);
    assert.strictEqual(editor.document.lineAt(0).text, '一、问题');

    await vscode.commands.executeCommand('undo');
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), text);
    await waitForDiagnostics(uri, 'the level inversion back after two undos', (ds) => codesAt(ds).join() === 'numbering.level-inversion@4');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the refactorings of a heading line are offered as code actions of the gongwen refactor kinds', async () => {
    const uri = await scratchCopy('个人对照检查材料.txt', '重构-个人对照检查材料.txt');
    await openEditor(uri);
    await symbolsOf(uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      new vscode.Range(7, 0, 7, 0),
      vscode.CodeActionKind.Refactor.value,
    );
    const ours = actions.filter((a) => a.kind?.value.endsWith('.gongwen')).map((a) => a.kind?.value);
    assert.deepStrictEqual(ours, ['refactor.move.gongwen', 'refactor.rewrite.gongwen', 'refactor.rewrite.gongwen']);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

describe('display language: the section commands', () => {
  const chinese = (process.env.GONGWEN_E2E_LOCALE || 'en').startsWith('zh');

  before(activateExtension);

  it(`have their titles in ${chinese ? 'Chinese' : 'English'} in the command palette`, () => {
    const extension = vscode.extensions.getExtension('gongwen.gongwen-outline');
    // the manifest as VS Code read it: a translated title is { value, original }
    type Title = string | { value: string; original: string };
    const commands = (extension?.packageJSON as { contributes: { commands: { command: string; title: Title }[] } }).contributes.commands;
    const titles = Object.fromEntries(
      commands
        .filter((c) => /^gongwen\.(section\.|renumber)/.test(c.command))
        .map((c) => [c.command, typeof c.title === 'string' ? c.title : c.title.value]),
    );
    assert.deepStrictEqual(
      titles,
      chinese
        ? {
            'gongwen.section.moveUp': '上移本节',
            'gongwen.section.moveDown': '下移本节',
            'gongwen.section.promote': '本节升一级',
            'gongwen.section.demote': '本节降一级',
            'gongwen.renumber': '全文重新编号（标题和列举）',
          }
        : {
            'gongwen.section.moveUp': 'Move Section Up',
            'gongwen.section.moveDown': 'Move Section Down',
            'gongwen.section.promote': 'Promote Section (One Rank Up)',
            'gongwen.section.demote': 'Demote Section (One Rank Down)',
            'gongwen.renumber': 'Renumber Headings and Enumerations',
          },
    );
  });
});
