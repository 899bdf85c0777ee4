/** numbering.bracket / numbering.separator: the marker written in its GB/T 9704 standard form. */
import { MESSAGES, msg } from '../messages';
import type { Rule } from '../rule';
import { markerRange } from './util';

export const numberingForm: Rule = {
  id: 'numbering-form',
  codes: ['numbering.bracket', 'numbering.separator'],
  run({ outline }, report) {
    for (const s of outline.all) {
      const m = s.marker;
      if (m.bracketOk && m.separatorOk) {
        continue;
      }
      const range = markerRange(s);
      const data = { replacement: m.standard, edits: [{ ...range, line: s.line, endLine: s.line, newText: m.standard }] };
      if (!m.bracketOk) {
        report({ code: 'numbering.bracket', ...range, message: msg(MESSAGES.numberingBracket, m.text, m.standard), data });
      }
      if (!m.separatorOk) {
        report({ code: 'numbering.separator', ...range, message: msg(MESSAGES.numberingSeparator, m.text, m.standard), data });
      }
    }
  },
};
