/**
 * review.excuse: objective reasons in the causes part (工作忙, 任务重, 时间紧, 人手少, 精力有限, 客观原因), unless the
 * sentence negates them or puts the subjective first (不能以工作忙为借口; 既有客观原因，更有主观原因): 一味强调客观原因，搞自我原谅.
 */
import lexicon from '../lexicons/excuse.json';
import { MESSAGES, msg } from '../messages';
import { eachOwnLine, occurrences, words } from '../review';
import type { TextRule } from '../rule';

const STOPS = ['。', '；', '！', '？'];

export const reviewExcuse: TextRule = {
  id: 'review-excuse',
  codes: ['review.excuse'],
  scope: 'text',
  parts: ['causes'],
  check(part, { outline, review }, report) {
    if (review === undefined) {
      return;
    }
    const list = words(lexicon.words, review.settings, 'excuse');
    eachOwnLine(outline, part, (line, text) => {
      for (const { index, word } of occurrences(text, list)) {
        // the sentence around the word: 不能以工作忙为借口, 既有客观原因，更有主观原因
        const start = Math.max(...STOPS.map((p) => text.lastIndexOf(p, index))) + 1;
        const ends = STOPS.map((p) => text.indexOf(p, index)).filter((k) => k >= 0);
        const sentence = text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
        if (lexicon.negations.some((n) => sentence.includes(n))) {
          continue;
        }
        const found = { code: 'review.excuse' as const, line, character: index, endLine: line, endCharacter: index + word.length };
        if (!report({ ...found, message: msg(MESSAGES.reviewExcuse, word) })) {
          return false;
        }
      }
      return true;
    });
  },
};
