/**
 * section.empty: a bare heading (a title with no sentence end) with no text under it and no children. A heading
 * that is itself a whole sentence (`1.每月开展一次调研。`) is an item with content, not an empty section.
 */
import { MESSAGES, msg } from '../messages';
import type { SectionRule } from '../rule';
import { headingRange, label } from './util';

export const sectionEmpty: SectionRule = {
  id: 'section-empty',
  codes: ['section.empty'],
  scope: 'section',
  check(s, { outline }, report) {
    if (outline.titleOf(s).bare) {
      report({ code: 'section.empty', ...headingRange(outline, s), message: msg(MESSAGES.sectionEmpty, label(outline, s)) });
    }
  },
};
