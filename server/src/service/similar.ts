/**
 * review.similar as LSP diagnostics: one per paragraph (stretch) that appears in other materials, naming the first
 * of them in its message and every one of them, with its line, in relatedInformation.
 */
import { Diagnostic } from 'vscode-languageserver';
import { MAX_REPORTED } from '../core/analyze';
import type { Severity } from '../core/codes';
import { SIMILAR_MESSAGES, similarFindings, SimilarMatch } from '../core/similar';
import { uriName } from '../uris';
import { SEVERITY } from './diagnostics';
import { Localize, localizeMessage } from './localize';
import { ruleHref } from './rulesLink';

/** How many diagnostics similarDiagnostics gives for a material's matches, without building them. */
export function similarCount(matches: readonly SimilarMatch[], severity: Severity): number {
  return severity === 'ignore' ? 0 : similarFindings(matches, uriName).length;
}

/** The diagnostics of a material's matches (none when the severity is ignore). */
export function similarDiagnostics(matches: readonly SimilarMatch[], severity: Severity, t: Localize): Diagnostic[] {
  if (severity === 'ignore') {
    return [];
  }
  return similarFindings(matches, uriName).map((f) => ({
    range: { start: { line: f.line, character: f.character }, end: { line: f.line, character: f.endCharacter } },
    severity: SEVERITY[severity],
    code: 'review.similar',
    codeDescription: { href: ruleHref('review.similar') },
    source: 'gongwen',
    message: localizeMessage(t, f.message),
    relatedInformation: f.others.map((m) => ({
      location: {
        uri: m.other,
        range: { start: { line: m.otherLine, character: m.otherCharacter }, end: { line: m.otherLine, character: m.otherEndCharacter } },
      },
      message: t(SIMILAR_MESSAGES.related, uriName(m.other)),
    })),
  }));
}

/**
 * The report of a document: its analysis' diagnostics (in document order, at most MAX_REPORTED) and its review.similar
 * ones merged in document order, the first MAX_REPORTED of them (the cap holds for the report as a whole).
 */
export function withSimilar(diagnostics: readonly Diagnostic[], similar: readonly Diagnostic[]): Diagnostic[] {
  if (similar.length === 0) {
    return diagnostics.slice(0, MAX_REPORTED);
  }
  const out: Diagnostic[] = [];
  let i = 0;
  let j = 0;
  while (out.length < MAX_REPORTED && (i < diagnostics.length || j < similar.length)) {
    const before = j < similar.length && (i >= diagnostics.length || startsBefore(similar[j], diagnostics[i]));
    out.push(before ? similar[j++] : diagnostics[i++]);
  }
  return out;
}

function startsBefore(a: Diagnostic, b: Diagnostic): boolean {
  const x = a.range.start;
  const y = b.range.start;
  return x.line < y.line || (x.line === y.line && x.character < y.character);
}
