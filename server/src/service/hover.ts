/** Hover on a heading: its level, the section's 字数, its sub-sections and the findings inside it. */
import { Hover, MarkupKind, Position } from 'vscode-languageserver';
import type { Diagnosis } from '../core/analyze';
import type { Outline } from '../core/model';
import { headingRange, sectionName } from './documentSymbols';
import { Localize, SERVICE_MESSAGES } from './localize';
import { sectionAt } from './selectionRanges';

export const HOVER_MESSAGES = {
  level1: 'Level 1 heading',
  level2: 'Level 2 heading',
  level3: 'Level 3 heading',
  level4: 'Level 4 heading',
  level5: 'Level 5 heading',
  subsections: 'Sub-sections: {0}',
  findings: 'Findings: {0}',
} as const;

const LEVEL_NAMES = [HOVER_MESSAGES.level1, HOVER_MESSAGES.level2, HOVER_MESSAGES.level3, HOVER_MESSAGES.level4, HOVER_MESSAGES.level5];

/** Markdown's punctuation escaped, so a title shows as written. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** The hover of a heading's lines (its marker line and the lines its title wraps onto); null elsewhere. */
export function hover(
  outline: Outline,
  position: Position,
  diagnostics: readonly Diagnosis[],
  t: Localize,
  titleMax: number,
): Hover | null {
  const s = sectionAt(outline, position.line);
  if (s === undefined || position.line > outline.titleOf(s).endLine) {
    return null;
  }
  const end = outline.endOf(s);
  const findings = diagnostics.filter((d) => d.line >= s.line && d.line <= end).length;
  const facts = [
    t(LEVEL_NAMES[s.level - 1]),
    t(SERVICE_MESSAGES.chars, outline.charsBetween(s.line, end)),
    t(HOVER_MESSAGES.subsections, s.children.length),
    t(HOVER_MESSAGES.findings, findings),
  ];
  return {
    contents: { kind: MarkupKind.Markdown, value: `**${escapeMarkdown(sectionName(outline, s, titleMax))}**\n\n${facts.join(' · ')}` },
    range: headingRange(outline, s),
  };
}
