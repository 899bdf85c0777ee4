// The status bar item: profile and heading count of the active document, from the server's gongwen/status.
import * as vscode from 'vscode';
import type { StatusParams } from '../../server/src/protocol';

export function statusText(status: StatusParams): string {
  return `$(list-tree) ${status.profileLabel || status.profile} · ${status.headings}`;
}

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private selector: vscode.DocumentSelector = [];

  constructor() {
    this.item = vscode.window.createStatusBarItem('gongwen.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Gongwen Outline');
    this.item.command = { command: 'outline.focus', title: vscode.l10n.t('Show the outline') };
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((document) => {
        this.byUri.delete(document.uri.toString());
        this.update();
      }),
    );
  }

  /** The documents the server serves now; others never show the item. */
  setSelector(selector: vscode.DocumentSelector): void {
    this.selector = selector;
    this.update();
  }

  set(uri: vscode.Uri, status: StatusParams): void {
    this.byUri.set(uri.toString(), status);
    this.update();
  }

  clear(): void {
    this.byUri.clear();
    this.update();
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const status = document && vscode.languages.match(this.selector, document) > 0 ? this.byUri.get(document.uri.toString()) : undefined;
    // Plain text and Markdown without numbered headings are not 公文: nothing to show for them.
    if (!document || !status || (status.headings === 0 && document.languageId !== 'gongwen')) {
      this.item.hide();
      return;
    }
    const label = status.profileLabel || status.profile;
    this.item.text = statusText(status);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${vscode.l10n.t('Gongwen Outline')}**\n\n`);
    tooltip.appendText(vscode.l10n.t('Profile: {0} ({1})', label, status.profile));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Headings: {0}', status.headings));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Problems: {0}', status.problems));
    tooltip.appendMarkdown('\n\n');
    if (status.outlineShown < status.outlineItems) {
      tooltip.appendText(
        vscode.l10n.t(
          'The outline shows the outermost {0} of {1} entries (setting gongwen.outline.maxItems).',
          status.outlineShown,
          status.outlineItems,
        ),
      );
      tooltip.appendMarkdown('\n\n');
    }
    tooltip.appendText(vscode.l10n.t('Click to show the outline.'));
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = {
      label: vscode.l10n.t('Gongwen profile {0}, {1} headings, {2} problems', label, status.headings, status.problems),
    };
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((d) => d.dispose());
    this.byUri.clear();
  }
}
