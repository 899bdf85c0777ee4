/**
 * Editing the structure (SPEC §7): move a section up or down, promote or demote it, renumber the document. An outline
 * and a line in; the edits, or the reason the operation does not apply, out. Edits replace marker characters only,
 * and a move replaces the lines of the two sections with the same lines in the other order (SPEC §6); the blank
 * lines after each section stay where they were.
 *
 * Every section operation is planned the same way: the lines as they will be (the document's lines, reordered for a
 * move, with other markers for a change of rank) are parsed again and must hold the same headings at the ranks
 * expected; each group of siblings whose members changed is renumbered 1, 2, 3 …; the result is parsed again and
 * must have no numbering finding (gap, duplicate, start, level inversion, 一是/二是) the document did not have.
 */
import { formatNumber, LineEdit, MAX_NUMBER, standardMarker } from './edits';
import { LineTable } from './lines';
import { Message, msg } from './messages';
import type { Outline, Section } from './model';
import { parse } from './parser';
import type { Finding, FixOffer } from './rule';
import { inlineSequence } from './rules/inlineSequence';
import { levelInversion } from './rules/levelInversion';
import { numberingSequence } from './rules/numberingSequence';
import { label } from './rules/util';
import { Level, MarkerKind } from './scanner';
import { firstOnOrAfter } from './search';

export const SECTION_OPERATIONS = ['moveUp', 'moveDown', 'promote', 'demote'] as const;
export type SectionOperation = (typeof SECTION_OPERATIONS)[number];

/** What an operation gives: its edits (none when two alike sections change places), or why it does not apply. */
export type Outcome = { readonly edits: readonly LineEdit[] } | { readonly reason: Message };

/**
 * The rank ladder (一、 → （一） → 1. → （1） → ①): the kind of marker a heading takes when a change of rank brings it
 * to a rank and no sibling there says otherwise (a sibling's kind wins: under 第一部分 a promoted heading becomes
 * 第二部分). The rank of a kind is LEVEL_OF's, so a new kind of marker needs no change here.
 */
export const LADDER: Readonly<Record<Level, MarkerKind>> = { 1: 'cn', 2: 'cn-paren', 3: 'num', 4: 'num-paren', 5: 'circled' };

/** Why an operation does not apply. The English text is the l10n key. */
export const SECTION_MESSAGES = {
  noSection: 'Line {0} is not inside a numbered section.',
  noPrevious: '“{0}” has no previous sibling to change places with.',
  noNext: '“{0}” has no next sibling to change places with.',
  topRank: '“{0}” is already at the top rank (一、): there is no higher one.',
  noPreviousToJoin: '“{0}” has no previous sibling to go under: one rank down it would stand above its siblings.',
  bottomRank: '“{0}” or a heading under it is already at the lowest rank (①): there is no lower one.',
  notKept:
    'The markers would not keep “{0}” a heading of its rank (a title starting with a digit, a list after 附件：): nothing was changed.',
  tooLarge: '“{0}” would need number {1}, more than its kind of marker can write: nothing was changed.',
  newFinding: 'The result would have a numbering problem the document does not have ({0}): nothing was changed.',
  nothingToRenumber: 'Every heading and enumeration is already numbered in order.',
  // titles of the refactor code actions
  moveUp: 'Move section up',
  moveDown: 'Move section down',
  promote: 'Promote section (one rank up)',
  demote: 'Demote section (one rank down)',
  renumber: 'Renumber every heading and enumeration',
} as const;

/** The innermost section whose lines (heading to boundary) hold `line`, if any. */
export function sectionAt(outline: Outline, line: number): Section | undefined {
  // the last section starting at or before the line, or the nearest of its ancestors that reaches it
  let s: Section | undefined = outline.all[firstOnOrAfter(outline.all, line + 1) - 1];
  while (s !== undefined && s.boundary <= line) {
    s = s.parent;
  }
  return s;
}

