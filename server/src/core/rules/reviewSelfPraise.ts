/**
 * review.self-praise: achievements inside the problems part (取得了, 成效明显, 得到…肯定) and problems opened with
 * 虽然…但是 (先扬后抑): 决不能把自我批评变成自我表扬.
 */
import lexicon from '../lexicons/self-praise.json';
import { MESSAGES, msg } from '../messages';
import { afterEnumerator, eachOwnLine, occurrences, reportInOrder, sentences, words } from '../review';
import type { Finding, TextRule } from '../rule';

/** 得到/受到 … 肯定/表扬 within one clause. */
const PRAISED = new RegExp(`(?:${lexicon.praisedBy.join('|')})[^，,。；！？]{0,10}?(?:${lexicon.praise.join('|')})`, 'g');

export const reviewSelfPraise: TextRule = {
  id: 'review-self-praise',
  codes: ['review.self-praise'],
  scope: 'text',
  parts: ['problems'],
  check(part, { outline, review }, report) {
    if (review === undefined) {
      return;
    }
    const list = words(lexicon.words, review.settings, 'selfPraise');
    eachOwnLine(outline, part, (line, text) => {
      const found: Finding[] = [];
      const at = (start: number, length: number) =>
        found.push({
          code: 'review.self-praise',
          line,
          character: start,
          endLine: line,
          endCharacter: start + length,
          message: msg(MESSAGES.reviewSelfPraise, text.slice(start, start + length)),
        });
      for (const { index, word } of occurrences(text, list)) {
        at(index, word.length);
      }
      for (const m of text.matchAll(PRAISED)) {
        if (!found.some((f) => f.character <= m.index && m.index < f.endCharacter)) {
          at(m.index, m[0].length);
        }
      }
      for (const sentence of sentences(text)) {
        const start = afterEnumerator(sentence.text);
        const opening = lexicon.concessive.find((w) => sentence.text.startsWith(w, start));
        if (opening !== undefined && lexicon.but.some((w) => sentence.text.indexOf(w, start + opening.length) > 0)) {
          at(sentence.at + start, opening.length);
        }
      }
      return reportInOrder(found, report);
    });
  },
};
