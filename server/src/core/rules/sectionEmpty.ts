/**
 * section.empty: a bare heading (a title with no sentence end) with no text under it and no children. A heading
 * that is itself a whole sentence (`1.每月开展一次调研。`) is an item with content, not an empty section.
 */
import { MESSAGES, msg } from '../messages';
import type { Rule } from '../rule';
import { headingRange, label } from './util';

export const sectionEmpty: Rule = {
  id: 'section-empty',
  codes: ['section.empty'],
  run({ outline }, report) {
    for (const s of outline.all) {
      if (s.bare) {
        report({ code: 'section.empty', ...headingRange(s), message: msg(MESSAGES.sectionEmpty, label(s)) });
      }
    }
  },
};
