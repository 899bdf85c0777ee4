/** Folding ranges: one per section that spans more than its heading line, within the client's limit. */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { Outline } from '../core/model';

export function foldingRanges(outline: Outline, rangeLimit = Number.MAX_SAFE_INTEGER): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const closing = outline.closingLine;
  for (const s of outline.all) {
    if (s.endLine > s.line) {
      ranges.push({ startLine: s.line, endLine: s.endLine, kind: FoldingRangeKind.Region });
    }
  }
  if (closing >= 0 && outline.lineCount - 1 > closing) {
    ranges.push({ startLine: closing, endLine: outline.lineCount - 1, kind: FoldingRangeKind.Region });
  }
  if (ranges.length <= rangeLimit) {
    return ranges;
  }
  // over the limit: keep the outermost sections (levels nearest the top), then restore document order
  const depth = (r: FoldingRange) => outline.all.find((s) => s.line === r.startLine)?.level ?? 0;
  return ranges
    .map((r) => ({ r, d: depth(r) }))
    .sort((a, b) => a.d - b.d || a.r.startLine - b.r.startLine)
    .slice(0, Math.max(0, rangeLimit))
    .map((x) => x.r)
    .sort((a, b) => a.startLine - b.startLine);
}
