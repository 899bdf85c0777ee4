/**
 * Completion of the next heading marker (SPEC §7): at the start of a line, after indentation, Markdown decoration
 * and what the user typed of a marker, the markers that fit there (core/nextMarkers.ts) in standard form.
 */
import { CompletionItem, CompletionItemKind, Position } from 'vscode-languageserver';
import type { Outline } from '../core/model';
import { nextMarkers } from '../core/nextMarkers';
import type { Profile } from '../core/profiles';
import type { Localize } from './localize';

/** The first character of every marker: completion is asked for when one is typed. */
export const COMPLETION_TRIGGERS: readonly string[] = ['（', '(', ...'0123456789', ...'一二三四五六七八九十', '①'];

export const COMPLETION_MESSAGES = {
  level1: 'Level 1 heading',
  level2: 'Level 2 heading',
  level3: 'Level 3 heading',
  level4: 'Level 4 heading',
  level5: 'Level 5 heading',
  part: 'Required part “{0}”',
  skeleton: 'The required parts of “{0}”',
} as const;

const LEVEL_MESSAGES = [
  COMPLETION_MESSAGES.level1,
  COMPLETION_MESSAGES.level2,
  COMPLETION_MESSAGES.level3,
  COMPLETION_MESSAGES.level4,
  COMPLETION_MESSAGES.level5,
];

/**
 * Indentation, Markdown decoration (headings, quotes, list bullets, bold) and a partial marker of at most six
 * characters, up to the cursor; the partial marker is what an item replaces.
 */
const LINE_START =
  /^(?:[ \t\u3000\u00a0]|&nbsp;)*(?:(?:#{1,6}[ \t]+|>[ \t]*|[-*+][ \t]+)*(?:\*\*|__)?)([（(0-9０-９一二三四五六七八九十百零〇第①-⑳]{0,6})$/u;

/** The completion items at `position`: none unless the cursor is at the start of a line (see LINE_START). */
export function completionItems(outline: Outline, position: Position, profile: Profile, t: Localize): CompletionItem[] {
  if (position.line >= outline.lineCount) {
    return [];
  }
  const match = LINE_START.exec(outline.line(position.line).slice(0, position.character));
  if (match === null) {
    return [];
  }
  const typed = match[1];
  const range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  return nextMarkers(outline, position.line, profile).map((m, i) => {
    const label = m.skeleton === true ? m.text.split('\n').join(' ') : m.text;
    const detail =
      m.skeleton === true
        ? t(COMPLETION_MESSAGES.skeleton, m.part ?? '')
        : m.part !== undefined
          ? t(COMPLETION_MESSAGES.part, m.part)
          : t(LEVEL_MESSAGES[m.level - 1]);
    return {
      label,
      kind: m.part !== undefined ? CompletionItemKind.Snippet : CompletionItemKind.EnumMember,
      detail,
      sortText: String(i).padStart(4, '0'),
      // the trigger character (`(` for `（三）`, `一` for `二、`) keeps every item shown: they are what fits here; more
      // typed text (`2025` of a year) narrows them as the client filters
      filterText: typed.length <= 1 ? typed + label : label,
      textEdit: { range, newText: m.text },
    };
  });
}
