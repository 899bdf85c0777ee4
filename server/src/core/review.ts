/**
 * What the review rules of SPEC §9 share: a profile's review settings (focus areas, thresholds, lexicon additions),
 * what the title says (the year, the meeting being held, a 班子 material), the parts of the document (problems,
 * causes, measures) and their items (SPEC §12). Pure: the rules read the text only through the recording outline.
 */
import previous from './lexicons/previous-rectification.json';
import type { Outline, Part, Section } from './model';
import type { Finding, Report } from './rule';
import { compilePattern, TitleMatcher } from './pattern';
import { headingRange } from './rules/util';

export interface FocusArea {
  readonly label: string;
  /** Title patterns (see pattern.ts), matched against the titles of the problems part's sub-sections. */
  readonly patterns: readonly string[];
}

export interface Thresholds {
  /** review.length: the least 字数 of the problems part, of the causes part and of the whole material. */
  readonly problemsChars: number;
  readonly causesChars: number;
  readonly totalChars: number;
  /** review.proportion: the least share of problems + causes in the whole (0…1). */
  readonly proportion: number;
  /** review.vague: this many vague words in one problem item. */
  readonly vagueWords: number;
}

/** The lexicons a profile may add words to, each the list of one rule (see lexicons/*.json). */
export const LEXICON_KEYS = ['self', 'others', 'team', 'vague', 'excuse', 'selfPraise', 'example', 'campaigns'] as const;
export type LexiconKey = (typeof LEXICON_KEYS)[number];

export interface ReviewSettings {
  readonly focusAreas: readonly FocusArea[];
  readonly thresholds: Thresholds;
  /** Words added to the built-in lexicons. */
  readonly lexicons: Readonly<Partial<Record<LexiconKey, readonly string[]>>>;
}

const DEFAULT_THRESHOLDS: Thresholds = { problemsChars: 500, causesChars: 300, totalChars: 3000, proportion: 0.5, vagueWords: 3 };

export const DEFAULT_REVIEW: ReviewSettings = { focusAreas: [], thresholds: DEFAULT_THRESHOLDS, lexicons: {} };

/** A built-in word list with the profile's additions (cached per list of additions). */
const combined = new WeakMap<readonly string[], Map<readonly string[], readonly string[]>>();
export function words(builtIn: readonly string[], settings: ReviewSettings, key: LexiconKey): readonly string[] {
  const added = settings.lexicons[key];
  if (added === undefined || added.length === 0) {
    return builtIn;
  }
  let byBuiltIn = combined.get(added);
  if (byBuiltIn === undefined) {
    byBuiltIn = new Map();
    combined.set(added, byBuiltIn);
  }
  let list = byBuiltIn.get(builtIn);
  if (list === undefined) {
    list = [...builtIn, ...added.filter((w) => w.length > 0)];
    byBuiltIn.set(builtIn, list);
  }
  return list;
}

