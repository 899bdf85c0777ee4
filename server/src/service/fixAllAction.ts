/**
 * The fix-all code action (`source.fixAll.gongwen`, SPEC §7): every safe fix of the document (core/fixAll.ts), built
 * from the current version when a client asks for that kind (`editor.codeActionsOnSave`, the Source Action menu),
 * as one edit naming that version.
 */
import { CodeAction, CodeActionKind } from 'vscode-languageserver';
import type { Config } from '../core/config';
import { FIX_ALL_MESSAGES, fixAll } from '../core/fixAll';
import { CodeActionSupport, workspaceEdit } from './codeActions';
import type { Localize } from './localize';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.gongwen`;

/** Does a request for these kinds take fix-all: `source`, `source.fixAll` or ours (never when no kind is named). */
export function asksFixAll(only: readonly string[] | undefined): boolean {
  return (only ?? []).some((kind) => kind === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(kind + '.'));
}

/** The document at one version, as fix-all reads it. */
export interface FixAllInput {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly config: Config;
  readonly path: string;
}

/** The fix-all action of a document; undefined when there is nothing to fix. */
export function fixAllAction(input: FixAllInput, support: CodeActionSupport, t: Localize): CodeAction | undefined {
  const { edits } = fixAll(input.text, input.config, input.path);
  if (edits.length === 0) {
    return undefined;
  }
  return {
    title: t(FIX_ALL_MESSAGES.title),
    kind: FIX_ALL_KIND,
    diagnostics: [],
    edit: workspaceEdit(input.uri, input.version, edits, support),
  };
}
