/**
 * Builds the outline from a line table. It walks only the notable lines (headings, enumerations, placeholders…),
 * so a rebuild after a keystroke costs time in proportion to them, not to the length of the text.
 */
import type { LineTable } from './lines';
import type { CountRef, InlineRef, Outline, PlaceholderRef, Section } from './model';
import { sameScan } from './reuse';
import { findTerminator, isSpace, LineInfo, Marker, trimTitleEnd } from './scanner';

/** A title never spans more than this many lines (SPEC §3). */
const MAX_TITLE_LINES = 3;
/** A line shorter than this is a whole title, not a hard-wrapped piece of one. */
const MIN_WRAP_WIDTH = 16;

function endsWithDecoration(line: string): boolean {
  const t = line.trimEnd();
  return t.endsWith('**') || t.endsWith('__') || t.trimStart().startsWith('#');
}

function isListItemKind(marker: Marker): boolean {
  return marker.kind === 'num' || marker.kind === 'num-paren' || marker.kind === 'circled' || marker.kind === 'num-half';
}

/** May line `next` carry on the title of the line before it (hard-wrapped text copied from a PDF)? */
function continues(table: LineTable, prev: number, next: number, openQuote: boolean): boolean {
  if (next >= table.lineCount) {
    return false;
  }
  const n: LineInfo = table.info(next);
  if (n.blank || n.marker !== undefined || n.startsWithInline === true || n.listIntro === true || n.closing === true) {
    return false;
  }
  if (openQuote) {
    return true;
  }
  const p = table.info(prev);
  return !endsWithDecoration(table.line(prev)) && p.chars >= MIN_WRAP_WIDTH && n.chars <= p.chars + 2;
}

interface Title {
  text: string;
  endLine: number;
  endCharacter: number;
}

