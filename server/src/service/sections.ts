/**
 * The section commands (`workspace/executeCommand`) and the same operations as refactor code actions on a heading
 * line (SPEC §7). Edits are built from the version the server has when the command runs or the action is resolved,
 * and name that version (a versioned TextDocumentEdit where the client takes one), so a client rejects them after a
 * change.
 */
import { CodeAction, CodeActionTriggerKind, Range } from 'vscode-languageserver';
import type { Outline } from '../core/model';
import type { Finding } from '../core/rule';
import {
  Outcome,
  RENUMBERED_CODES,
  renumberEdits,
  SECTION_MESSAGES,
  SECTION_OPERATIONS,
  sectionEdits,
  SectionOperation,
  sectionTarget,
} from '../core/sections';
import { COMMANDS, RENUMBER_COMMAND, SECTION_COMMANDS } from '../protocol';
import { CodeActionSupport, workspaceEdit } from './codeActions';
import type { Localize } from './localize';

export type Operation = SectionOperation | 'renumber';

/** The code action kinds, under `.gongwen` so that a client can ask for ours alone. */
export const SECTION_ACTION_KINDS = { move: 'refactor.move.gongwen', rewrite: 'refactor.rewrite.gongwen' } as const;

/** Every command the server executes. */

/** A command as the server runs it. */
export interface Invocation {
  readonly operation: Operation;
  readonly uri: string;
  readonly line: number;
}

/** The operation and the argument of a command, or what is wrong with them (for an InvalidParams error). */
export function invocationOf(command: string, args: readonly unknown[] | undefined): Invocation | { readonly error: string } {
  const operation: Operation | undefined =
    command === RENUMBER_COMMAND ? 'renumber' : (SECTION_COMMANDS as Record<string, SectionOperation | undefined>)[command];
  if (operation === undefined) {
    return { error: `unknown command ${JSON.stringify(command)}; known: ${COMMANDS.join(', ')}` };
  }
  const arg = args?.[0] as { uri?: unknown; line?: unknown } | undefined;
  const usage = operation === 'renumber' ? '{ uri }' : '{ uri, line } (line: 0-based, any line inside the section)';
  if (typeof arg !== 'object' || arg === null || typeof arg.uri !== 'string') {
    return { error: `${command} takes one argument ${usage}` };
  }
  if (operation === 'renumber') {
    return { operation, uri: arg.uri, line: 0 };
  }
  if (typeof arg.line !== 'number' || !Number.isInteger(arg.line) || arg.line < 0) {
    return { error: `${command} takes one argument ${usage}; line ${JSON.stringify(arg.line)} is not a line number` };
  }
  return { operation, uri: arg.uri, line: arg.line };
}

/** The edits of an operation on one version's outline, or why it does not apply. */
export function operationEdits(outline: Outline, operation: Operation, line: number): Outcome {
  return operation === 'renumber' ? renumberEdits(outline) : sectionEdits(outline, line, operation);
}

/** A version of a document the actions are listed for and resolved against. */
export interface Version {
  readonly uri: string;
  readonly version: number;
  readonly outline: Outline;
}

/** What a listed action carries back to `codeAction/resolve`. */
interface SectionActionData {
  readonly uri: string;
  readonly version: number;
  readonly sectionOperation: Operation;
  readonly line: number;
}

function isSectionActionData(data: unknown): data is SectionActionData {
  const d = data as Partial<SectionActionData> | undefined;
  return (
    typeof d?.uri === 'string' &&
    typeof d.version === 'number' &&
    typeof d.line === 'number' &&
    (d.sectionOperation === 'renumber' || SECTION_OPERATIONS.includes(d.sectionOperation as SectionOperation))
  );
}

/** Is `kind` asked for by a request's `only` (none: every kind)? */
function wanted(kind: string, only: readonly string[] | undefined): boolean {
  return only === undefined || only.some((o) => kind === o || kind.startsWith(o + '.'));
}

/**
 * Are refactorings asked for: the user invoked code actions (Ctrl+. , the Refactor menu, Neovim's code_action), or
 * the request names a refactor kind? Not for the automatic requests that decide on the light bulb, which would
 * otherwise light on every heading line.
 */
export function refactoringsWanted(context: { readonly triggerKind?: number; readonly only?: readonly string[] } | undefined): boolean {
  return context?.triggerKind === CodeActionTriggerKind.Invoked || (context?.only?.some((o) => o.startsWith('refactor')) ?? false);
}

/**
 * The refactor actions on a heading line: the operations that apply to its section (checked cheaply; the edits
 * are built when the action is resolved, or now for a client that does not resolve) and renumbering when one of
 * the document's findings is a numbering one it mends.
 */
export function sectionActions(
  doc: Version,
  range: Range,
  only: readonly string[] | undefined,
  findings: readonly Finding[],
  support: CodeActionSupport,
  t: Localize,
): CodeAction[] {
  const line = range.start.line;
  if (!doc.outline.all.some((s) => s.line === line)) {
    return [];
  }
  const operations: Operation[] = SECTION_OPERATIONS.filter((op) => !('reason' in sectionTarget(doc.outline, line, op)));
  if (findings.some((f) => f.fix !== undefined && RENUMBERED_CODES.has(f.code))) {
    operations.push('renumber');
  }
  const actions: CodeAction[] = [];
  for (const operation of operations) {
    const kind = operation === 'moveUp' || operation === 'moveDown' ? SECTION_ACTION_KINDS.move : SECTION_ACTION_KINDS.rewrite;
    if (!wanted(kind, only)) {
      continue;
    }
    const action: CodeAction = { title: t(SECTION_MESSAGES[operation]), kind };
    if (support.resolve) {
      action.data = { uri: doc.uri, version: doc.version, sectionOperation: operation, line } satisfies SectionActionData;
      actions.push(action);
      continue;
    }
    const outcome = operationEdits(doc.outline, operation, line);
    if ('edits' in outcome) {
      actions.push({ ...action, edit: workspaceEdit(doc.uri, doc.version, outcome.edits, support) });
    }
  }
  return actions;
}

/** Is this an action `sectionActions` listed? */
export function isSectionAction(action: CodeAction): boolean {
  return isSectionActionData(action.data);
}

/**
 * The edit of a listed action, built from the current version; none when the document changed since it was listed,
 * or when the operation turns out not to apply (its result would break a heading or add a finding).
 */
export function resolveSectionAction(action: CodeAction, doc: Version | undefined, support: CodeActionSupport): CodeAction {
  const data = action.data;
  if (!isSectionActionData(data) || doc === undefined || data.uri !== doc.uri || data.version !== doc.version) {
    return action;
  }
  const outcome = operationEdits(doc.outline, data.sectionOperation, data.line);
  return 'edits' in outcome ? { ...action, edit: workspaceEdit(doc.uri, doc.version, outcome.edits, support) } : action;
}

/** The label of a command's edit (VS Code shows it in the undo history of some views). */
export function commandTitle(operation: Operation, t: Localize): string {
  return t(SECTION_MESSAGES[operation]);
}
