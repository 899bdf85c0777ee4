/**
 * What the typography checks need to know about the characters of one line: which are Chinese, which belong to text
 * the checks must not touch (Markdown code, URLs, file paths, 文号), and whether a clause is English. Pure; a line in,
 * answers out.
 */

/** The codes of SPEC §8, which the line scanner finds (one line at a time) and the typography rules report. */
export type TypographyCode =
  | 'punct.half-width'
  | 'punct.quotes'
  | 'punct.dunhao-between-titles'
  | 'punct.ordinal'
  | 'punct.ellipsis'
  | 'punct.range'
  | 'number.year-short'
  | 'number.date-form'
  | 'number.fixed-chinese';

/** One replacement of a mark's fix: columns of the line and the text that replaces them. */
export interface MarkEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/**
 * A typography finding on one line: the columns it names, its fix (edits inside those columns that change only the
 * punctuation or numerals it is about; none when no fix is safe) and what its message says (`written`, `wanted`).
 */
export interface TypographyMark {
  readonly code: TypographyCode;
  /** A variant of the code's message (number.date-form: mixed, zero, padded; number.year-short without a fix). */
  readonly kind?: string;
  readonly start: number;
  readonly end: number;
  readonly written: string;
  readonly wanted: string;
  readonly edits: readonly MarkEdit[];
}

/** What every check of a line is given: the line, where its text starts (after a heading marker), what is protected. */
export interface LineText {
  readonly line: string;
  readonly from: number;
  readonly mask: Uint8Array | undefined;
}

/** Whether a column of columns start … end - 1 (by default the one column `start`) is protected (see protectedMask). */
export function isProtected(t: LineText, start: number, end = start + 1): boolean {
  if (t.mask === undefined) {
    return false;
  }
  for (let i = start; i < end; i++) {
    if (t.mask[i] === 1) {
      return true;
    }
  }
  return false;
}

/** The text of columns start … end - 1 of a line (by default the whole line) with edits inside it, in order, applied. */
export function withEdits(line: string, edits: readonly MarkEdit[], start = 0, end = line.length): string {
  let text = '';
  let at = start;
  for (const e of edits) {
    text += line.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return text + line.slice(at, end);
}

/** A CJK ideograph (BMP blocks, or a surrogate of the supplementary ideograph planes). */
export function isIdeograph(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f);
}

/**
 * A character that makes its neighbourhood Chinese text: an ideograph, Chinese punctuation (、。〈〉《》「」【】〔〕
 * …), full-width punctuation (，：；！？（）), curly quotes, the ellipsis and the dash. Not full-width digits or
 * letters, not the ideographic space.
 */
export function isChineseSide(c: number): boolean {
  return (
    isIdeograph(c) ||
    (c >= 0x3001 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    (c >= 0x2018 && c <= 0x201d) ||
    c === 0x2026 ||
    c === 0x2014
  );
}

export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isLatinLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/**
 * Spans the checks never look into, as a mask over the line's columns (1 = protected): Markdown code spans, URLs and
 * e-mail addresses, Markdown link targets and the `!` of an image, HTML tags, Windows, UNC and Unix paths, and 文号
 * (〔2025〕12号, also written with [ ] 【 】 ( ) （ ）). Undefined when nothing is protected.
 */
export function protectedMask(line: string): Uint8Array | undefined {
  let mask: Uint8Array | undefined;
  const mark = (start: number, end: number) => {
    mask ??= new Uint8Array(line.length);
    mask.fill(1, start, end);
  };
  for (const [re, needs] of PROTECTED) {
    if (!needs.some((n) => line.includes(n))) {
      continue;
    }
    re.lastIndex = 0;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      mark(m.index, m.index + m[0].length);
    }
  }
  return mask;
}

const PATH_CHARS = '[^\\s，。；：、！？“”‘’《》（）,;"\'<>|]';
/** Each protected kind: its pattern, and the strings one of which a line must hold for it to match (a fast check). */
const PROTECTED: readonly (readonly [RegExp, readonly string[]])[] = [
  [/(`+)[^`]*?\1/g, ['`']], // Markdown code span
  [/(?:https?|ftp|file):\/\/[!-~]+|www\.[A-Za-z0-9-]+\.[!-~]+/gi, ['://', 'www.', 'WWW.']], // URL
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, ['@']], // e-mail
  [/\]\([^()\s]*(?:\([^()\s]*\))?[^()\s]*\)|!(?=\[)/g, ['](', '![']], // Markdown link target, image
  [/<\/?[A-Za-z][^<>]*>/g, ['<']], // HTML tag
  [new RegExp(`(?<![A-Za-z])[A-Za-z]:[\\\\/]${PATH_CHARS}*|\\\\\\\\${PATH_CHARS}+`, 'g'), [':\\', ':/', '\\\\']], // Windows and UNC paths
  [/(?:~|\.{1,2})?\/[\w.\-\u3400-\u9fff]+(?:\/[\w.\-\u3400-\u9fff]*)+|(?:\.{1,2}|~)\/[\w.\-\u3400-\u9fff]+/g, ['/']], // Unix paths
  [/[〔[【(（]\s*\d{4}\s*[〕\]】)）]\s*\d+\s*号/g, ['号']], // 文号: 〔2025〕12号
];

/** Sentence and clause ends that bound the clause the English test reads. */
const CLAUSE_ENDS = '。！？；，、：\t';

/**
 * Is the clause around column `at` English? It is read from the previous Chinese clause end to the next (or the line's
 * ends); English when its Latin letters outnumber three times its ideographs (an ideograph carries about a word).
 */
export function inEnglishClause(line: string, at: number): boolean {
  let from = at;
  while (from > 0 && !CLAUSE_ENDS.includes(line[from - 1])) {
    from--;
  }
  let to = at + 1;
  while (to < line.length && !CLAUSE_ENDS.includes(line[to])) {
    to++;
  }
  let letters = 0;
  let ideographs = 0;
  for (let i = from; i < to; i++) {
    const c = line.charCodeAt(i);
    if (isLatinLetter(c)) {
      letters++;
    } else if (isIdeograph(c)) {
      ideographs++;
    }
  }
  return letters >= 4 && letters > 3 * ideographs;
}
