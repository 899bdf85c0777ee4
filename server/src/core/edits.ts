/**
 * Edits the product proposes. Every edit replaces marker characters only (a numeral, a bracket, a separator) or
 * inserts a whole heading the user asked for (SPEC §6). Edits are in line/column terms, relative to the document the
 * outline was built from, and never overlap.
 */
import type { Section } from './model';
import type { InlineRef } from './model';
import type { MarkerKind } from './scanner';
import { toChineseNumeral, toCircled } from './numerals';

export interface LineEdit {
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly newText: string;
}

function toFullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 48 + 0xff10));
}

/** The numeral `n` written the way `kind` writes numbers (keeping full-width digits if the original had them). */
export function formatNumber(kind: MarkerKind, n: number, original = ''): string {
  switch (kind) {
    case 'cn':
    case 'cn-part':
    case 'cn-paren':
    case 'cn-ordinal':
      return toChineseNumeral(n);
    case 'circled':
      return toCircled(n);
    default:
      return /[０-９]/.test(original) ? toFullWidthDigits(String(n)) : String(n);
  }
}

/** A whole marker of `kind` with number `n` in standard form (used when a heading is inserted). */
export function standardMarker(kind: MarkerKind, n: number): string {
  const num = formatNumber(kind, n);
  switch (kind) {
    case 'cn':
      return num + '、';
    case 'cn-part':
      return '第' + num + '部分 ';
    case 'cn-paren':
    case 'num-paren':
      return '（' + num + '）';
    case 'num':
      return num + '.';
    case 'cn-ordinal':
      return '第' + num + '、';
    case 'num-half':
      return num + '）';
    default:
      return num;
  }
}

/**
 * The largest number each kind of marker can be written with so that the scanner still reads a marker (⑳; three
 * digits; 九百九十九 fits the five characters a Chinese numeral may have). A fix that had to write more would turn
 * headings into text, so it is not offered.
 */
export const MAX_NUMBER: Readonly<Record<MarkerKind, number>> = {
  cn: 999,
  'cn-part': 999,
  'cn-paren': 999,
  num: 999,
  'cn-ordinal': 999,
  'num-paren': 999,
  circled: 20,
  'num-half': 999,
};

/** The largest number of an inline enumeration item (九十九是). */
export const MAX_INLINE_NUMBER = 99;

/** Can the siblings be numbered 1, 2 … in their own kinds of marker? */
export function canRenumber(siblings: readonly Section[]): boolean {
  return siblings.every((s, i) => i + 1 <= MAX_NUMBER[s.marker.kind]);
}

/** Renumbers sibling headings of one kind to 1, 2, 3 … in document order; only numerals change. */
export function renumberSections(siblings: readonly Section[], line: (i: number) => string): LineEdit[] {
  const edits: LineEdit[] = [];
  siblings.forEach((s, i) => {
    const want = i + 1;
    if (s.marker.number !== want) {
      const original = line(s.line).slice(s.marker.numberStart, s.marker.numberEnd);
      edits.push({
        line: s.line,
        character: s.marker.numberStart,
        endLine: s.line,
        endCharacter: s.marker.numberEnd,
        newText: formatNumber(s.marker.kind, want, original),
      });
    }
  });
  return edits;
}

/** Renumbers a run of inline items (一是, 二是 …) to 1, 2, 3 …; only the numerals change. */
export function renumberInline(run: readonly InlineRef[]): LineEdit[] {
  const edits: LineEdit[] = [];
  run.forEach((ref, i) => {
    if (ref.item.number !== i + 1) {
      edits.push({
        line: ref.line,
        character: ref.item.numberStart,
        endLine: ref.line,
        endCharacter: ref.item.numberEnd,
        newText: toChineseNumeral(i + 1),
      });
    }
  });
  return edits;
}

/**
 * Applies non-overlapping edits to lines of text (for the CLI and the tests), as an LSP client applies a
 * WorkspaceEdit: from the end of the text backwards; an insertion goes before a replacement that starts at the same
 * place (section.missing inserts a heading at column 0 of a line whose numeral it also renumbers), and insertions at
 * one place keep their order.
 */
export function applyLineEdits(lines: readonly string[], edits: readonly LineEdit[]): string[] {
  const out = lines.slice();
  const empty = (e: LineEdit) => (e.line === e.endLine && e.character === e.endCharacter ? 1 : 0);
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => b.edit.line - a.edit.line || b.edit.character - a.edit.character || empty(a.edit) - empty(b.edit) || b.index - a.index)
    .map((x) => x.edit);
  for (const e of sorted) {
    const head = out[e.line].slice(0, e.character);
    const tail = out[e.endLine].slice(e.endCharacter);
    const replacement = (head + e.newText + tail).split('\n');
    out.splice(e.line, e.endLine - e.line + 1, ...replacement);
  }
  return out;
}
