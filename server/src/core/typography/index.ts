/**
 * The typography of one line (SPEC §8): what the checks of GB/T 15834 / 15835 / 9704 find on it, in column order.
 * The line scanner calls it once per line version; the typography rules report what it found.
 */
import { dateForm, fixedChinese, yearShort } from './numbers';
import { dunhaoBetweenTitles, ellipsis, halfWidth, ordinal, quotes, range } from './punctuation';
import { LineText, protectedMask, TypographyMark } from './text';

export type { MarkEdit, TypographyCode, TypographyMark } from './text';
export { withEdits } from './text';

const CHECKS = [halfWidth, quotes, dunhaoBetweenTitles, ordinal, ellipsis, range, yearShort, dateForm, fixedChinese];

/** Characters one of the checks starts from: a line with none of them has nothing to report. */
const TRIGGER = /[,;:?!()"'.~\-－。．…、年月日届大五0-9]/;

/** The typography marks of a line from column `from` (after a heading's marker), or undefined when there are none. */
export function scanTypography(line: string, from: number): TypographyMark[] | undefined {
  if (!TRIGGER.test(from > 0 ? line.slice(from) : line)) {
    return undefined;
  }
  const text: LineText = { line, from, mask: protectedMask(line) };
  const out: TypographyMark[] = [];
  for (const check of CHECKS) {
    check(text, out);
  }
  if (out.length === 0) {
    return undefined;
  }
  out.sort((a, b) => a.start - b.start || a.end - b.end);
  return out;
}
