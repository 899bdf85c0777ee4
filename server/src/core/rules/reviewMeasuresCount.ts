/**
 * review.measures-count: fewer measure items than problem items (sub-sections, else 一是/二是 items; SPEC §12):
 * measures are made 一项一项, one for each problem.
 */
import { MESSAGES, msg } from '../messages';
import { itemCount } from '../review';
import type { DocumentRule } from '../rule';
import { headingRange } from './util';

export const reviewMeasuresCount: DocumentRule = {
  id: 'review-measures-count',
  codes: ['review.measures-count'],
  scope: 'document',
  parts: ['problems', 'measures'],
  check(outline, { review }, report) {
    const problems = review?.parts('problems') ?? [];
    const measures = review?.parts('measures') ?? [];
    if (review === undefined || problems.length === 0 || measures.length === 0) {
      return;
    }
    const p = problems.reduce((n, s) => n + itemCount(outline, s, review), 0);
    const m = measures.reduce((n, s) => n + itemCount(outline, s, review), 0);
    if (m < p) {
      report({ code: 'review.measures-count', ...headingRange(outline, measures[0]), message: msg(MESSAGES.reviewMeasuresCount, m, p) });
    }
  },
};
