// The status bar item: profile, heading count and 字数 of the active document, from the server's gongwen/status,
// and the 字数 of the selection, counted here with the core's countChars (the function the outline counts with).
import * as vscode from 'vscode';
import { countChars } from '../../server/src/core/scanner';
import type { StatusParams } from '../../server/src/protocol';
import type { FolderSummary } from './materials';

/** 字数 of an editor's selections (0 when nothing is selected). */
export function selectedChars(editor: vscode.TextEditor): number {
  let n = 0;
  for (const selection of editor.selections) {
    if (!selection.isEmpty) {
      n += countChars(editor.document.getText(selection));
    }
  }
  return n;
}

export function statusText(status: StatusParams, selected: number): string {
  const chars = selected > 0 ? vscode.l10n.t('Selected {0} / {1}', selected, status.chars) : vscode.l10n.t('Chars {0}', status.chars);
  return `$(list-tree) ${status.profileLabel || status.profile} · ${status.headings} · ${chars}`;
}

export class StatusBar implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly byUri = new Map<string, StatusParams>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private selector: vscode.DocumentSelector = [];
  private folder: FolderSummary | undefined;

  constructor() {
    this.item = vscode.window.createStatusBarItem('gongwen.status', vscode.StatusBarAlignment.Right, 100);
    this.item.name = vscode.l10n.t('Gongwen Outline');
    this.item.command = { command: 'outline.focus', title: vscode.l10n.t('Show the outline') };
    this.subscriptions.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) {
          this.update();
        }
      }),
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

  /** The counts of the workspace's materials (the Materials view), shown in the tooltip. */
  setFolder(folder: FolderSummary | undefined): void {
    this.folder = folder;
    this.update();
  }

  clear(): void {
    this.byUri.clear();
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const document = editor?.document;
    const status = document && vscode.languages.match(this.selector, document) > 0 ? this.byUri.get(document.uri.toString()) : undefined;
    // Plain text and Markdown without numbered headings are not 公文: nothing to show for them.
    if (!editor || !document || !status || (status.headings === 0 && document.languageId !== 'gongwen')) {
      this.item.hide();
      return;
    }
    const label = status.profileLabel || status.profile;
    this.item.text = statusText(status, selectedChars(editor));
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${vscode.l10n.t('Gongwen Outline')}**\n\n`);
    tooltip.appendText(vscode.l10n.t('Profile: {0} ({1})', label, status.profile));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Headings: {0}', status.headings));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Problems: {0}', status.problems));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Characters (字数, not counting spaces): {0}', status.chars));
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
    if (this.folder !== undefined && this.folder.materials > 0) {
      const { materials, problems, similar } = this.folder;
      tooltip.appendText(
        vscode.l10n.t('Folder: {0} materials, {1} findings, {2} shared paragraphs (review.similar)', materials, problems, similar),
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
