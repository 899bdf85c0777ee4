/**
 * numbering.start / numbering.gap / numbering.duplicate: 一、 二、 三、 under one parent, per kind of marker. A heading
 * is reported where the count breaks; one that follows on from its predecessor, or stands where its position says,
 * is not. The fix renumbers the whole group, so one fix mends every report of the group; it is built only when asked.
 */
import { canRenumber, renumberSections, standardMarker } from '../edits';
import { MESSAGES, msg } from '../messages';
import type { FixOffer, SiblingsRule } from '../rule';
import { byLevel, markerRange, quote } from './util';

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
      const seen = new Set<number>();
      group.forEach((s, i) => {
        const n = s.marker.number;
        const prev = i > 0 ? group[i - 1].marker.number : 0;
        const want = i + 1;
        const wanted = standardMarker(s.marker.kind, want).trim();
        const written = quote(s.marker.text.trim());
        if (i === 0 && n !== 1) {
          report({ code: 'numbering.start', ...markerRange(s), message: msg(MESSAGES.numberingStart, written, wanted), fix });
        } else if (i > 0 && seen.has(n)) {
          report({ code: 'numbering.duplicate', ...markerRange(s), message: msg(MESSAGES.numberingDuplicate, written, wanted), fix });
        } else if (i > 0 && n !== prev + 1 && n !== want) {
          const template = n > prev ? MESSAGES.numberingGap : MESSAGES.numberingBackwards;
          report({
            code: 'numbering.gap',
            ...markerRange(s),
            message: msg(template, quote(group[i - 1].marker.text.trim()), written, wanted),
            fix,
          });
        }
        seen.add(n);
      });
    }
  },
};
