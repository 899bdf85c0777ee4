/** numbering.level-inversion: under one parent a higher-rank marker follows a lower-rank one (B.3.8). */
import { standardMarker } from '../edits';
import { MESSAGES, msg } from '../messages';
import type { SiblingsRule } from '../rule';
import { markerRange, quote } from './util';

export const levelInversion: SiblingsRule = {
  id: 'level-inversion',
  codes: ['numbering.level-inversion'],
  scope: 'siblings',
  check(siblings, _context, report) {
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
            quote(s.marker.text.trim()),
            s.level,
            deepest.level,
            standardMarker(deepest.marker.kind, 1).trim(),
          ),
        });
      } else {
        deepest = s;
      }
    }
  },
};
