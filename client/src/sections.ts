// The section commands are the server's (workspace/executeCommand; the language client registers them). From the
// palette, a keybinding or the editor's context menu they come without their argument (or with the document's Uri):
// the middleware fills it in from the active editor, `{ uri, line }` of the cursor.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { COMMANDS, type SectionCommandArgs } from '../../server/src/protocol';

/** The context key the manifest's `when` clauses read: the language ids the server serves. */
export const LANGUAGES_CONTEXT = 'gongwen.languages';

function isArgument(value: unknown): value is SectionCommandArgs {
  return typeof value === 'object' && value !== null && typeof (value as { uri?: unknown }).uri === 'string';
}

export const fillSectionArguments: NonNullable<Middleware['executeCommand']> = (command, args, next) => {
  if (!COMMANDS.includes(command) || isArgument(args[0])) {
    return next(command, args);
  }
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    return undefined;
  }
  const arg: SectionCommandArgs = { uri: editor.document.uri.toString(), line: editor.selection.active.line };
  return next(command, [arg]);
};
