/**
 * review.no-example: a problem item (SPEC §12) with no concrete detail after its title: no number, date, place,
 * quotation, or 比如/例如/有一次 — reviewers ask for 见人见事见思想.
 */
import lexicon from '../lexicons/no-example.json';
import { MESSAGES, msg } from '../messages';
import { itemsOf, words } from '../review';
import type { SectionRule } from '../rule';

/** A number in digits, a counted Chinese number (三次, 两个), a quotation (“” 「」 or straight quotes) or a title. */
const CONCRETE = new RegExp(
  `[0-9０-９]|[一二三四五六七八九十两几百千万]+[${lexicon.classifiers}]|“[^”]{2,}”|「[^」]{2,}」|"[^"\n]{2,}"|《[^》]+》`,
);

export const reviewNoExample: SectionRule = {
  id: 'review-no-example',
  codes: ['review.no-example'],
  scope: 'section',
  parts: ['problems'],
  check(s, { outline, review }, report) {
    if (review === undefined) {
      return;
    }
    const markers = words(lexicon.markers, review.settings, 'example');
    for (const item of itemsOf(outline, s, review, 'problems')) {
      const body = item.text.slice(item.bodyAt);
      if (!CONCRETE.test(body) && !markers.some((w) => body.includes(w))) {
        if (!report({ code: 'review.no-example', ...item.range, message: msg(MESSAGES.reviewNoExample) })) {
          return;
        }
      }
    }
  },
};
