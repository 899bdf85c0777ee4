/** Folding ranges: one per section that spans more than its heading line, within the client's limit. */
import { FoldingRange, FoldingRangeKind } from 'vscode-languageserver';
import type { Outline } from '../core/model';

export function foldingRanges(outline: Outline, rangeLimit = Number.MAX_SAFE_INTEGER): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  /** The level of each range's section (0 for the closing), for choosing which to keep over the limit. */
  const depths: number[] = [];
  const closing = outline.closingLine;
  for (const s of outline.all) {
    if (s.endLine > s.line) {
      ranges.push({ startLine: s.line, endLine: s.endLine, kind: FoldingRangeKind.Region });
      depths.push(s.level);
    }
  }
  if (closing >= 0 && outline.closingEndLine > closing) {
    ranges.push({ startLine: closing, endLine: outline.closingEndLine, kind: FoldingRangeKind.Region });
    depths.push(0);
  }
  if (ranges.length <= rangeLimit) {
    return ranges;
  }
  // over the limit: keep the outermost sections (levels nearest the top) and, of the deepest level that fits in
  // part, the first ones. The ranges are in document order already (sections by line, the closing after them), so
  // one count per level and one pass choose them, with no sort.
  const perDepth = [0, 0, 0, 0, 0, 0];
  for (const d of depths) {
    perDepth[d]++;
  }
  let cut = 0;
  let room = Math.max(0, rangeLimit);
  while (cut < perDepth.length && perDepth[cut] <= room) {
    room -= perDepth[cut];
    cut++;
  }
  const kept: FoldingRange[] = [];
  ranges.forEach((r, i) => {
    if (depths[i] < cut || (depths[i] === cut && room-- > 0)) {
      kept.push(r);
    }
  });
  return kept;
}
