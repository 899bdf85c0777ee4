/**
 * number.*: numbers as GB/T 15835-2011 and GB/T 9704-2012 write them (SPEC §8), in every profile. The line scanner
 * finds them (core/typography/numbers.ts); this rule reports those of one line. A fix replaces only the numerals it
 * names.
 */
import { MESSAGES } from '../messages';
import type { LineRule } from '../rule';
import type { TypographyMark } from '../typography/index';
import { reportMarks } from './util';

function templateOf(mark: TypographyMark): string | undefined {
  switch (mark.code) {
    case 'number.year-short':
      return mark.kind === 'unclear' ? MESSAGES.numberYearShortUnclear : MESSAGES.numberYearShort;
    case 'number.date-form':
      return mark.kind === 'mixed' ? MESSAGES.numberDateMixed : mark.kind === 'zero' ? MESSAGES.numberDateZero : MESSAGES.numberDatePadded;
    case 'number.fixed-chinese':
      return MESSAGES.numberFixedChinese;
    default:
      return undefined;
  }
}

export const numbers: LineRule = {
  id: 'numbers',
  codes: ['number.year-short', 'number.date-form', 'number.fixed-chinese'],
  scope: 'line',
  check(line, { outline }, report) {
    reportMarks(line, outline, report, templateOf);
  },
};
