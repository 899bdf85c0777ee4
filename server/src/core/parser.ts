/**
 * Builds the outline from a line table. It walks only the notable lines (headings, enumerations, placeholders…),
 * so a rebuild after a keystroke costs time in proportion to them, not to the length of the text.
 */
import type { LineTable } from './lines';
import type { CountRef, InlineRef, Outline, Part, PartText, PlaceholderRef, Section, Title } from './model';
import { sameScan, sameTitle } from './reuse';
import { firstAtLeast, firstOnOrAfter } from './search';
import { findTerminator, isSpace, LineInfo, Marker, TitleScan, trimTitleEnd } from './scanner';

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

/** Non-space characters of a marker as written: a fix that rewrites the marker changes them, so no wrapping decision may. */
function markerChars(marker: Marker): number {
  let n = 0;
  for (let i = 0; i < marker.text.length; i++) {
    if (!isSpace(marker.text.charCodeAt(i))) {
      n++;
    }
  }
  return n;
}

/**
 * May line `next` carry on the title of the line before it (hard-wrapped text copied from a PDF)? Widths count the
 * text only, never a heading's marker: `(三)、` and `（三）` must wrap a title alike, or fixing a marker would change it.
 */
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
  const width = p.marker !== undefined ? p.chars - markerChars(p.marker) : p.chars;
  return !endsWithDecoration(table.line(prev)) && width >= MIN_WRAP_WIDTH && n.chars <= width + 2;
}

