/**
 * section.empty: a bare heading (a title with no sentence end) with no text under it and no children. A heading
 * that is itself a whole sentence (`1.每月开展一次调研。`) is an item with content, not an empty section.
 */
import { MESSAGES, msg } from '../messages';
import type { Rule } from '../rule';
import { headingRange, label } from './util';

/** What may follow a title on its line without being content: spaces, decoration, the terminator. */
const NOT_CONTENT = /[\s*_#。！？：；!?:;]/g;

function endsSentence(line: string, titleEnd: number): boolean {
  return /^[*_\s]*[。！？!?]/.test(line.slice(titleEnd));
}

export const sectionEmpty: Rule = {
  id: 'section-empty',
  codes: ['section.empty'],
  run({ outline }, report) {
    for (const s of outline.all) {
      if (s.children.length > 0 || s.endLine > s.titleEndLine || endsSentence(outline.line(s.titleEndLine), s.titleEndCharacter)) {
        continue;
      }
      const rest = outline.line(s.titleEndLine).slice(s.titleEndCharacter).replace(NOT_CONTENT, '');
      if (rest.length === 0) {
        report({ code: 'section.empty', ...headingRange(s), message: msg(MESSAGES.sectionEmpty, label(s)) });
      }
    }
  },
};
