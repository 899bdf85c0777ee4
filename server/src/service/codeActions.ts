/** Quick fixes: every diagnostic whose data carries edits gets one, built from the data, never from the message. */
import { CodeAction, CodeActionKind, Diagnostic } from 'vscode-languageserver';
import type { LineEdit } from '../core/edits';
import type { Localize } from './localize';

export const FIX_MESSAGES = {
  renumber: 'Renumber the headings',
  standard: 'Write the marker as “{0}”',
  insert: 'Insert the heading “{0}”',
  inline: 'Renumber the enumeration',
} as const;

interface FixData {
  edits?: LineEdit[];
  replacement?: string;
  heading?: string;
}

function title(d: Diagnostic, data: FixData, t: Localize): string {
  switch (d.code) {
    case 'section.missing':
      return t(FIX_MESSAGES.insert, (data.heading ?? '').replace(/\*\*/g, '').trim());
    case 'numbering.separator':
    case 'numbering.bracket':
      return t(FIX_MESSAGES.standard, data.replacement ?? '');
    case 'inline.sequence':
      return t(FIX_MESSAGES.inline);
    default:
      return t(FIX_MESSAGES.renumber);
  }
}

export function codeActions(uri: string, diagnostics: readonly Diagnostic[], t: Localize): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of diagnostics) {
    const data = d.source === 'gongwen' ? (d.data as FixData | undefined) : undefined;
    if (data?.edits === undefined || data.edits.length === 0) {
      continue;
    }
    actions.push({
      title: title(d, data, t),
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      isPreferred: true,
      edit: {
        changes: {
          [uri]: data.edits.map((e) => ({
            range: { start: { line: e.line, character: e.character }, end: { line: e.endLine, character: e.endCharacter } },
            newText: e.newText,
          })),
        },
      },
    });
  }
  return actions;
}
