/**
 * Diagnostics: the analysis' findings as LSP diagnostics. A diagnostic carries no fix: its code and range are the key
 * by which a code action request finds the finding again in the version the server has then (codeActions.ts).
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnosis } from '../core/analyze';
import type { Localize } from './localize';
import { localizeMessage } from './localize';
import { ruleHref } from './rulesLink';

export const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
} as const;

export function toDiagnostic(d: Diagnosis, t: Localize): Diagnostic {
  return {
    range: { start: { line: d.line, character: d.character }, end: { line: d.endLine, character: d.endCharacter } },
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: ruleHref(d.code) },
    source: 'gongwen',
    message: localizeMessage(t, d.message),
  };
}

/**
 * The LSP form of each finding, made once per finding and localizer: a finding of a unit that no edit touched is the
 * same object in the next version's report, and localizing a thousand messages costs more than sending them.
 */
const made = new WeakMap<Localize, WeakMap<Diagnosis, Diagnostic>>();

function cacheFor(t: Localize): WeakMap<Diagnosis, Diagnostic> {
  let cache = made.get(t);
  if (cache === undefined) {
    cache = new WeakMap();
    made.set(t, cache);
  }
  return cache;
}

export function toDiagnostics(findings: readonly Diagnosis[], t: Localize): Diagnostic[] {
  const cache = cacheFor(t);
  return findings.map((d) => {
    const known = cache.get(d);
    if (known !== undefined) {
      return known;
    }
    const diagnostic = toDiagnostic(d, t);
    cache.set(d, diagnostic);
    return diagnostic;
  });
}