/** The section and every section under it. */
function subtree(outline: Outline, s: Section): Section[] {
  const result = [s];
  for (let i = s.index + 1; i < outline.all.length && outline.all[i].line < s.boundary; i++) {
    result.push(outline.all[i]);
  }
  return result;
}

/** The document as it will be before renumbering: lines, where each came from, the new rank of some headings. */
interface Draft {
  readonly lines: string[];
  /** For each line, the line of the document it holds. */
  readonly origin: readonly number[];
  /** New ranks, by the line of the heading in the document. */
  readonly ranks: ReadonlyMap<number, Level>;
}

/** A new marker on a line of the draft, in the columns of the document line it holds (one per line). */
interface MarkerEdit {
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The whole marker (a change of rank), not only its numeral. */
  readonly whole: boolean;
}

/** What an operation works on: the section, and for a move the sibling it changes places with. */
export interface Target {
  readonly section: Section;
  readonly other?: Section;
}

/**
 * The section an operation on `line` works on, or why the operation does not apply there, without planning it (cheap
 * enough to list code actions on every request): no section, no sibling to change places with, no rank to go to.
 */
export function sectionTarget(outline: Outline, line: number, operation: SectionOperation): Target | { readonly reason: Message } {
  const s = sectionAt(outline, line);
  if (s === undefined) {
    return { reason: msg(SECTION_MESSAGES.noSection, line + 1) };
  }
  const siblings = s.parent?.children ?? outline.sections;
  switch (operation) {
    case 'moveUp':
    case 'moveDown': {
      const other = siblings[siblings.indexOf(s) + (operation === 'moveUp' ? -1 : 1)];
      if (other === undefined || other.level !== s.level) {
        return { reason: msg(operation === 'moveUp' ? SECTION_MESSAGES.noPrevious : SECTION_MESSAGES.noNext, label(outline, s)) };
      }
      return { section: s, other };
    }
    case 'promote':
      return s.level === 1 ? { reason: msg(SECTION_MESSAGES.topRank, label(outline, s)) } : { section: s };
    case 'demote': {
      if (subtree(outline, s).some((m) => m.level === 5)) {
        return { reason: msg(SECTION_MESSAGES.bottomRank, label(outline, s)) };
      }
      const group = siblings.filter((c) => c.level === s.level);
      return group[0] === s && group.length > 1 ? { reason: msg(SECTION_MESSAGES.noPreviousToJoin, label(outline, s)) } : { section: s };
    }
  }
}

/** The edits of an operation on the section that holds `line`, or why it does not apply. */
export function sectionEdits(outline: Outline, line: number, operation: SectionOperation): Outcome {
  const target = sectionTarget(outline, line, operation);
  if ('reason' in target) {
    return target;
  }
  const s = target.section;
  if (target.other !== undefined) {
    const [first, second] = operation === 'moveUp' ? [target.other, s] : [s, target.other];
    return plan(outline, s, swapped(outline, first, second));
  }
  const step = operation === 'promote' ? -1 : 1;
  const moved = subtree(outline, s);
  const ranks = new Map(moved.map((m) => [m.line, (m.level + step) as Level]));
  const origin = lineNumbers(outline);
  const lines = origin.map((i) => outline.line(i));
  for (const m of moved) {
    const marker = standardMarker(LADDER[ranks.get(m.line) as Level], 1).trimEnd();
    lines[m.line] = lines[m.line].slice(0, m.marker.start) + marker + lines[m.line].slice(m.marker.end);
  }
  return plan(outline, s, { lines, origin, ranks });
}

/** 0, 1, 2 … for each line of the document. */
function lineNumbers(outline: Outline): number[] {
  return Array.from({ length: outline.lineCount }, (_, i) => i);
}

/**
 * The document with two adjacent sibling sections (`first` before `second`) in the other order: each takes its
 * heading, body and sub-sections along; the blank lines after each stay where they are, so that the space before
 * the next part (or the document's last line break) does not end up between the two.
 */
