/** Selection ranges (expand selection): the line → its section → the parent sections → the whole document. */
import type { Position, Range, SelectionRange } from 'vscode-languageserver';
import type { Outline, Section } from '../core/model';
import { partition } from '../core/search';

/** The innermost section whose lines (heading to `endOf`) hold `line`, or undefined outside every section. */
export function sectionAt(outline: Outline, line: number): Section | undefined {
  const { all } = outline;
  const after = partition(all.length, (i) => all[i].line <= line);
  let s: Section | undefined = after > 0 ? all[after - 1] : undefined;
  while (s !== undefined && outline.endOf(s) < line) {
    s = s.parent;
  }
  return s;
}

function linesRange(outline: Outline, from: number, to: number): Range {
  return { start: { line: from, character: 0 }, end: { line: to, character: outline.line(to).length } };
}

function selectionRange(outline: Outline, position: Position): SelectionRange {
  const last = outline.lineCount - 1;
  const line = Math.min(Math.max(position.line, 0), last);
  const ranges = [linesRange(outline, line, line)];
  for (let s = sectionAt(outline, line); s !== undefined; s = s.parent) {
    ranges.push(linesRange(outline, s.line, outline.endOf(s)));
  }
  ranges.push(linesRange(outline, 0, last));
  // from the outermost in; a range equal to its parent (a one-line section, a document of one section) is left out
  let result: SelectionRange = { range: ranges[ranges.length - 1] };
  for (let i = ranges.length - 2; i >= 0; i--) {
    const range = ranges[i];
    if (range.start.line !== result.range.start.line || range.end.line !== result.range.end.line) {
      result = { range, parent: result };
    }
  }
  return result;
}

/** One chain per position, innermost first (LSP's `textDocument/selectionRange`). */
export function selectionRanges(outline: Outline, positions: readonly Position[]): SelectionRange[] {
  return positions.map((p) => selectionRange(outline, p));
}
