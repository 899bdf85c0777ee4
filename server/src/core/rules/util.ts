import { MESSAGES, msg } from '../messages';
import type { Outline, Section } from '../model';
import type { Finding, Report } from '../rule';
import type { TypographyMark } from '../typography/index';

type Range = { line: number; character: number; endLine: number; endCharacter: number };

/** The heading line of a section as a finding range: from the marker to the end of the title on its first line. */
export function headingRange(outline: Outline, s: Section): Range {
  const title = outline.titleOf(s);
  const end = title.endLine === s.line ? Math.max(title.endCharacter, s.marker.end) : s.marker.end;
  return { line: s.line, character: s.marker.start, endLine: s.line, endCharacter: end };
}

export function markerRange(s: Section): Range {
  return { line: s.line, character: s.marker.start, endLine: s.line, endCharacter: s.marker.end };
}

/** The siblings of one kind of marker, in document order (a sibling list may mix kinds). */
export function byLevel(children: readonly Section[]): Section[][] {
  const groups = new Map<number, Section[]>();
  for (const c of children) {
    let g = groups.get(c.level);
    if (g === undefined) {
      g = [];
      groups.set(c.level, g);
    }
    g.push(c);
  }
  return [...groups.values()];
}

/** A message quotes at most this many characters of the text it names (a 5 MB heading gives a short message). */
export const MAX_QUOTE = 40;

/** Text as a message quotes it: cut at MAX_QUOTE characters (whole code points) with an ellipsis. */
export function quote(text: string): string {
  if (text.length <= MAX_QUOTE) {
    return text;
  }
  const chars = Array.from(text.slice(0, MAX_QUOTE * 2));
  return chars.length <= MAX_QUOTE && text.length <= MAX_QUOTE * 2 ? text : chars.slice(0, MAX_QUOTE - 1).join('') + '…';
}

/** A heading as a message names it: its marker and title. */
export function label(outline: Outline, s: Section): string {
  return quote(s.marker.text.trim() + outline.titleOf(s).text);
}

/**
 * Reports the typography marks of line `line` that `templateOf` gives a message template for (a typography rule's
 * codes), until the report is full.
 */
export function reportMarks(
  line: number,
  outline: Outline,
  report: Report,
  templateOf: (mark: TypographyMark) => string | undefined,
): void {
  for (const mark of outline.typography(line)) {
    const template = templateOf(mark);
    if (template !== undefined && !report(markFinding(line, mark, template))) {
      return;
    }
  }
}

/** A typography mark of line `line` as a finding: its columns, its message, and its fix (the mark's edits). */
function markFinding(line: number, mark: TypographyMark, template: string): Finding {
  const edits = mark.edits;
  return {
    code: mark.code,
    line,
    character: mark.start,
    endLine: line,
    endCharacter: mark.end,
    message: msg(template, quote(mark.written), quote(mark.wanted)),
    fix:
      edits.length > 0
        ? {
            title: msg(MESSAGES.fixTypography, quote(mark.wanted)),
            build: () => edits.map((e) => ({ line, character: e.start, endLine: line, endCharacter: e.end, newText: e.newText })),
          }
        : undefined,
  };
}
