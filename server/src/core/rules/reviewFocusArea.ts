/**
 * review.focus-area: the year's focus areas (profile setting `focusAreas`, from the year's central notice) each need
 * a sub-section of the problems part whose title matches them, in the configured order (SPEC §9).
 */
import { MESSAGES, msg } from '../messages';
import { normalizeTitle } from '../pattern';
import { focusMatcher } from '../review';
import type { DocumentRule } from '../rule';
import { headingRange, label, quote } from './util';

export const reviewFocusArea: DocumentRule = {
  id: 'review-focus-area',
  codes: ['review.focus-area'],
  scope: 'document',
  parts: ['problems'],
  check(outline, { review }, report) {
    const areas = review?.settings.focusAreas ?? [];
    const part = review?.parts('problems')[0];
    if (areas.length === 0 || part === undefined) {
      return;
    }
    const titles = part.children.map((c) => normalizeTitle(outline.titleOf(c).text));
    let last = -1;
    for (const area of areas) {
      const at = titles.findIndex(focusMatcher(area));
      if (at < 0) {
        report({ code: 'review.focus-area', ...headingRange(outline, part), message: msg(MESSAGES.reviewFocusMissing, quote(area.label)) });
      } else if (at < last) {
        const child = part.children[at];
        report({
          code: 'review.focus-area',
          ...headingRange(outline, child),
          message: msg(MESSAGES.reviewFocusOrder, label(outline, child), quote(area.label)),
        });
      } else {
        last = at;
      }
    }
  },
};
