/**
 * review.year-mismatch: the title names a year and the text names the same kind of meeting with another year — last
 * year's 提纲 under this year's title. A year within 12 characters after 上一年度/上年度/去年/上次… is exempt (SPEC §12).
 */
import { MESSAGES, msg } from '../messages';
import { afterLastTime, eachOwnLine } from '../review';
import type { TextRule } from '../rule';

const MEETING_YEAR = /((?:19|20)\d\d)年度?[^，,。；！？\n]{0,16}?(民主生活会|组织生活会)/g;

export const reviewYearMismatch: TextRule = {
  id: 'review-year-mismatch',
  codes: ['review.year-mismatch'],
  scope: 'text',
  parts: ['*'],
  check(part, { outline, review }, report) {
    const title = review?.title;
    if (title?.year === undefined) {
      return;
    }
    eachOwnLine(outline, part, (line, text) => {
      if (!text.includes('生活会')) {
        return true; // every match names a 民主生活会 or 组织生活会
      }
      for (const m of text.matchAll(MEETING_YEAR)) {
        const year = Number(m[1]);
        if (year === title.year || (title.meeting !== undefined && m[2] !== title.meeting) || afterLastTime(text, m.index)) {
          continue;
        }
        const found = {
          code: 'review.year-mismatch' as const,
          line,
          character: m.index,
          endLine: line,
          endCharacter: m.index + m[0].length,
          message: msg(MESSAGES.reviewYearMismatch, `${title.year}年`, `${year}年`),
        };
        if (!report(found)) {
          return false;
        }
      }
      return true;
    });
  },
};
