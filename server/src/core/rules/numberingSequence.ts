/**
 * numbering.start / numbering.gap / numbering.duplicate: 一、 二、 三、 under one parent, per kind of marker. A heading
 * is reported where the count breaks; one that follows on from its predecessor, or stands where its position says,
 * is not. The fix renumbers the whole group, so one fix mends every report of the group; it is built only when asked.
 */
import { canRenumber, renumberSections, standardMarker } from '../edits';
import { MESSAGES, msg } from '../messages';
import type { FixOffer, SiblingsRule } from '../rule';
import { byLevel, markerRange, quote } from './util';

export type NumberingCode = 'start' | 'gap' | 'duplicate' | undefined;

/**
 * What the rule reports of each heading of one group (siblings of one kind under one parent), from their numbers:
 * the first not one, a number seen before, a number that neither follows its predecessor nor stands where its
 * position says. Completion asks the same to offer only markers that add no finding.
 */
export function numberingCodes(numbers: readonly number[]): NumberingCode[] {
  const seen = new Set<number>();
  return numbers.map((n, i) => {
    const prev = i > 0 ? numbers[i - 1] : 0;
    let code: NumberingCode;
    if (i === 0 && n !== 1) {
      code = 'start';
    } else if (i > 0 && seen.has(n)) {
      code = 'duplicate';
    } else if (i > 0 && n !== prev + 1 && n !== i + 1) {
      code = 'gap';
    }
    seen.add(n);
    return code;
  });
}

export const numberingSequence: SiblingsRule = {
  id: 'numbering-sequence',
  codes: ['numbering.start', 'numbering.gap', 'numbering.duplicate'],
  scope: 'siblings',
  check(siblings, { outline }, report) {
    for (const group of byLevel(siblings)) {
      if (group.every((s, i) => s.marker.number === i + 1)) {
        continue;
      }
      // no fix when a number would not fit its marker (㉑ after ⑳): the fix would turn headings into text
      const fix: FixOffer | undefined = canRenumber(group)
        ? { title: msg(MESSAGES.fixRenumber), build: () => renumberSections(group, outline.line) }
        : undefined;
      const codes = numberingCodes(group.map((s) => s.marker.number));
      group.forEach((s, i) => {
        const code = codes[i];
        if (code === undefined) {
          return;
        }
        const wanted = standardMarker(s.marker.kind, i + 1).trim();
        const written = quote(s.marker.text.trim());
        const range = markerRange(s);
        if (code === 'start') {
          report({ code: 'numbering.start', ...range, message: msg(MESSAGES.numberingStart, written, wanted), fix });
        } else if (code === 'duplicate') {
          report({ code: 'numbering.duplicate', ...range, message: msg(MESSAGES.numberingDuplicate, written, wanted), fix });
        } else {
          const previous = group[i - 1].marker;
          const template = s.marker.number > previous.number ? MESSAGES.numberingGap : MESSAGES.numberingBackwards;
          report({ code: 'numbering.gap', ...range, message: msg(template, quote(previous.text.trim()), written, wanted), fix });
        }
      });
    }
  },
};
