/**
 * review.similar as LSP diagnostics: one per paragraph (stretch) that appears in other materials, naming the first
 * of them in its message and every one of them, with its line, in relatedInformation.
 */
import { Diagnostic } from 'vscode-languageserver';
import type { Severity } from '../core/codes';
import { SIMILAR_MESSAGES, similarFindings, SimilarMatch } from '../core/similar';
import { uriName } from '../uris';
import { SEVERITY } from './diagnostics';
import { Localize, localizeMessage } from './localize';
import { ruleHref } from './rulesLink';

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
