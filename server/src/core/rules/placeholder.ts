/** text.placeholder: XX, xx, ×××, 某某, 【…】, [城市名称], stray * runs, X月X日 left from a template. */
import { MESSAGES, msg } from '../messages';
import type { Rule } from '../rule';

export const placeholder: Rule = {
  id: 'placeholder',
  codes: ['text.placeholder'],
  run({ outline }, report) {
    for (const { line, span, text } of outline.placeholders) {
      report({
        code: 'text.placeholder',
        line,
        character: span.start,
        endLine: line,
        endCharacter: span.end,
        message: msg(MESSAGES.placeholder, text),
      });
    }
  },
};
