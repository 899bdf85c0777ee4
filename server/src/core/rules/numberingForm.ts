/** numbering.bracket / numbering.separator: the marker written in its GB/T 9704 standard form. */
import { MESSAGES, msg } from '../messages';
import type { FixOffer, SectionRule } from '../rule';
import { markerRange, quote } from './util';

export const numberingForm: SectionRule = {
  id: 'numbering-form',
  codes: ['numbering.bracket', 'numbering.separator'],
  scope: 'section',
  check(s, _context, report) {
    const m = s.marker;
    if (m.bracketOk && m.separatorOk) {
      return;
    }
    const range = markerRange(s);
    // the marker only: its characters are replaced, nothing around them
    const fix: FixOffer = { title: msg(MESSAGES.fixStandard, m.standard), build: () => [{ ...range, newText: m.standard }] };
    if (!m.bracketOk) {
      report({ code: 'numbering.bracket', ...range, message: msg(MESSAGES.numberingBracket, quote(m.text), m.standard), fix });
    }
    if (!m.separatorOk) {
      report({ code: 'numbering.separator', ...range, message: msg(MESSAGES.numberingSeparator, quote(m.text), m.standard), fix });
    }
  },
};
