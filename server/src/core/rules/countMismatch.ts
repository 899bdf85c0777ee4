/** section.count-mismatch: 以下五个方面 announced, but a different number of parts follow. */
import { MESSAGES, msg } from '../messages';
import type { CountRef, InlineRef, Section } from '../model';
import type { Finding, TextRule } from '../rule';

function check(
  counts: readonly CountRef[],
  children: readonly Section[],
  inline: readonly InlineRef[],
  report: (f: Finding) => void,
): void {
  if (counts.length === 0) {
    return;
  }
  const claimAt = (c: CountRef) => ({ line: c.line, character: c.claim.start, endLine: c.line, endCharacter: c.claim.end });
  if (children.length > 0) {
    // the first announcement of the section's own text speaks of its sub-headings
    const c = counts[0];
    if (c.claim.value !== children.length) {
      report({ code: 'section.count-mismatch', ...claimAt(c), message: msg(MESSAGES.countMismatch, c.claim.value, children.length) });
    }
    return;
  }
  // without sub-headings, an announcement speaks of the 一是/二是 items that follow it, up to the next announcement.
  // Both lists are in document order, so the items of each announcement are a run of `inline` and one pass finds
  // them all (a section of many announcements and many items must not cost their product).
  let j = 0;
  counts.forEach((c, k) => {
    const next = counts[k + 1];
    const after = (r: InlineRef) => r.line > c.line || (r.line === c.line && r.item.start >= c.claim.end);
    const before = (r: InlineRef) => next === undefined || r.line < next.line || (r.line === next.line && r.item.start < next.claim.start);
    while (j < inline.length && !after(inline[j])) {
      j++;
    }
    let n = 0;
    let counting = true;
    for (; j < inline.length && before(inline[j]); j++) {
      if (counting && inline[j].item.number === 1 && n > 0) {
        counting = false; // a new enumeration starts
      }
      if (counting) {
        n++;
      }
    }
    if (n > 0 && n !== c.claim.value) {
      report({ code: 'section.count-mismatch', ...claimAt(c), message: msg(MESSAGES.countMismatch, c.claim.value, n) });
    }
  });
}

export const countMismatch: TextRule = {
  id: 'count-mismatch',
  codes: ['section.count-mismatch'],
  scope: 'text',
  check(part, { outline }, report) {
    const { counts, inline } = outline.textOf(part);
    check(counts, part.children, inline, report);
  },
};
