// Settings take effect without a reload: a rule's severity (including 'ignore') and the profile.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension, codeOf, openEditor, setSetting, waitForDiagnostics, workspaceUri } from './helpers';

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
});
