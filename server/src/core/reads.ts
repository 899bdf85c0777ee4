/**
 * Which lines a rule's check read, and which units an edit touched. A check sees the outline through a recording
 * view; what it read is kept as sorted, merged [from, to] pairs per unit of the rule's scope (a section, a part's own
 * text, a sibling group, the document), so that after an edit only the units that read an edited line run again.
 */
import type { Outline, Part, Section, Title } from './model';
import type { Rule } from './rule';
import { firstOnOrAfter } from './search';

type Scope = Rule['scope'];

/** Records the lines read through a view of an outline. */
export class Recorder {
  private pairs: number[] = [];

  /** The outline as the rules see it: every line, title and 字数 read is recorded. */
  view(outline: Outline): Outline {
    return {
      ...outline,
      line: (i) => {
        this.pairs.push(i, i);
        return outline.line(i);
      },
      titleOf: (s: Section): Title => {
        const title = outline.titleOf(s);
        // the title's lines, and the line after them, which may join it
        this.pairs.push(s.line, Math.max(s.line, Math.min(title.endLine + 1, s.boundary - 1)));
        const pairs = this.pairs;
        return {
          text: title.text,
          endLine: title.endLine,
          endCharacter: title.endCharacter,
          // whether a heading is bare depends on the blank lines up to where it stops
          get bare() {
            pairs.push(s.line, Math.max(s.line, s.boundary - 1));
            return title.bare;
          },
        };
      },
      textOf: (part: Part) => {
        // what a part's own text holds depends on every line of it
        this.pairs.push(...outline.ownLines(part));
        return outline.textOf(part);
      },
      endOf: (s: Section): number => {
        this.pairs.push(s.line, Math.max(s.line, s.boundary - 1));
        return outline.endOf(s);
      },
      charsBetween: (from, to) => {
        this.pairs.push(from, to);
        return outline.charsBetween(from, to);
      },
      typography: (i) => {
        this.pairs.push(i, i);
        return outline.typography(i);
      },
    };
  }

  /** What was read since the last call, merged. */
  take(): readonly number[] {
    const pairs = this.pairs;
    this.pairs = [];
    return merged(pairs);
  }
}

/** [from, to] pairs sorted and merged. */
export function merged(pairs: readonly number[]): readonly number[] {
  if (pairs.length <= 2) {
    return pairs.length === 0 ? NO_READS : pairs;
  }
  const order: number[] = [];
  for (let k = 0; k < pairs.length; k += 2) {
    order.push(k);
  }
  order.sort((a, b) => pairs[a] - pairs[b]);
  const out: number[] = [];
  for (const k of order) {
    const from = pairs[k];
    const to = pairs[k + 1];
    if (out.length > 0 && from <= out[out.length - 1] + 1) {
      out[out.length - 1] = Math.max(out[out.length - 1], to);
    } else {
      out.push(from, to);
    }
  }
  return out;
}

const NO_READS: readonly number[] = Object.freeze([]) as readonly number[];

export function readsAny(reads: readonly number[], from: number, to: number): boolean {
  for (let k = 0; k < reads.length; k += 2) {
    if (reads[k] <= to && reads[k + 1] >= from) {
      return true;
    }
  }
  return false;
}

/**
 * The units of each scope of an outline, in document order (the same lists while the structure is shared). The
 * units of the line scope are the line numbers 0 … `line.length` - 1.
 */
export interface Units {
  readonly section: readonly Section[];
  readonly text: readonly Part[];
  readonly siblings: readonly (readonly Section[])[];
  readonly document: readonly Outline[];
  readonly line: { readonly length: number };
}

interface UnitLists extends Omit<Units, 'document' | 'line'> {
  /** The index of each sibling group among the `siblings` units. */
  readonly groupIndex: ReadonlyMap<readonly Section[], number>;
}

const unitLists = new WeakMap<readonly Section[], UnitLists>();

function listsOf(outline: Outline): UnitLists {
  let lists = unitLists.get(outline.all);
  if (lists === undefined) {
    const siblings: (readonly Section[])[] = outline.sections.length > 0 ? [outline.sections] : [];
    for (const s of outline.all) {
      if (s.children.length > 0) {
        siblings.push(s.children);
      }
    }
    const groupIndex = new Map(siblings.map((group, i) => [group, i]));
    lists = { section: outline.all, text: [outline.root, ...outline.all], siblings, groupIndex };
    unitLists.set(outline.all, lists);
  }
  return lists;
}

