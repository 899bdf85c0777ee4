/** Diagnostics: the analysis' findings as LSP diagnostics with stable codes; a fixable one carries a small key. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnosis } from '../core/analyze';
import type { Localize } from './localize';
import { localizeMessage } from './localize';
import { ruleHref } from './rulesLink';

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

/**
 * What a fixable diagnostic carries: the document version it was made for. The fix itself is built when a client
 * asks for it, from the version the server has then (see codeActions.ts), never carried.
 */
export interface DiagnosticKey {
  readonly version: number;
}

export function toDiagnostic(d: Diagnosis, version: number, t: Localize): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: { line: d.line, character: d.character }, end: { line: d.endLine, character: d.endCharacter } },
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: ruleHref(d.code) },
    source: 'gongwen',
    message: localizeMessage(t, d.message),
  };
  if (d.fix !== undefined) {
    diagnostic.data = { version } satisfies DiagnosticKey;
  }
  return diagnostic;
}

export function toDiagnostics(findings: readonly Diagnosis[], version: number, t: Localize): Diagnostic[] {
  return findings.map((d) => toDiagnostic(d, version, t));
}
