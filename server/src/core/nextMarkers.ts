/**
 * The markers that fit at the start of a line (SPEC §7, completion): the next sibling of the section the line is in,
 * its first child, the next sibling of each open ancestor, nearest first, each in standard form; and, for a profile
 * with required parts, the missing parts as whole headings (the skeleton in an empty document). A marker is offered
 * only when inserting it there creates no numbering finding (numbering.start / gap / duplicate) that was not there.
 */
import { numberingCodes, NumberingCode } from './rules/numberingSequence';
import { MAX_NUMBER, standardMarker } from './edits';
import type { Outline, Section } from './model';
import { compileProfile, matchSection, Profile } from './profiles';
import { LADDER } from './sections';
import { Level, LEVEL_OF, MarkerKind, scanLine } from './scanner';

export interface NextMarker {
  /** The marker in standard form (`（三）`); for a part, the heading's marker. */
  readonly marker: string;
  /** What is inserted: the marker, a whole heading (`二、产生问题的原因`) or the skeleton's lines joined by `\n`. */
  readonly text: string;
  readonly level: Level;
  /** The label of a missing required part, for a part; of the profile, for the skeleton. */
  readonly part?: string;
  readonly skeleton?: boolean;
}

type Code = NumberingCode;

/** Is every code of `after` absent or one `before` already had? */
function noNewCode(before: readonly Code[], after: readonly Code[]): boolean {
  return after.every((c, i) => c === undefined || c === before[i]);
}

/** The codes each section had in its group of the outline (siblings of one level under one parent). */
function codesOf(outline: Outline, sections: readonly Section[]): Map<Section, Code> {
  const result = new Map<Section, Code>();
  const groups = new Set<string>();
  for (const s of sections) {
    const siblings = s.parent?.children ?? outline.sections;
    const key = `${s.parent?.index ?? -1}:${s.level}`;
    if (!groups.has(key)) {
      groups.add(key);
      const group = siblings.filter((c) => c.level === s.level);
      numberingCodes(group.map((c) => c.marker.number)).forEach((code, i) => result.set(group[i], code));
    }
  }
  return result;
}

/**
 * The number a heading of `level` under `parent` (undefined: top level) inserted at `line` can take without a new
 * numbering finding, or undefined when none can.
 */
function fittingNumber(outline: Outline, line: number, parent: Section | undefined, level: Level, kind: MarkerKind): number | undefined {
  const siblings = (parent?.children ?? outline.sections).filter((c) => c.level === level && c.line !== line);
  const before = siblings.filter((c) => c.line < line);
  const after = siblings.filter((c) => c.line > line);
  // the sections after the line that the new heading takes as its children: up to the next heading of its rank or
  // a higher one, those whose parent is the heading's parent or a section the line ends (one that starts before it)
  const moved: Section[] = [];
  for (const s of outline.all) {
    if (s.line <= line) {
      continue;
    }
    if (s.level <= level || (outline.closingLine >= 0 && s.line >= outline.closingLine)) {
      break;
    }
    if (s.parent === undefined || s.parent.line <= line) {
      moved.push(s);
    }
  }
  const old = codesOf(outline, [...after, ...moved]);
  const movedFine = [1, 2, 3, 4, 5].every((l) => {
    const group = moved.filter((s) => s.level === l);
    return noNewCode(
      group.map((s) => old.get(s)),
      numberingCodes(group.map((s) => s.marker.number)),
    );
  });
  if (!movedFine) {
    return undefined;
  }
  const numbers = before.map((s) => s.marker.number);
  const prev = numbers.length > 0 ? numbers[numbers.length - 1] : 0;
  for (const n of new Set([numbers.length + 1, prev + 1])) {
    if (n < 1 || n > MAX_NUMBER[kind]) {
      continue;
    }
    const codes = numberingCodes([...numbers, n, ...after.map((s) => s.marker.number)]);
    if (
      codes[numbers.length] === undefined &&
      noNewCode(
        after.map((s) => old.get(s)),
        codes.slice(numbers.length + 1),
      )
    ) {
      return n;
    }
  }
  return undefined;
}

