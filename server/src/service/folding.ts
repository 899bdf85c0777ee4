/** Folding ranges: one per section that spans more than its heading line, within the client's limit. */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { Outline } from '../core/model';
import { keepOutermost } from './limit';

export function foldingRanges(outline: Outline, rangeLimit = Number.MAX_SAFE_INTEGER): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  /** The level of each range's section (0 for the closing), for choosing which to keep over the limit. */
  const depths: number[] = [];
  const closing = outline.closingLine;
  for (const s of outline.all) {
    const endLine = outline.endOf(s);
    if (endLine > s.line) {
      ranges.push({ startLine: s.line, endLine, kind: FoldingRangeKind.Region });
      depths.push(s.level);
    }
  }
  if (closing >= 0 && outline.closingEndLine > closing) {
    ranges.push({ startLine: closing, endLine: outline.closingEndLine, kind: FoldingRangeKind.Region });
    depths.push(0);
  }
  const keep = keepOutermost(depths, rangeLimit);
  return keep === undefined ? ranges : ranges.filter((_, i) => keep[i]);
}
