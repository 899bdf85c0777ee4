/** Diagnostics: the analysis' findings as LSP diagnostics with stable codes and the data a fix needs. */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Diagnosis } from '../core/analyze';
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

export function toDiagnostics(analysis: { readonly diagnostics: readonly Diagnosis[] }, t: Localize): Diagnostic[] {
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

/** Plain data (what findings are made of) compared by value. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return false;
  }
  if (Array.isArray(a)) {
    const list = b as unknown[];
    return a.length === list.length && a.every((x, i) => same(x, list[i]));
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((k) => Object.prototype.hasOwnProperty.call(y, k) && same(x[k], y[k]));
}

/** True when two analyses give the same diagnostics (positions, severities, messages and fix data). */
export function sameFindings(a: readonly Diagnosis[], b: readonly Diagnosis[]): boolean {
  return a === b || (a.length === b.length && a.every((d, i) => same(d, b[i])));
}
