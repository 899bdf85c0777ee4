/** text.placeholder: XX, xx, ×××, 某某, 【…】, [城市名称], stray * runs, X月X日 left from a template. */
import { MESSAGES, msg } from '../messages';
import type { TextRule } from '../rule';
import { quote } from './util';

export const placeholder: TextRule = {
  id: 'placeholder',
  codes: ['text.placeholder'],
  scope: 'text',
  check(part, { outline }, report) {
    for (const { line, span } of outline.textOf(part).placeholders) {
      report({
        code: 'text.placeholder',
        line,
        character: span.start,
        endLine: line,
        endCharacter: span.end,
        message: msg(MESSAGES.placeholder, quote(outline.line(line).slice(span.start, span.end))),
      });
    }
  },
};
