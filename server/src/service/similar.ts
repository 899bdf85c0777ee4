/**
 * review.similar as LSP diagnostics: one per paragraph (stretch) that appears in other materials, naming the first
 * of them in its message and every one of them, with its line, in relatedInformation.
 */
import { Diagnostic, DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Severity } from '../core/codes';
import type { SimilarMatch } from '../core/similar';
import { uriName } from '../uris';
import { SEVERITY } from './diagnostics';
import type { Localize } from './localize';
import { ruleHref } from './rulesLink';

export const SIMILAR_MESSAGES = {
  one: 'This paragraph also appears in {0} (line {1}), verbatim or with small edits. Write it in your own words.',
  many: 'This paragraph also appears in {0} (line {1}) and in {2} more materials, verbatim or with small edits. Write it in your own words.',
  related: 'The same text in {0}',
} as const;

/** The diagnostics of a material's matches (none when the severity is ignore). */
export function similarDiagnostics(matches: readonly SimilarMatch[], severity: Severity, t: Localize): Diagnostic[] {
  if (severity === 'ignore' || matches.length === 0) {
    return [];
  }
  const groups = new Map<string, SimilarMatch[]>();
  for (const m of matches) {
    const key = `${m.line}:${m.character}:${m.endCharacter}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [m]);
    } else {
      group.push(m);
    }
  }
  const out: Diagnostic[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    const others = new Set(group.map((m) => m.other));
    const name = uriName(first.other);
    const relatedInformation: DiagnosticRelatedInformation[] = group.map((m) => ({
      location: {
        uri: m.other,
        range: { start: { line: m.otherLine, character: m.otherCharacter }, end: { line: m.otherLine, character: m.otherEndCharacter } },
      },
      message: t(SIMILAR_MESSAGES.related, uriName(m.other)),
    }));
    out.push({
      range: { start: { line: first.line, character: first.character }, end: { line: first.line, character: first.endCharacter } },
      severity: SEVERITY[severity],
      code: 'review.similar',
      codeDescription: { href: ruleHref('review.similar') },
      source: 'gongwen',
      message:
        others.size === 1
          ? t(SIMILAR_MESSAGES.one, name, first.otherLine + 1)
          : t(SIMILAR_MESSAGES.many, name, first.otherLine + 1, others.size - 1),
      relatedInformation,
    });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
