/**
 * review.previous-rectification: no part or paragraph reports on the last meeting's rectification (回头看). A part
 * the profile counts as `previous` will do, or a sentence anywhere with 上一年度/上次… and 整改/落实 within 40
 * characters; the search stops at the first, so typing elsewhere does not check again.
 */
import lexicon from '../lexicons/previous-rectification.json';
import { MESSAGES, msg } from '../messages';
import type { DocumentRule } from '../rule';
import { headingRange } from './util';

const REPORTED = new RegExp(`(?:${lexicon.lastTime.join('|')})[^。！？\\n]{0,40}?(?:${lexicon.done.join('|')})`);

export const reviewPreviousRectification: DocumentRule = {
  id: 'review-previous-rectification',
  codes: ['review.previous-rectification'],
  scope: 'document',
  parts: ['previous'],
  check(outline, { review }, report) {
    const problems = review?.parts('problems')[0];
    if (review === undefined || problems === undefined || review.parts('previous').length > 0) {
      return;
    }
    for (let i = 0; i < outline.lineCount; i++) {
      if (REPORTED.test(outline.line(i))) {
        return;
      }
    }
    report({
      code: 'review.previous-rectification',
      ...headingRange(outline, problems),
      message: msg(MESSAGES.reviewPreviousRectification),
    });
  },
};
