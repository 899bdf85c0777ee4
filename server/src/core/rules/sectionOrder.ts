/** section.order: the required sections are present but not in the profile's order. */
import { MESSAGES, msg } from '../messages';
import type { DocumentRule } from '../rule';
import { headingRange, label } from './util';

export const sectionOrder: DocumentRule = {
  id: 'section-order',
  codes: ['section.order'],
  scope: 'document',
  check(outline, { profile, matches }, report) {
    const sections = profile.profile.sections;
    const order = sections
      .filter((s) => s.required)
      .map((s) => s.label)
      .join(' → ');
    let furthest = -1;
    for (let i = 0; i < outline.sections.length; i++) {
      const root = outline.sections[i];
      const index = matches[i];
      if (index < 0 || !sections[index].required) {
        continue;
      }
      if (furthest >= 0 && index < matches[furthest]) {
        const kept = report({
          code: 'section.order',
          ...headingRange(outline, root),
          subject: sections[index].id,
          message: msg(MESSAGES.sectionOrder, label(outline, root), label(outline, outline.sections[furthest]), order),
        });
        if (!kept) {
          return; // past what is kept, and the rest come later in the document
        }
      } else {
        furthest = i;
      }
    }
  },
};
