/** numbering.level-inversion: under one parent a higher-rank marker follows a lower-rank one (B.3.8). */
import { standardMarker } from '../edits';
import { MESSAGES, msg } from '../messages';
import type { Rule } from '../rule';
import { markerRange, siblingLists } from './util';

export const levelInversion: Rule = {
  id: 'level-inversion',
  codes: ['numbering.level-inversion'],
  run({ outline }, report) {
    for (const siblings of siblingLists(outline.sections, outline.all)) {
      let deepest = siblings[0];
      const reported = new Set<number>();
      for (const s of siblings) {
        if (s.level < deepest.level) {
          if (reported.has(s.level)) {
            continue; // one report per parent and kind: the first heading that breaks the order
          }
          reported.add(s.level);
          report({
            code: 'numbering.level-inversion',
            ...markerRange(s),
            message: msg(
              MESSAGES.levelInversion,
              s.marker.text.trim(),
              s.level,
              deepest.level,
              standardMarker(deepest.marker.kind, 1).trim(),
            ),
          });
        } else {
          deepest = s;
        }
      }
    }
  },
};