/** What may follow a title on its line without being text: spaces, decoration, the terminator. */
const NOT_TEXT = /[\s*_#。！？：；!?:;]/g;

/**
 * Does the title's line go on after it? Yes when the title ends a sentence (`1.每月开展一次调研。`: an item with
 * content, not a bare heading) or any text follows.
 */
function textAfter(line: string, titleEnd: number): boolean {
  const rest = line.slice(titleEnd);
  return /^[*_\s]*[。！？!?]/.test(rest) || rest.replace(NOT_TEXT, '').length > 0;
}

/** See Section.bare. */
function isBare(table: LineTable, s: Section): boolean {
  return s.children.length === 0 && s.endLine === s.titleEndLine && !textAfter(table.line(s.titleEndLine), s.titleEndCharacter);
}

function readTitle(table: LineTable, lineNo: number, marker: Marker): Title {
  const first = table.line(lineNo);
  let text = first.slice(marker.contentStart, marker.titleEnd);
  let endLine = lineNo;
  let endCharacter = marker.titleEnd;
  let terminated = marker.terminator >= 0;
  let open = marker.openQuote;
  while (!terminated && endLine - lineNo + 1 < MAX_TITLE_LINES && continues(table, endLine, endLine + 1, open)) {
    endLine++;
    const line = table.line(endLine);
    let from = 0;
    while (from < line.length && isSpace(line.charCodeAt(from))) {
      from++;
    }
    const term = findTerminator(line, from);
    terminated = term.at >= 0;
    open = term.open;
    endCharacter = trimTitleEnd(line, from, terminated ? term.at : line.length);
    text += line.slice(from, endCharacter);
  }
  const plain = text.includes('**') || text.includes('__') ? text.replace(/\*\*|__/g, '') : text;
  return { text: plain.trim(), endLine, endCharacter };
}

interface MutableSection extends Section {
  boundary: number;
  bare: boolean;
  children: Section[];
  inline: InlineRef[];
  counts: CountRef[];
}

/** Shared by every section without children, enumerations or counts (most of them): pushing into it throws. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Appends to a section's list, which starts as the shared empty one. */
function append<T>(list: T[], item: T): T[] {
  if (list === NONE) {
    return [item];
  }
  list.push(item);
  return list;
}

export function parse(table: LineTable): Outline {
  const notable = table.notable;
  const lineCount = table.lineCount;

  // Pass 1: which marker lines are headings (numbered lines right after 附件：/目录 are list items).
  const headingLines: number[] = [];
  let listUntil = -2; // last line of the current attachment/contents list (none: -2, so that line 0 is not "right after" it)
  for (const l of notable) {
    const info = table.info(l);
    if (info.listIntro === true) {
      listUntil = l;
      continue;
    }
    if (info.marker === undefined) {
      continue;
    }
    if (l === listUntil + 1 && (isListItemKind(info.marker) || /^\s*目/.test(table.line(listUntil)))) {
      listUntil = l;
      continue;
    }
    headingLines.push(l);
  }
  const lastHeading = headingLines.length > 0 ? headingLines[headingLines.length - 1] : -1;

  // Pass 2: build the tree, attach enumerations, counts and placeholders.
  const roots: Section[] = [];
  const all: MutableSection[] = [];
  const rootInline: InlineRef[] = [];
  const rootCounts: CountRef[] = [];
  const placeholders: PlaceholderRef[] = [];
  const stack: MutableSection[] = [];
  let closingLine = -1;
  let h = 0;

  const lastNonBlankBefore = (boundary: number, floor: number): number => {
    let l = boundary - 1;
    while (l > floor && table.info(l).blank) {
      l--;
    }
    return l;
  };
  const close = (s: MutableSection, boundary: number): void => {
    s.endLine = lastNonBlankBefore(boundary, s.titleEndLine);
    s.bare = isBare(table, s);
  };

  for (const l of notable) {
    const info = table.info(l);
    if (closingLine < 0 && l > lastHeading && info.closing === true && l > (stack[stack.length - 1]?.titleEndLine ?? -1)) {
      closingLine = l;
    }
    if (info.placeholders !== undefined) {
      for (const span of info.placeholders) {
        placeholders.push({ line: l, span, text: table.line(l).slice(span.start, span.end) });
      }
    }
    if (closingLine >= 0) {
      continue;
    }
    if (h < headingLines.length && headingLines[h] === l) {
      h++;
      const marker = info.marker as Marker;
      while (stack.length > 0 && stack[stack.length - 1].level >= marker.level) {
        close(stack.pop() as MutableSection, l);
      }
      const parent = stack[stack.length - 1];
      const title = readTitle(table, l, marker);
      const section: MutableSection = {
        line: l,
        marker,
        level: marker.level,
        title: title.text,
        titleStartCharacter: marker.contentStart,
        titleEndLine: title.endLine,
        titleEndCharacter: title.endCharacter,
        endLine: l,
        parent,
        children: NONE,
        inline: NONE,
        counts: NONE,
        bare: false,
        index: all.length,
        boundary: 0,
      };
      if (parent !== undefined) {
        parent.children = append(parent.children, section);
      } else {
        roots.push(section);
      }
      all.push(section);
      stack.push(section);
    }
    const owner = stack[stack.length - 1];
    if (info.inline !== undefined) {
      for (const item of info.inline) {
        if (owner !== undefined) {
          owner.inline = append(owner.inline, { line: l, item });
        } else {
          rootInline.push({ line: l, item });
        }
      }
    }
    if (info.count !== undefined) {
      if (owner !== undefined) {
        owner.counts = append(owner.counts, { line: l, claim: info.count });
      } else {
        rootCounts.push({ line: l, claim: info.count });
      }
    }
  }
  const end = closingLine >= 0 ? closingLine : lineCount;
  const closingEndLine = closingLine >= 0 ? lastNonBlankBefore(lineCount, closingLine) : -1;
  while (stack.length > 0) {
    close(stack.pop() as MutableSection, end);
  }

  return outlineOf(table, { sections: roots, all, rootInline, rootCounts, placeholders, closingLine, closingEndLine });
}

type Structure = Pick<Outline, 'sections' | 'all' | 'rootInline' | 'rootCounts' | 'placeholders' | 'closingLine' | 'closingEndLine'>;

/** The outline of a table: a structure, the table's lines and its 字数 (prefix sums built on first use). */
function outlineOf(table: LineTable, structure: Structure): Outline {
  const lineCount = table.lineCount;
  let prefix: Int32Array | undefined;
  return {
    ...structure,
    lineCount,
    line: (i) => table.line(i),
    charsBetween(from, to) {
      if (prefix === undefined) {
        prefix = new Int32Array(lineCount + 1);
        for (let i = 0; i < lineCount; i++) {
          prefix[i + 1] = prefix[i] + table.info(i).chars;
        }
      }
      return prefix[to + 1] - prefix[from];
    },
  };
}

/** Index of the first item on line `line` or after it (items in line order), or `items.length`. */
function firstFrom(items: readonly { readonly line: number }[], line: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (items[mid].line < line) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

/**
 * The outline after an edit that replaced lines `first`… with as many lines (`before`: their scans before it), built
 * from `previous` without walking the document; undefined when the edit may have changed it (then parse).
 *
 * Sections hold nothing that depends on a line's length or 字数, so they are shared with `previous` when every
 * edited line scans the same (markers, enumerations, counts, placeholders and blankness, all at the same columns),
 * the titles it is or may become part of read the same, the bare flag of a title ending on it is the same and its
 * placeholders read the same. An attachment or contents line (附件：, 目录) is never taken this way: its words decide
 * what the numbered lines after it are.
 */
export function reparse(previous: Outline, table: LineTable, first: number, before: readonly LineInfo[]): Outline | undefined {
  if (previous.lineCount !== table.lineCount) {
    return undefined;
  }
  const { all, placeholders } = previous;
  for (let k = 0; k < before.length; k++) {
    const l = first + k;
    const now = table.info(l);
    if (!sameScan(before[k], now) || now.listIntro === true) {
      return undefined;
    }
    // only the last section starting on or before l can have l in its title or right after it (titles stop at a
    // marker line)
    const i = firstFrom(all, l + 1) - 1;
    if (i >= 0 && l <= all[i].titleEndLine + 1) {
      const s = all[i];
      const title = readTitle(table, s.line, s.marker);
      if (
        title.text !== s.title ||
        title.endLine !== s.titleEndLine ||
        title.endCharacter !== s.titleEndCharacter ||
        isBare(table, s) !== s.bare
      ) {
        return undefined;
      }
    }
    if (now.placeholders !== undefined) {
      const text = table.line(l);
      for (let p = firstFrom(placeholders, l); p < placeholders.length && placeholders[p].line === l; p++) {
        const { span, text: was } = placeholders[p];
        if (was !== text.slice(span.start, span.end)) {
          return undefined;
        }
      }
    }
  }
  return outlineOf(table, previous);
}
