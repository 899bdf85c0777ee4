/** Diagnostics: the analysis' findings as LSP diagnostics with stable codes and the data a fix needs. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Analysis } from '../core/analyze';
import type { Localize } from './localize';
import { localizeMessage } from './localize';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/** Cap so that a pathological document cannot flood the client. */
export const MAX_DIAGNOSTICS = 1000;

export function toDiagnostics(analysis: Analysis, t: Localize): Diagnostic[] {
  return analysis.diagnostics.slice(0, MAX_DIAGNOSTICS).map((d) => ({
    range: { start: { line: d.line, character: d.character }, end: { line: d.endLine, character: d.endCharacter } },
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: `https://gongwen-outline.invalid/rules#${d.code.replace('.', '-')}` },
    source: 'gongwen',
    message: localizeMessage(t, d.message),
    data: d.data,
  }));
}
