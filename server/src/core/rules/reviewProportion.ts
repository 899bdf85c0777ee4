/**
 * review.proportion: problems and causes together under a share of the whole (half by default; a province reported
 * three quarters as usual): the weight of a material belongs to finding problems and their roots.
 */
import { MESSAGES, msg } from '../messages';
import { partChars } from '../review';
import type { DocumentRule } from '../rule';
import { headingRange } from './util';

export const reviewProportion: DocumentRule = {
  id: 'review-proportion',
  codes: ['review.proportion'],
  scope: 'document',
  parts: ['problems', 'causes'],
  check(outline, { review }, report) {
    const problems = review?.parts('problems') ?? [];
    if (review === undefined || problems.length === 0) {
      return;
    }
    const total = outline.charsBetween(0, outline.lineCount - 1); // above 0: the part's heading counts
    const share = (partChars(outline, problems) + partChars(outline, review.parts('causes'))) / total;
    const least = review.settings.thresholds.proportion;
    if (share < least) {
      report({
        code: 'review.proportion',
        ...headingRange(outline, problems[0]),
        message: msg(MESSAGES.reviewProportion, Math.round(share * 100), Math.round(least * 100)),
      });
    }
  },
};