const compiledAreas = new WeakMap<FocusArea, TitleMatcher>();
export function focusMatcher(area: FocusArea): TitleMatcher {
  let m = compiledAreas.get(area);
  if (m === undefined) {
    m = compilePattern(area.patterns.join('|'));
    compiledAreas.set(area, m);
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------------
// What the title says.

export type Meeting = '民主生活会' | '组织生活会';

export interface TitleFacts {
  /** The year the title names (2025年度, 2025年), or undefined. */
  readonly year: number | undefined;
  /** The meeting being held: the one the title names, else the one of the preamble's 召开/本次 sentence. */
  readonly meeting: Meeting | undefined;
  /** The text that names the meeting being held (the title, or that sentence), to compare campaigns with. */
  readonly named: string;
  /** A 班子 material (the title says 领导班子/班子 and not 个人/成员). */
  readonly team: boolean;
}

export const NO_TITLE: TitleFacts = { year: undefined, meeting: undefined, named: '', team: false };

const MEETING = /民主生活会|组织生活会/;
/** A title: a short line before the first heading that is not a sentence. */
const MAX_TITLE = 80;

/** The first non-blank line before the first heading, when it reads as a title (short, no sentence end). */
function titleLine(outline: Outline, limit: number): { line: number; text: string } | undefined {
  for (let i = 0; i < limit; i++) {
    const text = outline
      .line(i)
      .replace(/^[\s\u3000#>*]+|[\s\u3000*]+$/g, '')
      .trim();
    if (text.length > 0) {
      return text.length <= MAX_TITLE && !/[。！？；]$/.test(text) ? { line: i, text } : undefined;
    }
  }
  return undefined;
}

/**
 * What the title says: its year, the meeting being held, whether it is a 班子 material (by the team and personal
 * words of the first-person rule's lexicon).
 */
export function titleFacts(outline: Outline, limit: number, teamWords: readonly string[], personalWords: readonly string[]): TitleFacts {
  const title = titleLine(outline, limit);
  let named = title?.text ?? '';
  let meeting = MEETING.exec(named)?.[0] as Meeting | undefined;
  if (meeting === undefined) {
    // the preamble's sentence that says which meeting is held
    for (let i = title === undefined ? 0 : title.line + 1; i < limit && meeting === undefined; i++) {
      for (const sentence of outline.line(i).split(/[。！？]/)) {
        const m = /(?:召开|本次|这次|此次)[^，,；]{0,30}?(民主生活会|组织生活会)/.exec(sentence);
        if (m !== null) {
          meeting = m[1] as Meeting;
          named = named + ' ' + sentence;
          break;
        }
      }
    }
  }
  const year = title !== undefined ? /((?:19|20)\d\d)年/.exec(title.text)?.[1] : undefined;
  const text = title?.text ?? '';
  const team = teamWords.some((w) => text.includes(w)) && !personalWords.some((w) => text.includes(w));
  return { year: year !== undefined ? Number(year) : undefined, meeting, named, team };
}

export function sameTitleFacts(a: TitleFacts, b: TitleFacts): boolean {
  return a.year === b.year && a.meeting === b.meeting && a.named === b.named && a.team === b.team;
}

/** Words for last time (上一年度, 上年度, 去年, 上次…), those review.previous-rectification looks for too. */
const LAST_TIME = new RegExp(previous.lastTime.join('|'), 'g');

/** A year (or 年度) at `at` within 12 characters after a word for last time (上一年度, 去年, 上次…) refers to it (SPEC §12). */
export function afterLastTime(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 16), at);
  for (const m of before.matchAll(LAST_TIME)) {
    if (before.length - (m.index + m[0].length) <= 12) {
      return true;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Parts and items.

/** What a review rule is given about the document (besides the outline): settings, title, parts. */
export interface ReviewContext {
  readonly settings: ReviewSettings;
  readonly title: TitleFacts;
  /** The id of the profile part a section belongs to (that of its top-level ancestor), or undefined. */
  partOf(s: Section): string | undefined;
  /** The top-level sections that count as a part, in document order. */
  parts(id: string): readonly Section[];
  /** Whether a title counts as an optional part of the profile (需要说明的问题 under the problems is no problem). */
  optional(title: string): boolean;
}

/** An item of a part (SPEC §12): a sub-section, or a 一是/二是 item of a part without sub-sections. */
export interface Item {
  /** Where a finding on the item goes: its heading, or its 一是 marker. */
  readonly range: Range;
  /** The item's text from its marker on (a sub-section with its own sub-sections), lines joined with \n. */
  readonly text: string;
  /** Where the text after the item's title starts in `text` (0 for a 一是 item). */
  readonly bodyAt: number;
}

/** The text of lines from…to, joined with \n. */
function linesText(outline: Outline, from: number, to: number): string {
  const out: string[] = [];
  for (let i = from; i <= to; i++) {
    out.push(outline.line(i));
  }
  return out.join('\n');
}

/**
 * Whether a sub-section of a part is no item of it: the last one, when its title counts as an optional part of the
 * profile (需要说明的问题 at the end of the problems). Only the last one is read, so that counting the items of a
 * part of a thousand sub-sections does not read a thousand titles on every keystroke.
 */
function notAnItem(outline: Outline, s: Section, review: ReviewContext): boolean {
  const siblings = s.parent?.children ?? [];
  return s === siblings[siblings.length - 1] && review.optional(outline.titleOf(s).text);
}

/** How many items a part has: its sub-sections, else the 一是/二是 items of its own text, else one. */
export function itemCount(outline: Outline, part: Section, review: ReviewContext): number {
  const children = part.children;
  if (children.length > 0) {
    return children.length - (notAnItem(outline, children[children.length - 1], review) ? 1 : 0);
  }
  return Math.max(1, outline.textOf(part).inline.length);
}

/** Where a document-wide finding goes: the first non-blank line of the top (the title), else the start. */
export function topRange(outline: Outline): Range {
  for (let i = 0; i < Math.min(outline.lineCount, 30); i++) {
    const text = outline.line(i);
    const start = text.search(/\S/);
    if (start >= 0) {
      return { line: i, character: start, endLine: i, endCharacter: text.trimEnd().length };
    }
  }
  return { line: 0, character: 0, endLine: 0, endCharacter: 0 };
}

/** The 字数 of the top-level sections that count as a part. */
export function partChars(outline: Outline, parts: readonly Section[]): number {
  return parts.reduce((n, s) => n + outline.charsBetween(s.line, outline.endOf(s)), 0);
}

/** Every occurrence of each word in a text, in text order ([index, word]); a longer word wins where two overlap. */
export function occurrences(text: string, list: readonly string[]): { index: number; word: string }[] {
  const found: { index: number; word: string }[] = [];
  for (const word of list) {
    if (word.length === 0) {
      continue;
    }
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      found.push({ index: at, word });
    }
  }
  if (found.length <= 1) {
    return found;
  }
  found.sort((a, b) => a.index - b.index || b.word.length - a.word.length);
  const out: { index: number; word: string }[] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    if (last === undefined || f.index >= last.index + last.word.length) {
      out.push(f);
    }
  }
  return out;
}

/** A section as one item: its heading is the place, its text from the marker to its end. */
function sectionItem(outline: Outline, s: Section): Item {
  const t = outline.titleOf(s);
  return {
    range: headingRange(outline, s),
    text: linesText(outline, s.line, outline.endOf(s)).slice(s.marker.end),
    bodyAt: offsetIn(outline, s, t.endLine, t.endCharacter),
  };
}

/**
 * The items of a part that has no sub-sections: from each 一是 to the next (or the end of its own text). The part
 * itself is one item when it has no 一是 either.
 */
function inlineItems(outline: Outline, part: Section): Item[] {
  const inline = outline.textOf(part).inline;
  if (inline.length === 0) {
    return [sectionItem(outline, part)];
  }
  const end = outline.endOf(part);
  return inline.map((ref, k) => {
    const next = inline[k + 1];
    let text = linesText(outline, ref.line, next !== undefined ? next.line : end).slice(ref.item.start);
    if (next !== undefined) {
      text = text.slice(0, text.length - (outline.line(next.line).length - next.item.start));
    }
    return { range: { line: ref.line, character: ref.item.start, endLine: ref.line, endCharacter: ref.item.end }, text, bodyAt: 0 };
  });
}

/**
 * The items a section is, when it is one of its part's items: a sub-section of the part, or, for a part without
 * sub-sections, the part's 一是 items.
 */
export function itemsOf(outline: Outline, s: Section, review: ReviewContext, part: string): Item[] {
  if (s.parent === undefined) {
    return s.children.length === 0 && review.partOf(s) === part ? inlineItems(outline, s) : [];
  }
  if (s.parent.parent !== undefined || review.partOf(s) !== part || notAnItem(outline, s, review)) {
    return [];
  }
  return [sectionItem(outline, s)];
}

/** The offset of line/character in the text of a section that starts at its marker's end. */
function offsetIn(outline: Outline, s: Section, line: number, character: number): number {
  let offset = -s.marker.end;
  for (let i = s.line; i < line; i++) {
    offset += outline.line(i).length + 1;
  }
  return Math.max(0, offset + character);
}

export interface Range {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

/** Sentences of a text with their offsets (split at 。！？； and line breaks). */
export function sentences(text: string): { text: string; at: number }[] {
  const out: { text: string; at: number }[] = [];
  const re = /[^。！？；\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push({ text: m[0], at: m.index });
  }
  return out;
}

/** The offset after a leading enumeration or marker (一是， 其一， （一） 1. ①) and spaces. */
export function afterEnumerator(sentence: string): number {
  const m =
    /^[\s\u3000*#]*(?:[一二三四五六七八九十]+是[，,：:]?|其[一二三四五六七八九十]+[，,、]?|第[一二三四五六七八九十]+[，,、]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[①-⑳])?[\s\u3000]*/.exec(
      sentence,
    );
  return m === null ? 0 : m[0].length;
}

/** Visits each line of a part's own text (every [from, to] pair of `ownLines`) until `visit` returns false. */
export function eachOwnLine(outline: Outline, part: Part, visit: (line: number, text: string) => boolean): void {
  const own = outline.ownLines(part);
  for (let k = 0; k < own.length; k += 2) {
    for (let line = own[k]; line <= own[k + 1]; line++) {
      if (!visit(line, outline.line(line))) {
        return;
      }
    }
  }
}

/** Reports the findings of one line in column order; false when the report is full. */
export function reportInOrder(found: Finding[], report: Report): boolean {
  found.sort((a, b) => a.character - b.character);
  return found.every((f) => report(f));
}
