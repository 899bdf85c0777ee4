/**
 * Quick fixes, built for the text they apply to. A client sends back the diagnostics it shows; each is looked up in
 * the analysis of the document's current version (by code and range: a diagnostic of an older version that no
 * longer matches gets nothing), and its fix is built from that version only now. The edit names the version
 * (a versioned TextDocumentEdit) where the client supports it, so a client rejects it after a change; with
 * `codeAction/resolve`, the list carries no edits at all and the chosen one is built when it is resolved.
 */
import { CodeAction, CodeActionKind, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { Analysis, Diagnosis } from '../core/analyze';
import type { LineEdit } from '../core/edits';
import type { Localize } from './localize';
import { localizeMessage } from './localize';

export interface CodeActionSupport {
  /** The client resolves code actions lazily (`codeAction.resolveSupport` with `edit`). */
  readonly resolve: boolean;
  /** The client takes versioned `documentChanges`. */
  readonly documentChanges: boolean;
}

/** What an unresolved action carries back to `codeAction/resolve`. */
export interface ActionKey {
  readonly uri: string;
  readonly version: number;
  readonly code: string;
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
}

/** The version of the document the server has, with its analysis. */
export interface Current {
  readonly uri: string;
  readonly version: number;
  readonly analysis: Analysis;
}

function findingOf(analysis: Analysis, key: Omit<ActionKey, 'uri' | 'version'>): Diagnosis | undefined {
  return analysis.diagnostics.find(
    (d) =>
      d.code === key.code &&
      d.line === key.line &&
      d.character === key.character &&
      d.endLine === key.endLine &&
      d.endCharacter === key.endCharacter,
  );
}

function keyOf(d: Diagnostic): Omit<ActionKey, 'uri' | 'version'> | undefined {
  const { start, end } = d.range ?? {};
  if (d.source !== 'gongwen' || typeof d.code !== 'string' || start === undefined || end === undefined) {
    return undefined;
  }
  return { code: d.code, line: start.line, character: start.character, endLine: end.line, endCharacter: end.character };
}

export function workspaceEdit(uri: string, version: number, edits: readonly LineEdit[], support: CodeActionSupport): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((e) => ({
    range: { start: { line: e.line, character: e.character }, end: { line: e.endLine, character: e.endCharacter } },
    newText: e.newText,
  }));
  return support.documentChanges
    ? { documentChanges: [{ textDocument: { uri, version }, edits: textEdits }] }
    : { changes: { [uri]: textEdits } };
}

/** A quick fix for each of the client's diagnostics that the current version still has and that has a fix. */
export function codeActions(current: Current, diagnostics: readonly Diagnostic[], support: CodeActionSupport, t: Localize): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const key = keyOf(diagnostic);
    const finding = key !== undefined ? findingOf(current.analysis, key) : undefined;
    if (key === undefined || finding?.fix === undefined) {
      continue;
    }
    const action: CodeAction = {
      title: localizeMessage(t, finding.fix.title),
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
    };
    if (support.resolve) {
      action.data = { uri: current.uri, version: current.version, ...key } satisfies ActionKey;
      actions.push(action);
      continue;
    }
    const fix = current.analysis.fix(finding);
    if (fix !== undefined) {
      action.edit = workspaceEdit(current.uri, current.version, fix.edits, support);
      actions.push(action);
    }
  }
  return actions;
}

/** The edit of an action listed earlier, built from the current version; none when the document changed since. */
export function resolveCodeAction(action: CodeAction, current: Current | undefined, support: CodeActionSupport): CodeAction {
  const key = action.data as Partial<ActionKey> | undefined;
  if (current === undefined || key?.uri !== current.uri || key.version !== current.version) {
    return action;
  }
  const finding = findingOf(current.analysis, key as ActionKey);
  const fix = finding !== undefined ? current.analysis.fix(finding) : undefined;
  return fix !== undefined ? { ...action, edit: workspaceEdit(current.uri, current.version, fix.edits, support) } : action;
}