/** A title as read from the lines: its text and where it ends. */
interface ReadTitle {
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

function readTitle(table: LineTable, lineNo: number, marker: Marker): ReadTitle {
  const first = table.line(lineNo);
  const scan = table.info(lineNo).title as TitleScan;
  let text = first.slice(marker.contentStart, scan.titleEnd);
  let endLine = lineNo;
  let endCharacter = scan.titleEnd;
  let terminated = scan.terminator >= 0;
  let open = scan.openQuote;
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

/** The last non-blank line before `boundary`, but not before `floor`. */
function lastNonBlankBefore(table: LineTable, boundary: number, floor: number): number {
  let l = boundary - 1;
  while (l > floor && table.info(l).blank) {
    l--;
  }
  return l;
}

/** The title of a section whose structure is known (children, boundary): see Title.bare. */
function titleOf(table: LineTable, s: Section, read: ReadTitle): Title {
  const bare =
    s.children.length === 0 &&
    lastNonBlankBefore(table, s.boundary, read.endLine) === read.endLine &&
    !textAfter(table.line(read.endLine), read.endCharacter);
  return { text: read.text, endLine: read.endLine, endCharacter: read.endCharacter, bare };
}

interface MutableSection extends Section {
  boundary: number;
  children: Section[];
}

/** Shared by every section without children (most): pushing into it throws. */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Appends to a list that starts as the shared empty one. */
function append<T>(list: T[], item: T): T[] {
  if (list === NONE) {
    return [item];
  }
  list.push(item);
  return list;
}

/** What an outline is made of besides its table: the structure, and the titles in section order. */
interface Structure {
  readonly sections: readonly Section[];
  readonly all: readonly Section[];
  readonly root: Part;
  readonly closingLine: number;
  readonly closingEndLine: number;
  readonly titles: readonly Title[];
  /** Where each section ends in the versions that share this, by index, and the same as a function (Outline.endOf). */
  readonly ends: Int32Array;
  readonly endOf: (s: Section) => number;
  /** The lines of Markdown code fences, in order: the lines from an odd one to the next (or the end) are code. */
  readonly fences: readonly number[];
}

/** Where a section ends: the last non-blank line before its boundary, not before its title ends. */
function endOf(table: LineTable, s: Section, title: Title): number {
  return lastNonBlankBefore(table, s.boundary, title.endLine);
}

function withEnds(ends: Int32Array): Pick<Structure, 'ends' | 'endOf'> {
  return { ends, endOf: (s) => ends[s.index] };
}

export function parse(table: LineTable): Outline {
  const notable = table.notable;
  const lineCount = table.lineCount;

  // Pass 1: which marker lines are headings (numbered lines right after 附件：/目录 are list items).
  const headingLines: number[] = [];
  const fences: number[] = [];
  let listUntil = -2; // last line of the current attachment/contents list (none: -2, so that line 0 is not "right after" it)
  for (const l of notable) {
    const info = table.info(l);
    if (info.fence === true) {
      fences.push(l);
      continue;
    }
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

  // Pass 2: build the tree, attach enumerations, counts and placeholders to the part whose own text holds them.
  const roots: Section[] = [];
  const all: MutableSection[] = [];
  const reads: ReadTitle[] = [];
  const root: Part = { children: roots };
  const stack: MutableSection[] = [];
  let closingLine = -1;
  let h = 0;

  const close = (s: MutableSection, boundary: number): void => {
    s.boundary = boundary;
  };

  for (const l of notable) {
    const info = table.info(l);
    const open = stack[stack.length - 1];
    if (closingLine < 0 && l > lastHeading && info.closing === true && l > (open !== undefined ? reads[open.index].endLine : -1)) {
      closingLine = l;
    }
    if (closingLine < 0 && h < headingLines.length && headingLines[h] === l) {
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
        titleStartCharacter: marker.contentStart,
        boundary: lineCount,
        parent,
        children: NONE,
        index: all.length,
      };
      if (parent !== undefined) {
        parent.children = append(parent.children, section);
      } else {
        roots.push(section);
      }
      all.push(section);
      reads.push(title);
      stack.push(section);
    }
  }
  const end = closingLine >= 0 ? closingLine : lineCount;
  const closingEndLine = closingLine >= 0 ? lastNonBlankBefore(table, lineCount, closingLine) : -1;
  while (stack.length > 0) {
    close(stack.pop() as MutableSection, end);
  }
  const titles = all.map((s, i) => titleOf(table, s, reads[i]));
  const ends = Int32Array.from(all, (s) => endOf(table, s, titles[s.index]));
  return remembered(table, { sections: roots, all, root, closingLine, closingEndLine, titles, ...withEnds(ends), fences });
}

/** What the lines of a part's own text hold: its notable lines' scans (no enumerations or counts in the closing). */
function ownText(table: LineTable, pairs: readonly number[], closingLine: number): PartText {
  const inline: InlineRef[] = [];
  const counts: CountRef[] = [];
  const placeholders: PlaceholderRef[] = [];
  const notable = table.notable;
  for (let k = 0; k < pairs.length; k += 2) {
    for (let n = firstAtLeast(notable, pairs[k]); n < notable.length && notable[n] <= pairs[k + 1]; n++) {
      const l = notable[n];
      const info = table.info(l);
      for (const span of info.placeholders ?? NONE) {
        placeholders.push({ line: l, span });
      }
      if (closingLine >= 0 && l >= closingLine) {
        continue;
      }
      for (const item of info.inline ?? NONE) {
        inline.push({ line: l, item });
      }
      if (info.count !== undefined) {
        counts.push({ line: l, claim: info.count });
      }
    }
  }
  return {
    inline: inline.length > 0 ? inline : NONE,
    counts: counts.length > 0 ? counts : NONE,
    placeholders: placeholders.length > 0 ? placeholders : NONE,
  };
}

/** The outline of a table: a structure, the table's lines and its 字数 (the table's, summed per chunk of lines). */
function outlineOf(table: LineTable, structure: Structure): Outline {
  const lineCount = table.lineCount;
  const { titles, sections, closingLine } = structure;
  const ownLines = (part: Part): readonly number[] => {
    if ('line' in part) {
      const s = part as Section;
      return [s.line, (s.children.length > 0 ? s.children[0].line : s.boundary) - 1];
    }
    const first = sections.length > 0 ? sections[0].line : closingLine >= 0 ? closingLine : lineCount;
    const pairs = first > 0 ? [0, first - 1] : [];
    return closingLine >= 0 ? [...pairs, closingLine, lineCount - 1] : pairs;
  };
  const texts = new Map<Part, PartText>();
  const { fences } = structure;
  return {
    sections: structure.sections,
    all: structure.all,
    root: structure.root,
    closingLine: structure.closingLine,
    closingEndLine: structure.closingEndLine,
    lineCount,
    line: (i) => table.line(i),
    titleOf: (s) => titles[s.index],
    endOf: structure.endOf,
    ownLines,
    textOf(part) {
      let text = texts.get(part);
      if (text === undefined) {
        text = ownText(table, ownLines(part), closingLine);
        texts.set(part, text);
      }
      return text;
    },
    charsBetween: (from, to) => table.charsBetween(from, to),
    typography(i) {
      // a fence line, or a line after an odd number of fences, is code
      const inCode = fences.length > 0 && firstAtLeast(fences, i + 1) % 2 === 1;
      return inCode ? NONE : (table.info(i).typography ?? NONE);
    },
  };
}

/** The structure an outline was built from, so that the next version's outline can share it. */
const structures = new WeakMap<Outline, Structure>();

function remembered(table: LineTable, structure: Structure): Outline {
  const outline = outlineOf(table, structure);
  structures.set(outline, structure);
  return outline;
}

/**
 * The outline after an edit that replaced lines `first`… of `previous`'s table with as many lines (`table`), built
 * from `previous` without walking the document; undefined when the edit may have changed the structure (then parse).
 *
 * The structure is shared when every edited line scans the same (markers, enumerations, counts, placeholders and
 * blankness, all at the same columns: `sameScan`) and the titles it is or may become part of end on the same line.
 * Their words may differ: the new outline reads them anew. An attachment or contents line (附件：, 目录) keeps the
 * structure only while it still starts the same way: 目录 or not decides what the numbered lines after it are.
 */
export function reparse(previous: Outline, before: LineTable, table: LineTable, first: number, count: number): Outline | undefined {
  const structure = structures.get(previous);
  if (structure === undefined || previous.lineCount !== table.lineCount) {
    return undefined;
  }
  const { all } = structure;
  let titles = structure.titles;
  let ends = structure.ends;
  for (let l = first; l < first + count; l++) {
    const now = table.info(l);
    const was = before.info(l);
    // only the last section starting on or before l can have l in its title or right after it (titles stop at a
    // marker line), or in its trailing blank lines
    const i = firstOnOrAfter(all, l + 1) - 1;
    // a line that fills or empties may move where sections end (they are read again below), and a bare heading
    // may stop being one; in the closing it would move the closing's end, which the structure holds
    const blankness = was.blank !== now.blank;
    if (blankness && structure.closingLine >= 0 && l >= structure.closingLine) {
      return undefined;
    }
    // an attachment or contents line decides what the numbered lines after it are by its first words (目录 or not)
    const listWords = now.listIntro === true && /^\s*目/.test(before.line(l)) !== /^\s*目/.test(table.line(l));
    if (!sameScan(blankness ? { ...was, blank: now.blank } : was, now) || listWords) {
      return undefined;
    }
    let retitled = false;
    if (i >= 0 && (l <= titles[i].endLine + 1 || blankness)) {
      // the title may now end elsewhere (a line filled right after it joins it), or stop being bare
      const s = all[i];
      const title = titleOf(table, s, readTitle(table, s.line, s.marker));
      if (!sameTitle(title, titles[i])) {
        titles = titles === structure.titles ? titles.slice() : titles;
        (titles as Title[])[i] = title;
        retitled = title.endLine !== structure.titles[i].endLine;
      }
    }
    if (blankness || retitled) {
      // the line lies in the innermost section's span and its ancestors': only their ends can move
      for (let s: Section | undefined = all[i]; s !== undefined; s = s.parent) {
        const end = endOf(table, s, titles[s.index]);
        if (end !== ends[s.index]) {
          ends = ends === structure.ends ? ends.slice() : ends;
          ends[s.index] = end;
        }
      }
    }
  }
  if (titles === structure.titles && ends === structure.ends) {
    return remembered(table, structure);
  }
  return remembered(table, { ...structure, titles, ...(ends === structure.ends ? {} : withEnds(ends)) });
}