/** The section whose text `line` is in: the last one starting before it that has not ended (undefined: none). */
function containerOf(outline: Outline, line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of outline.all) {
    if (s.line >= line) {
      break;
    }
    if (s.boundary > line) {
      found = s;
    }
  }
  return found;
}

/**
 * Does `line` follow 附件：/目录 or an item of their list? A marker there starts a list item, not a heading, and makes
 * the numbered lines right after it list items too.
 */
function afterList(outline: Outline, line: number): boolean {
  const before = scanLine(outline.line(line - 1));
  return before.listIntro === true || (before.marker !== undefined && !outline.all.some((s) => s.line === line - 1));
}

/** The markers (and missing parts) that fit at the start of `line`, nearest first. */
export function nextMarkers(outline: Outline, line: number, profile: Profile): NextMarker[] {
  if (line < 0 || line > outline.lineCount || (outline.closingLine >= 0 && line >= outline.closingLine)) {
    return [];
  }
  if (line > 0 && afterList(outline, line)) {
    return [];
  }
  const result: NextMarker[] = [];
  const offer = (parent: Section | undefined, level: Level, kind: MarkerKind): void => {
    const n = fittingNumber(outline, line, parent, level, kind);
    const marker = n !== undefined ? standardMarker(kind, n) : undefined;
    if (marker !== undefined && !result.some((r) => r.marker === marker)) {
      result.push({ marker, text: marker, level });
    }
  };
  const container = containerOf(outline, line);
  const first = outline.sections[0]?.marker.kind;
  const topKind = first !== undefined && LEVEL_OF[first] === 1 ? first : 'cn';
  if (container !== undefined) {
    offer(container.parent, container.level, container.marker.kind);
    if (container.level < 5) {
      const level = (container.level + 1) as Level;
      offer(container, level, LADDER[level]);
    }
    for (let a = container.parent; a !== undefined; a = a.parent) {
      offer(a.parent, a.level, a.marker.kind);
    }
  } else {
    if (first !== undefined) {
      offer(undefined, LEVEL_OF[first], first);
    }
    offer(undefined, 1, topKind);
  }
  result.push(...missingParts(outline, line, profile, topKind));
  return result;
}

/** The profile's missing required parts as top-level headings numbered to fit at `line`; the skeleton when empty. */
function missingParts(outline: Outline, line: number, profile: Profile, kind: MarkerKind): NextMarker[] {
  const required = profile.sections.filter((p) => p.required);
  if (required.length === 0) {
    return [];
  }
  if (outline.all.length === 0) {
    let empty = true;
    for (let i = 0; i < outline.lineCount && empty; i++) {
      empty = outline.line(i).trim() === '';
    }
    if (empty) {
      const lines = required.map((p, i) => standardMarker(kind, i + 1) + p.label);
      return [{ marker: standardMarker(kind, 1), text: lines.join('\n'), level: LEVEL_OF[kind], part: profile.label, skeleton: true }];
    }
  }
  const n = fittingNumber(outline, line, undefined, LEVEL_OF[kind], kind);
  if (n === undefined) {
    return [];
  }
  const compiled = compileProfile(profile);
  const found = new Set<number>();
  // a part is offered only where it keeps the profile's order: after the parts above the line, before those below
  let above = -1;
  let below = profile.sections.length;
  for (const s of outline.sections) {
    const i = matchSection(compiled, outline.titleOf(s).text);
    if (i >= 0) {
      found.add(i);
      above = s.line < line ? Math.max(above, i) : above;
      below = s.line > line ? Math.min(below, i) : below;
    }
  }
  const marker = standardMarker(kind, n);
  return profile.sections
    .filter((p, i) => p.required && !found.has(i) && above < i && i < below)
    .map((p) => ({ marker, text: marker + p.label, level: LEVEL_OF[kind], part: p.label }));
}
