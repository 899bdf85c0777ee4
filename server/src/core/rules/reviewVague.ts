/**
 * review.vague: three or more of 不够/不足/有待/有所/不强/不深/不高 in one problem item (SPEC §12): 做的不够要用事例说话.
 */
import lexicon from '../lexicons/vague.json';
import { MESSAGES, msg } from '../messages';
import { itemsOf, occurrences, words } from '../review';
import type { SectionRule } from '../rule';

export const reviewVague: SectionRule = {
  id: 'review-vague',
  codes: ['review.vague'],
  scope: 'section',
  parts: ['problems'],
  check(s, { outline, review }, report) {
    if (review === undefined) {
      return;
    }
    const list = words(lexicon.words, review.settings, 'vague');
    for (const item of itemsOf(outline, s, review, 'problems')) {
      const found = occurrences(item.text, list);
      if (found.length >= review.settings.thresholds.vagueWords) {
        const first = found[0].word;
        if (!report({ code: 'review.vague', ...item.range, message: msg(MESSAGES.reviewVague, found.length, first) })) {
          return;
        }
      }
    }
  },
};
