// The Materials view in the Explorer (issue 14): every material of the server's workspace index, grouped by folder,
// with its profile, 字数 and findings; a click opens it. Fed by the server's gongwen/materials request and refreshed
// on its gongwen/materialsChanged notification, so the list is an LSP feature first and this is only its surface.
import * as vscode from 'vscode';
import type { MaterialInfo, MaterialsResult } from '../../server/src/protocol';

/** A hidden view asks the server at most this often. */
const HIDDEN_REFRESH_MS = 3000;

type Node = { kind: 'folder'; label: string; materials: MaterialInfo[] } | { kind: 'material'; material: MaterialInfo };

/** Counts for the status bar tooltip. */
export interface FolderSummary {
  materials: number;
  problems: number;
  similar: number;
}

/** The folder a material is listed under: its workspace folder's name and the path of its directory in it. */
function groupOf(m: MaterialInfo, multiRoot: boolean): string {
  const folderName = decodeURIComponent(m.folder.replace(/\/+$/, '').replace(/^.*\//, ''));
  const dir = m.path.includes('/') ? m.path.slice(0, m.path.lastIndexOf('/')) : '';
  return dir === '' ? folderName : multiRoot ? `${folderName}/${dir}` : dir;
}

function materialDescription(m: MaterialInfo): string {
  return vscode.l10n.t('{0} · {1} chars · {2} findings', m.profileLabel || m.profile, m.chars, m.problems);
}

export class MaterialsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private result: MaterialsResult | undefined;
  private readonly view: vscode.TreeView<Node>;
  private asking: Promise<void> | undefined;
  /** A change came while asking: asked again once the answer is in. */
  private again = false;
  /** The nodes of the last answer, so that reveal and getParent find the same objects. */
  private roots: Extract<Node, { kind: 'folder' }>[] = [];
  private readonly byUri = new Map<string, { node: Node; parent: Node }>();
  /** A refresh put off while the view is hidden. */
  private later: ReturnType<typeof setTimeout> | undefined;

  constructor(
    /** Asks the running server for the materials; undefined when no server runs. */
    private readonly ask: () => Promise<MaterialsResult | undefined>,
    /** Told the counts after each answer. */
    private readonly summary: (summary: FolderSummary | undefined) => void,
  ) {
    this.view = vscode.window.createTreeView('gongwen.materials', { treeDataProvider: this, showCollapseAll: true });
    // a hidden view asks at most every few seconds (for the status bar's counts); shown, it asks at once
    this.view.onDidChangeVisibility((e) => {
      if (e.visible && this.later !== undefined) {
        clearTimeout(this.later);
        this.later = undefined;
        this.refresh();
      }
    });
  }

  /** The server said the materials changed (or it started or stopped): asked again. */
  refresh(): void {
    if (!this.view.visible && this.result !== undefined) {
      this.later ??= setTimeout(() => {
        this.later = undefined;
        this.askNow();
      }, HIDDEN_REFRESH_MS);
      return;
    }
    this.askNow();
  }

  private askNow(): void {
    if (this.asking !== undefined) {
      this.again = true;
      return;
    }
    this.asking = this.ask()
      .then(
        (result) => {
          this.result = result;
          this.build();
          const materials = result?.materials ?? [];
          this.summary(
            result !== undefined
              ? {
                  materials: materials.length,
                  problems: materials.reduce((n, m) => n + m.problems, 0),
                  similar: materials.reduce((n, m) => n + m.similar, 0),
                }
              : undefined,
          );
          this.view.message = result?.limited
            ? vscode.l10n.t('Only the first materials are listed (setting gongwen.index.maxFiles).')
            : undefined;
          this.changed.fire(undefined);
        },
        () => undefined,
      )
      .finally(() => {
        this.asking = undefined;
        if (this.again) {
          this.again = false;
          this.askNow();
        }
      });
  }

  /** Shows a material in the view (command gongwen.revealMaterial): the active editor's when none is given. */
  async reveal(uri: vscode.Uri | undefined): Promise<boolean> {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri;
    const found = target !== undefined ? this.byUri.get(target.toString()) : undefined;
    if (found === undefined) {
      if (uri === undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('This file is not among the materials of the workspace.'));
      }
      return false;
    }
    await this.view.reveal(found.node, { select: true, focus: true, expand: true });
    return true;
  }

  /** The groups (folders, in name order) and their materials, from the last answer. */
  private build(): void {
    const materials = this.result?.materials ?? [];
    const multiRoot = new Set(materials.map((m) => m.folder)).size > 1;
    const groups = new Map<string, MaterialInfo[]>();
    for (const m of materials) {
      const label = groupOf(m, multiRoot);
      groups.set(label, [...(groups.get(label) ?? []), m]);
    }
    this.roots = [...groups]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([label, list]) => ({ kind: 'folder', label, materials: list }));
    this.byUri.clear();
    for (const parent of this.roots) {
      for (const material of parent.materials) {
        this.byUri.set(vscode.Uri.parse(material.uri).toString(), { node: { kind: 'material', material }, parent });
      }
    }
  }

  getChildren(node?: Node): Node[] {
    if (node === undefined) {
      return this.roots;
    }
    return node.kind === 'folder' ? node.materials.map((m) => this.byUri.get(vscode.Uri.parse(m.uri).toString())!.node) : [];
  }

  getParent(node: Node): Node | undefined {
    return node.kind === 'material' ? this.byUri.get(vscode.Uri.parse(node.material.uri).toString())?.parent : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'folder') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = vscode.ThemeIcon.Folder;
      item.description = vscode.l10n.t('{0} materials', node.materials.length);
      return item;
    }
    const m = node.material;
    const uri = vscode.Uri.parse(m.uri);
    const item = new vscode.TreeItem(m.path.slice(m.path.lastIndexOf('/') + 1), vscode.TreeItemCollapsibleState.None);
    item.resourceUri = uri;
    item.id = m.uri;
    item.description = materialDescription(m);
    item.iconPath = new vscode.ThemeIcon(m.similar > 0 ? 'copy' : m.problems > 0 ? 'warning' : 'file-text');
    const tooltip = new vscode.MarkdownString();
    tooltip.appendText(m.path);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Profile: {0} ({1})', m.profileLabel || m.profile, m.profile));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Characters (字数, not counting spaces): {0}', m.chars));
    tooltip.appendMarkdown('\n\n');
    tooltip.appendText(vscode.l10n.t('Problems: {0}', m.problems));
    if (m.similar > 0) {
      tooltip.appendMarkdown('\n\n');
      tooltip.appendText(vscode.l10n.t('Paragraphs shared with other materials: {0}', m.similar));
    }
    item.tooltip = tooltip;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.later);
    this.view.dispose();
    this.changed.dispose();
  }
}