function swapped(outline: Outline, first: Section, second: Section): Draft {
  const origin = lineNumbers(outline);
  const range = (from: number, to: number): number[] => origin.slice(from, to);
  const firstEnd = outline.endOf(first) + 1;
  const secondEnd = outline.endOf(second) + 1;
  const order = [
    ...range(second.line, secondEnd),
    ...range(firstEnd, second.line),
    ...range(first.line, firstEnd),
    ...range(secondEnd, second.boundary),
  ];
  origin.splice(first.line, order.length, ...order);
  return { lines: origin.map((i) => outline.line(i)), origin, ranks: new Map() };
}

/** Does an outline of the draft hold the document's headings (by `origin`) at the ranks expected, and its closing? */
function headingsAsExpected(outline: Outline, draft: Outline, origin: readonly number[], ranks: ReadonlyMap<number, Level>): boolean {
  if (draft.all.length !== outline.all.length || draft.closingLine !== outline.closingLine) {
    return false;
  }
  const byLine = new Map(outline.all.map((s) => [s.line, s]));
  return draft.all.every((d) => {
    const was = byLine.get(origin[d.line]);
    return was !== undefined && d.level === (ranks.get(was.line) ?? was.level);
  });
}

/**
 * Is each new marker read as written, no more? `（一）、2023年` promoted to `第二部分、2023年` would take the `、` of the
 * title into its marker, and a later fix of the marker would drop it.
 */
function markersAsWritten(result: Outline, edits: readonly MarkerEdit[]): boolean {
  const byLine = new Map(result.all.map((s) => [s.line, s.marker]));
  return edits.every((e) => {
    const marker = byLine.get(e.line);
    const [start, end] = e.whole ? [marker?.start, marker?.end] : [marker?.numberStart, marker?.numberEnd];
    return start === e.start && end === e.start + e.text.length;
  });
}

/** The sibling groups of an outline (one parent, one rank), keyed by parent and rank, members as document lines. */
function groupsOf(outline: Outline, origin: (line: number) => number): Map<string, Section[]> {
  const groups = new Map<string, Section[]>();
  for (const s of outline.all) {
    const key = `${s.parent !== undefined ? origin(s.parent.line) : -1}:${s.level}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, [s]);
    } else {
      group.push(s);
    }
  }
  return groups;
}

/** The numbering findings of an outline, counted by code and the document line they are on. */
function numberingFindings(outline: Outline, origin: (line: number) => number): Map<string, number> {
  const counts = new Map<string, number>();
  const report = (f: Finding): boolean => {
    const key = `${f.code}@${origin(f.line)}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return true;
  };
  forEachNumberingCheck(outline, report);
  return counts;
}

/** Runs the rules that renumbering answers (and level inversion) over every unit of an outline. */
function forEachNumberingCheck(outline: Outline, report: (f: Finding) => boolean, withInversion = true): void {
  const context = { outline };
  const groups = outline.sections.length > 0 ? [outline.sections] : [];
  for (const s of outline.all) {
    if (s.children.length > 0) {
      groups.push(s.children);
    }
  }
  for (const group of groups) {
    numberingSequence.check(group, context, report);
    if (withInversion) {
      levelInversion.check(group, context, report);
    }
  }
  for (const part of [outline.root, ...outline.all]) {
    inlineSequence.check(part, context, report);
  }
}