export function unitsOf(outline: Outline): Units {
  return { ...listsOf(outline), document: [outline], line: { length: outline.lineCount } };
}

/** The unit `u` of a scope (a line number for the line scope), or undefined past the last. */
export function unitAt(units: Units, scope: Scope, u: number): unknown {
  if (scope === 'line') {
    return u >= 0 && u < units.line.length ? u : undefined;
  }
  return units[scope][u];
}

/**
 * The lines a unit spans: a section from its heading to its boundary, a group from its first heading to its last
 * one's boundary. A unit that read nothing outside its span is found from the edited line (it lies in the span); one
 * that did (the root, the document, a rule reading around) is checked on every edit.
 */
export function spanOf(scope: Scope, unit: unknown): { from: number; to: number } | undefined {
  switch (scope) {
    case 'section':
      return { from: (unit as Section).line, to: (unit as Section).boundary - 1 };
    case 'text':
      return 'line' in (unit as Part) ? { from: (unit as Section).line, to: (unit as Section).boundary - 1 } : undefined;
    case 'siblings': {
      const group = unit as readonly Section[];
      return { from: group[0].line, to: group[group.length - 1].boundary - 1 };
    }
    case 'document':
      return undefined;
    case 'line':
      return { from: unit as number, to: unit as number };
  }
}

/** Edits that span more lines than this are matched against every unit. */
const MAX_LOOKUP_LINES = 64;

/** What a unit's check read: sorted, merged [from, to] pairs, and whether any lies outside the unit's span. */
export interface UnitReads {
  readonly reads: readonly number[];
  readonly outside: boolean;
}

/** The units that read outside their spans, per list of a rule's results. */
const outsiders = new WeakMap<readonly UnitReads[], readonly number[]>();

/** Tells that `next` (a copy of `previous` with some units checked again) has the same units reading outside. */
export function sameOutsiders(previous: readonly UnitReads[], next: readonly UnitReads[]): void {
  const list = outsiders.get(previous);
  if (list !== undefined) {
    outsiders.set(next, list);
  }
}

function outsideOf(perUnit: readonly UnitReads[]): readonly number[] {
  let list = outsiders.get(perUnit);
  if (list === undefined) {
    const found: number[] = [];
    perUnit.forEach((r, u) => {
      if (r.outside) {
        found.push(u);
      }
    });
    list = found;
    outsiders.set(perUnit, list);
  }
  return list;
}

/**
 * The units of a scope that read a line in from…to, given what each read in `outline`. A unit that read only inside
 * its span can read an edited line only if its span holds it: the innermost section around each edited line, its
 * ancestors, their sibling groups. The others are few and checked one by one.
 */
export function unitsReading(scope: Scope, perUnit: readonly UnitReads[], outline: Outline, from: number, to: number): number[] {
  if (scope === 'line') {
    // a line unit reads its own line and nothing else (LineRule)
    const lines: number[] = [];
    for (let l = Math.max(0, from); l <= Math.min(to, perUnit.length - 1); l++) {
      lines.push(l);
    }
    return lines;
  }
  const candidates = new Set<number>(outsideOf(perUnit));
  if (scope === 'document' || to - from > MAX_LOOKUP_LINES) {
    perUnit.forEach((_, u) => candidates.add(u));
  } else {
    const { all: sections, sections: roots } = outline;
    const { groupIndex } = listsOf(outline);
    for (let l = from; l <= to; l++) {
      const innermost: Section | undefined = sections[firstOnOrAfter(sections, l + 1) - 1];
      if (scope === 'siblings' && innermost !== undefined && innermost.children.length > 0) {
        candidates.add(groupIndex.get(innermost.children) ?? -1);
      }
      for (let s: Section | undefined = innermost; s !== undefined; s = s.parent) {
        if (scope === 'section') {
          candidates.add(s.index);
        } else if (scope === 'text') {
          candidates.add(s.index + 1);
        } else {
          candidates.add(groupIndex.get(s.parent?.children ?? roots) ?? -1);
        }
      }
    }
  }
  return [...candidates].filter((u) => perUnit[u] !== undefined && readsAny(perUnit[u].reads, from, to));
}
