/**
 * review.length: the problems part, the causes part or the whole material shorter than the profile's thresholds
 * (500, 300 and 3,000 字 by default: reviewers' audit scripts), counted as the outline counts 字数.
 */
import { MESSAGES, msg } from '../messages';
import { partChars, topRange } from '../review';
import type { DocumentRule } from '../rule';
import { headingRange } from './util';

export const reviewLength: DocumentRule = {
  id: 'review-length',
  codes: ['review.length'],
  scope: 'document',
  parts: ['problems', 'causes'],
  check(outline, { review }, report) {
    const problems = review?.parts('problems') ?? [];
    if (review === undefined || problems.length === 0) {
      return;
    }
    const { problemsChars, causesChars, totalChars } = review.settings.thresholds;
    const total = outline.charsBetween(0, outline.lineCount - 1);
    if (total < totalChars) {
      report({ code: 'review.length', ...topRange(outline), message: msg(MESSAGES.reviewLengthTotal, total, totalChars) });
    }
    const p = partChars(outline, problems);
    if (p < problemsChars) {
      report({
        code: 'review.length',
        ...headingRange(outline, problems[0]),
        message: msg(MESSAGES.reviewLengthProblems, p, problemsChars),
      });
    }
    const causes = review.parts('causes');
    const c = partChars(outline, causes);
    if (causes.length > 0 && c < causesChars) {
      report({ code: 'review.length', ...headingRange(outline, causes[0]), message: msg(MESSAGES.reviewLengthCauses, c, causesChars) });
    }
  },
};