function plan(outline: Outline, subject: Section, { lines, origin, ranks }: Draft): Outcome {
  const notKept = { reason: msg(SECTION_MESSAGES.notKept, label(outline, subject)) };
  const draft = parse(LineTable.of(lines.join('\n')));
  if (!headingsAsExpected(outline, draft, origin, ranks)) {
    return notKept;
  }
  const byLine = new Map(outline.all.map((s) => [s.line, s]));
  const before = groupsOf(outline, (l) => l);
  const edits: MarkerEdit[] = [];
  for (const [key, group] of groupsOf(draft, (l) => origin[l])) {
    const members = group.map((d) => byLine.get(origin[d.line]) as Section);
    const old = before.get(key);
    if (old !== undefined && old.length === members.length && old.every((o, i) => o === members[i])) {
      continue; // the same members in the same order: numbered as they were
    }
    // a heading that changes rank takes the kind of a sibling that does not, else the ladder's
    const kept = members.find((m) => !ranks.has(m.line));
    const kind = kept !== undefined ? kept.marker.kind : LADDER[group[0].level];
    for (let i = 0; i < members.length; i++) {
      const m = members[i];
      const n = i + 1;
      const line = group[i].line;
      const whole = ranks.has(m.line);
      if (!whole && m.marker.number === n) {
        continue;
      }
      if (n > MAX_NUMBER[whole ? kind : m.marker.kind]) {
        return { reason: msg(SECTION_MESSAGES.tooLarge, label(outline, m), n) };
      }
      if (whole) {
        edits.push({ line, start: m.marker.start, end: m.marker.end, text: standardMarker(kind, n).trimEnd(), whole });
      } else {
        const original = outline.line(m.line).slice(m.marker.numberStart, m.marker.numberEnd);
        edits.push({ line, start: m.marker.numberStart, end: m.marker.numberEnd, text: formatNumber(m.marker.kind, n, original), whole });
      }
    }
  }
  const final = lines.slice();
  for (const e of edits) {
    const was = outline.line(origin[e.line]);
    final[e.line] = was.slice(0, e.start) + e.text + was.slice(e.end);
  }
  const result = parse(LineTable.of(final.join('\n')));
  if (!headingsAsExpected(outline, result, origin, ranks) || !markersAsWritten(result, edits)) {
    return notKept;
  }
  const had = numberingFindings(outline, (l) => l);
  for (const [key, count] of numberingFindings(result, (l) => origin[l])) {
    if (count > (had.get(key) ?? 0)) {
      return { reason: msg(SECTION_MESSAGES.newFinding, key.slice(0, key.indexOf('@'))) };
    }
  }
  return { edits: lineEdits(outline, final, origin) };
}

/**
 * The edits from the document to `final`: a line that holds another line of the document is replaced whole; on a
 * line that stays, only the characters between the first and the last that differ (its marker) are replaced.
 */
function lineEdits(outline: Outline, final: readonly string[], origin: readonly number[]): LineEdit[] {
  const edits: LineEdit[] = [];
  for (let i = 0; i < final.length; i++) {
    const was = outline.line(i);
    const now = final[i];
    if (now === was) {
      continue;
    }
    let start = 0;
    let end = was.length;
    let endNow = now.length;
    if (origin[i] === i) {
      while (start < end && start < endNow && was.charCodeAt(start) === now.charCodeAt(start)) {
        start++;
      }
      while (end > start && endNow > start && was.charCodeAt(end - 1) === now.charCodeAt(endNow - 1)) {
        end--;
        endNow--;
      }
    }
    edits.push({ line: i, character: start, endLine: i, endCharacter: end, newText: now.slice(start, endNow) });
  }
  return edits;
}

/** The codes whose fixes renumbering makes: it mends every one of them that has a fix. */
export const RENUMBERED_CODES: ReadonlySet<string> = new Set([...numberingSequence.codes, ...inlineSequence.codes]);

/**
 * One edit that renumbers every group: the fixes of numbering.gap / duplicate / start (each group of siblings 1, 2,
 * 3 …) and of inline.sequence (一是, 二是 …), as the rules build them; a group whose numbers would not fit its kind of
 * marker (㉑) is left as it is.
 */
export function renumberEdits(outline: Outline): Outcome {
  const offers = new Set<FixOffer>();
  forEachNumberingCheck(
    outline,
    (f) => {
      if (f.fix !== undefined) {
        offers.add(f.fix);
      }
      return true;
    },
    false,
  );
  const edits = [...offers].flatMap((offer) => offer.build());
  return edits.length > 0 ? { edits } : { reason: msg(SECTION_MESSAGES.nothingToRenumber) };
}
