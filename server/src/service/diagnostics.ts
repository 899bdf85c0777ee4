/** Diagnostics: the analysis' findings as LSP diagnostics with stable codes and the data a fix needs. */
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

/** Cap so that a pathological document cannot flood the client. */
export const MAX_DIAGNOSTICS = 1000;

export function toDiagnostics(analysis: { readonly diagnostics: readonly Diagnosis[] }, t: Localize): Diagnostic[] {
  return analysis.diagnostics.slice(0, MAX_DIAGNOSTICS).map((d) => ({
    range: { start: { line: d.line, character: d.character }, end: { line: d.endLine, character: d.endCharacter } },
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: ruleHref(d.code) },
    source: 'gongwen',
    message: localizeMessage(t, d.message),
    data: d.data,
  }));
}

/** Plain data (what findings are made of) compared by value; depth is that of the data, not of the document. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) {
    return false;
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) {
      return false;
    }
    for (let i = 0; i < a.length; i++) {
      if (!same(a[i], b[i])) {
        return false;
      }
    }
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const k in x) {
    if (!Object.prototype.hasOwnProperty.call(y, k) || !same(x[k], y[k])) {
      return false;
    }
    keys++;
  }
  for (const k in y) {
    if (Object.prototype.hasOwnProperty.call(y, k)) {
      keys--;
    }
  }
  return keys === 0;
}

/** True when two analyses give the same diagnostics (the ones sent: positions, severities, messages, fix data). */
export function sameFindings(a: readonly Diagnosis[], b: readonly Diagnosis[]): boolean {
  const n = Math.min(a.length, MAX_DIAGNOSTICS);
  if (a === b || n !== Math.min(b.length, MAX_DIAGNOSTICS)) {
    return a === b;
  }
  for (let i = 0; i < n; i++) {
    if (!same(a[i], b[i])) {
      return false;
    }
  }
  return true;
}
