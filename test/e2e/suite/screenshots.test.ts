// Screenshots of the real workbench for the README: the Outline view on a seed-like example, and the Problems
// panel with its diagnostics. Saved by the launcher's screenshot service (the VS Code server run); on desktop
// VS Code there is no such service and the views are only checked to open.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  codesAt,
  log,
  openEditor,
  screenshot,
  setSetting,
  symbolNames,
  symbolsOf,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

describe('workbench screenshots', () => {
  const uri = workspaceUri('示例-个人对照检查材料.txt');

  before(async () => {
    await activateExtension();
    // only the example is open, and the other materials of the folder are not reported (workspace diagnostics off),
    // so that the Problems panel shows its problems alone
    await setSetting('gongwen.diagnostics.workspace', false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await openEditor(uri);
  });

  after(() => setSetting('gongwen.diagnostics.workspace', undefined));

  it('the Outline view shows the sections of a seed-like example', async () => {
    const names = symbolNames(await symbolsOf(uri));
    assert.deepStrictEqual(
      names.filter((n) => !n.startsWith(' ')),
      ['一、存在的主要问题', '二、产生问题的原因', '三、努力方向和整改措施'],
    );
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    await vscode.commands.executeCommand('outline.focus');
    const saved = await screenshot('outline', {
      // collapse the Folders section above the Outline (VS Code has no command for that), so the outline has room
      click: '.pane-header.expanded[aria-label^="Explorer Section"]',
      selector: '.outline-pane .monaco-list-row',
      text: '三、努力方向和整改措施',
    });
    if (!saved) {
      log('      (no screenshot service in this VS Code: outline.png not saved)');
    }
  });

  it('the Problems panel lists the problems of the example', async () => {
    await waitForDiagnostics(
      uri,
      'placeholder, bracket, inline sequence and numbering gap',
      (ds) => codesAt(ds).join() === 'text.placeholder@7,numbering.bracket@11,inline.sequence@14,numbering.gap@15',
    );
    await vscode.commands.executeCommand('notifications.clearAll');
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    if (!(await screenshot('problems', { selector: '.markers-panel .monaco-list-row', text: 'numbering.gap' }))) {
      log('      (no screenshot service in this VS Code: problems.png not saved)');
    }
  });
});
