/**
 * When may the analysis of one version stand for the next? The rules see a document only through its Outline: the
 * sections and what hangs on them, and the text of the lines they read with `outline.line(i)`. So if the new
 * outline has the same structure and none of the lines the analysis read has changed, the findings are the same.
 * "Same structure" is every field of the outline except `charsBetween` (字数), which the rules do not read (if one
 * did, nothing would be reused: see `track`). Sections hold no line lengths, so typing in body text leaves it alone.
 */
import type { CountRef, InlineRef, Outline, PlaceholderRef, Section } from './model';
import type { LineInfo } from './scanner';

/** Flat objects (markers, inline items, spans) with the same own values. */
function sameFlat(a: object, b: object): boolean {
  if (a === b) {
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) {
    return false;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => ra[k] === rb[k]);
}

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) {
    return false;
  }
  for (let i = 0; i < a.length; i++) {
    if (!same(a[i], b[i])) {
      return false;
    }
  }
  return true;
}

/** Two optional flat objects, or two optional lists of them, with the same values. */
const sameOptional = (x: object | undefined, y: object | undefined) => (x === undefined || y === undefined ? x === y : sameFlat(x, y));
const sameOptionalList = (x: readonly object[] | undefined, y: readonly object[] | undefined) =>
  x === undefined || y === undefined ? x === y : sameList(x, y, sameFlat);

/** Two scans of a line alike in everything but 字数 (`chars`): markers, enumerations, counts, placeholders, blankness. */
export function sameScan(a: LineInfo, b: LineInfo): boolean {
  return (
    a.blank === b.blank &&
    a.startsWithInline === b.startsWithInline &&
    a.listIntro === b.listIntro &&
    a.closing === b.closing &&
    sameOptional(a.marker, b.marker) &&
    sameOptional(a.count, b.count) &&
    sameOptionalList(a.inline, b.inline) &&
    sameOptionalList(a.placeholders, b.placeholders)
  );
}

const sameInline = (x: InlineRef, y: InlineRef) => x.line === y.line && sameFlat(x.item, y.item);
const sameCount = (x: CountRef, y: CountRef) => x.line === y.line && sameFlat(x.claim, y.claim);
const samePlaceholder = (x: PlaceholderRef, y: PlaceholderRef) => x.line === y.line && x.text === y.text && sameFlat(x.span, y.span);

function sameSection(a: Section, b: Section): boolean {
  return (
    a.line === b.line &&
    a.level === b.level &&
    a.title === b.title &&
    a.titleStartCharacter === b.titleStartCharacter &&
    a.titleEndLine === b.titleEndLine &&
    a.titleEndCharacter === b.titleEndCharacter &&
    a.bare === b.bare &&
    a.endLine === b.endLine &&
    a.parent?.index === b.parent?.index &&
    sameFlat(a.marker, b.marker) &&
    sameList(a.inline, b.inline, sameInline) &&
    sameList(a.counts, b.counts, sameCount)
  );
}

/** Equal in everything the rules read (sections in document order with their parents, so the same trees). */
export function sameStructure(a: Outline, b: Outline): boolean {
  if (a === b) {
    return true;
  }
  if (
    a.lineCount === b.lineCount &&
    a.all === b.all &&
    a.rootInline === b.rootInline &&
    a.rootCounts === b.rootCounts &&
    a.placeholders === b.placeholders &&
    a.closingLine === b.closingLine &&
    a.closingEndLine === b.closingEndLine
  ) {
    return true; // the same sections, shared by reparse
  }
  if (
    a.lineCount !== b.lineCount ||
    a.closingLine !== b.closingLine ||
    a.closingEndLine !== b.closingEndLine ||
    a.all.length !== b.all.length ||
    !sameList(a.rootInline, b.rootInline, sameInline) ||
    !sameList(a.rootCounts, b.rootCounts, sameCount) ||
    !sameList(a.placeholders, b.placeholders, samePlaceholder)
  ) {
    return false;
  }
  for (let i = 0; i < a.all.length; i++) {
    if (!sameSection(a.all[i], b.all[i])) {
      return false;
    }
  }
  return true;
}

/** A range of lines, inclusive, in the coordinates of the newer version. */
export interface LineRange {
  readonly from: number;
  readonly to: number;
}

/** An outline seen through a view that records the lines read and whether 字数 was asked for. */
export interface Tracked {
  readonly view: Outline;
  readonly reads: Set<number>;
  readonly readsCounts: () => boolean;
}

export function track(outline: Outline): Tracked {
  const reads = new Set<number>();
  let counts = false;
  const view: Outline = {
    ...outline,
    line(i) {
      reads.add(i);
      return outline.line(i);
    },
    charsBetween(from, to) {
      counts = true;
      return outline.charsBetween(from, to);
    },
  };
  return { view, reads, readsCounts: () => counts };
}

/** True when no line in `reads` lies in `changed`. */
export function untouched(reads: ReadonlySet<number>, changed: LineRange): boolean {
  for (const line of reads) {
    if (line >= changed.from && line <= changed.to) {
      return false;
    }
  }
  return true;
}
