/**
 * punct.*: the punctuation of GB/T 15834-2011 (SPEC §8), in every profile. The line scanner finds the marks
 * (core/typography/punctuation.ts); this rule reports those of one line. A fix replaces only the marks it names.
 */
import { MESSAGES } from '../messages';
import type { LineRule } from '../rule';
import type { TypographyCode } from '../typography/index';
import { reportMarks } from './util';

const TEMPLATES: Partial<Record<TypographyCode, string>> = {
  'punct.half-width': MESSAGES.punctHalfWidth,
  'punct.quotes': MESSAGES.punctQuotes,
  'punct.dunhao-between-titles': MESSAGES.punctDunhao,
  'punct.ordinal': MESSAGES.punctOrdinal,
  'punct.ellipsis': MESSAGES.punctEllipsis,
  'punct.range': MESSAGES.punctRange,
};

export const punctuation: LineRule = {
  id: 'punctuation',
  codes: ['punct.half-width', 'punct.quotes', 'punct.dunhao-between-titles', 'punct.ordinal', 'punct.ellipsis', 'punct.range'],
  scope: 'line',
  check(line, { outline }, report) {
    reportMarks(line, outline, report, (mark) => TEMPLATES[mark.code]);
  },
};
