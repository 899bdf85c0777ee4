// Settings take effect without a reload: a rule's severity (including 'ignore'), the profile, the outline's size.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateExtension,
  codeOf,
  documentSymbols,
  flatten,
  foldingRanges,
  openEditor,
  poll,
  scratchCopy,
  setSetting,
  symbolsOf,
  waitForDiagnostics,
  workspaceUri,
} from './helpers';

describe('settings take effect without reload', () => {
  const uri = workspaceUri('对照检查材料-缺少原因.txt');
  const missing = (severity: vscode.DiagnosticSeverity) => (ds: vscode.Diagnostic[]) =>
    ds.some((d) => codeOf(d) === 'section.missing' && d.severity === severity);
  const noMissing = (ds: vscode.Diagnostic[]) => !ds.some((d) => codeOf(d) === 'section.missing');

  before(async () => {
    await activateExtension();
    await openEditor(uri);
    await waitForDiagnostics(uri, 'section.missing (error) for the absent 原因 section', missing(vscode.DiagnosticSeverity.Error));
  });

  afterEach(async () => {
    await setSetting('gongwen.diagnostics.severity', undefined);
    await setSetting('gongwen.profile', undefined);
    await setSetting('gongwen.outline.maxItems', undefined);
  });

  it('gongwen.diagnostics.severity: ignore removes the diagnostic, another level changes it, unset restores it', async () => {
    await setSetting('gongwen.diagnostics.severity', { 'section.missing': 'ignore' });
    await waitForDiagnostics(uri, 'no section.missing once it is set to ignore', noMissing);
    await setSetting('gongwen.diagnostics.severity', { 'section.missing': 'warning' });
    await waitForDiagnostics(uri, 'section.missing as a warning', missing(vscode.DiagnosticSeverity.Warning));
    await setSetting('gongwen.diagnostics.severity', undefined);
    const diagnostics = await waitForDiagnostics(uri, 'section.missing back to an error', missing(vscode.DiagnosticSeverity.Error));
    assert.strictEqual(diagnostics.filter((d) => codeOf(d) === 'section.missing').length, 1);
  });

  it('gongwen.profile: general has no required sections; back to auto, the self-inspection profile applies again', async () => {
    await setSetting('gongwen.profile', 'general');
    await waitForDiagnostics(uri, 'no section.missing under the general profile', noMissing);
    await setSetting('gongwen.profile', 'auto');
    await waitForDiagnostics(uri, 'section.missing again under the detected profile', missing(vscode.DiagnosticSeverity.Error));
  });

  it('gongwen.outline.maxItems: from the next edit the outline keeps the outermost levels up to the limit; folding is not cut', async () => {
    // VS Code keeps a document's outline until the document changes (LSP has no refresh for symbols), so each
    // setting is followed by an edit, as a user's next keystroke
    const scratch = await scratchCopy('对照检查材料-缺少原因.txt', '大纲条目上限.txt');
    const editor = await openEditor(scratch);
    const type = async () => assert.ok(await editor.edit((edit) => edit.insert(editor.document.lineAt(2).range.end, '的')));
    const all = flatten(await symbolsOf(scratch));
    const top = (await documentSymbols(scratch)).length;
    assert.ok(all.length > top + 1, `the fixture has nested headings (${all.length} in all, ${top} on top)`);
    const folds = (await foldingRanges(scratch)).length;
    await setSetting('gongwen.outline.maxItems', top + 1);
    await type();
    const cut = await poll(`an outline of ${top + 1} entries`, async () => {
      const symbols = await documentSymbols(scratch);
      return flatten(symbols).length === top + 1 ? symbols : undefined;
    });
    assert.strictEqual(cut.length, top, 'every top-level heading stays');
    assert.strictEqual(cut.filter((s) => s.children.length > 0).length, 1, 'and the first child of the first one with children');
    assert.strictEqual((await foldingRanges(scratch)).length, folds);
    await setSetting('gongwen.outline.maxItems', undefined);
    await type();
    await poll('the whole outline again', async () => (flatten(await documentSymbols(scratch)).length === all.length ? true : undefined));
    await openEditor(scratch);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
