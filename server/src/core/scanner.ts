/**
 * The line scanner: one line of text in, what it holds out (a heading marker, inline enumerations, a count claim,
 * placeholders, …). A line's scan depends on that line alone, so an edit re-scans only the lines it touches and the
 * results of all other lines are reused. Columns are JavaScript string indices, i.e. UTF-16 code units, exactly the
 * `character` of an LSP position.
 */
import { circledValue, isChineseNumeralChar, parseChineseNumeral, toAsciiDigits } from './numerals';
import { scanTypography, TypographyMark, withEdits } from './typography/index';

export type Level = 1 | 2 | 3 | 4 | 5;

/** How a marker is written; the level follows from the kind (SPEC §2). */
export type MarkerKind =
  | 'cn' // 一、  level 1
  | 'cn-part' // 第一部分 / 第一章  level 1
  | 'cn-paren' // （一）  level 2
  | 'num' // 1.  level 3
  | 'cn-ordinal' // 第一、  level 3 (SPEC §2a: ranked with 1.)
  | 'num-paren' // （1）  level 4
  | 'circled' // ①  level 5
  | 'num-half'; // 1）  level 5

export const LEVEL_OF: Readonly<Record<MarkerKind, Level>> = {
  cn: 1,
  'cn-part': 1,
  'cn-paren': 2,
  num: 3,
  'cn-ordinal': 3,
  'num-paren': 4,
  circled: 5,
  'num-half': 5,
};

export interface Marker {
  readonly kind: MarkerKind;
  readonly level: Level;
  readonly number: number;
  /** Columns of the whole marker, brackets and separator included. */
  readonly start: number;
  readonly end: number;
  /** Columns of the numeral inside the marker. */
  readonly numberStart: number;
  readonly numberEnd: number;
  /** The marker exactly as written, e.g. `(三）` or `1、`. */
  readonly text: string;
  /** The marker in the standard form of GB/T 9704, keeping the numeral as written (`(三）` → `（三）`). */
  readonly standard: string;
  readonly bracketOk: boolean;
  readonly separatorOk: boolean;
  /** First column of the title (after the marker and any spaces or opening `**`). */
  readonly contentStart: number;
}

/** Where the title of a heading line ends on that line: what the words of a title decide, apart from its marker. */
export interface TitleScan {
  /** Column of the first title terminator outside quotes, or -1 when the line has none. */
  readonly terminator: number;
  /** Column where the title text ends on this line (terminator, or the end without trailing decoration). */
  readonly titleEnd: number;
  /** True when a quotation or bracket is still open at the end of the line (a wrapped title). */
  readonly openQuote: boolean;
}

/** 一是 / 第一， / 其一 inside a paragraph. */
export interface InlineItem {
  readonly number: number;
  readonly start: number;
  readonly end: number;
  readonly numberStart: number;
  readonly numberEnd: number;
  readonly text: string;
}

/** 以下五个方面, 主要有以下四点: the text announces how many parts follow. */
export interface CountClaim {
  readonly value: number;
  readonly start: number;
  readonly end: number;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface LineInfo {
  readonly blank: boolean;
  /** Non-whitespace characters on the line (字数). */
  readonly chars: number;
  readonly marker?: Marker;
  /** With a marker: where its title ends on this line. */
  readonly title?: TitleScan;
  /** True when the line starts with an inline enumeration (一是…): it is never a title continuation. */
  readonly startsWithInline?: boolean;
  readonly inline?: readonly InlineItem[];
  readonly count?: CountClaim;
  readonly placeholders?: readonly Span[];
  /** 附件： / 目录 / 参考文献: the numbered lines that follow are list items, not headings. */
  readonly listIntro?: boolean;
  /** 以上是我的对照检查… / 请各位同志批评指正: the closing paragraph. */
  readonly closing?: boolean;
  /** A Markdown code fence (```, ~~~): the lines between two fences are code, which typography leaves alone. */
  readonly fence?: boolean;
  /** What the typography checks (SPEC §8) find on the line, after its marker. */
  readonly typography?: readonly TypographyMark[];
}

/** True when the scan found something the outline or a rule needs (the line is indexed). */
export function isNotable(info: LineInfo): boolean {
  return (
    info.marker !== undefined ||
    info.inline !== undefined ||
    info.count !== undefined ||
    info.placeholders !== undefined ||
    info.listIntro === true ||
    info.closing === true ||
    info.fence === true
  );
}

const BLANK: LineInfo = Object.freeze({ blank: true, chars: 0 });

export function isSpace(c: number): boolean {
  // space, tab, U+3000 ideographic space, NBSP, BOM, other Unicode spaces used by word processors
  return c === 0x20 || c === 0x09 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x0b || c === 0x0c;
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/** Skips indentation (ASCII, tab, U+3000, `&nbsp;`) and Markdown decoration before a marker. */
function skipPrefix(line: string): number {
  let i = 0;
  for (let guard = 0; guard < 12; guard++) {
    const start = i;
    while (i < line.length && isSpace(line.charCodeAt(i))) {
      i++;
    }
    if (line.startsWith('&nbsp;', i)) {
      i += 6;
    } else if (line[i] === '>') {
      i++;
    } else if (line[i] === '#') {
      let j = i;
      while (j < line.length && line[j] === '#' && j - i < 6) {
        j++;
      }
      i = j;
    } else if (line.startsWith('**', i) || line.startsWith('__', i)) {
      i += 2;
    } else if ((line[i] === '-' || line[i] === '*' || line[i] === '+') && isSpace(line.charCodeAt(i + 1))) {
      i += 2;
    }
    if (i === start) {
      break;
    }
  }
  return i;
}

const OPENERS = '“‘「『《（(〈【';
const CLOSERS = '”’」』》）)〉】';
const TERMINATORS = '。！？：；!?:;';

/** Finds the first title terminator outside quotes from `from`; also reports a quote left open. */
export function findTerminator(line: string, from: number): { at: number; open: boolean } {
  let depth = 0;
  let ascii = false;
  for (let i = from; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') {
      ascii = !ascii;
    } else if (OPENERS.includes(ch)) {
      depth++;
    } else if (CLOSERS.includes(ch)) {
      if (depth > 0) {
        depth--;
      }
    } else if (depth === 0 && !ascii && TERMINATORS.includes(ch)) {
      return { at: i, open: false };
    }
  }
  return { at: -1, open: depth > 0 || ascii };
}

/** End of the title text on a line without a terminator: drop trailing spaces and `**`, `__`, `#` decoration. */
export function trimTitleEnd(line: string, from: number, end: number): number {
  let e = end;
  for (;;) {
    while (e > from && isSpace(line.charCodeAt(e - 1))) {
      e--;
    }
    if (e - from >= 2 && (line.startsWith('**', e - 2) || line.startsWith('__', e - 2))) {
      e -= 2;
    } else if (e > from && line[e - 1] === '#') {
      e--;
    } else {
      return e;
    }
  }
}

const SEP_CN = '、.．，,';
const SEP_NUM = '.．、，,';
const STRAY = '、.．，,';

interface RawMarker {
  kind: MarkerKind;
  number: number;
  numberStart: number;
  numberEnd: number;
  end: number;
  open: string;
  close: string;
  separator: string;
}

function readDigits(line: string, i: number, max: number): number {
  let j = i;
  while (j < line.length && j - i < max + 1 && isDigit(line.charCodeAt(j))) {
    j++;
  }
  return j - i > max ? i : j;
}

function readCn(line: string, i: number): number {
  let j = i;
  while (j < line.length && j - i < 5 && isChineseNumeralChar(line[j])) {
    j++;
  }
  return j;
}

function matchMarker(line: string, i: number): RawMarker | undefined {
  const ch = line[i];
  if (ch === undefined) {
    return undefined;
  }
  // （一） （1） and their variants
  if (ch === '（' || ch === '(') {
    const ns = i + 1;
    let ne = readCn(line, ns);
    let kind: MarkerKind = 'cn-paren';
    let number = ne > ns ? parseChineseNumeral(line.slice(ns, ne)) : undefined;
    if (ne === ns) {
      ne = readDigits(line, ns, 3);
      kind = 'num-paren';
      number = ne > ns ? Number(toAsciiDigits(line.slice(ns, ne))) : undefined;
    }
    const close = line[ne];
    if (number === undefined || number === 0 || (close !== '）' && close !== ')')) {
      return undefined;
    }
    let end = ne + 1;
    // a stray separator is all of a run (`（一）、.`), so that writing the standard form takes one fix, not one per mark
    while (end < line.length && STRAY.includes(line[end]) && !isDigit(line.charCodeAt(end + 1))) {
      end++;
    }
    const separator = line.slice(ne + 1, end);
    return { kind, number, numberStart: ns, numberEnd: ne, end, open: ch, close, separator };
  }
  // ① … ⑳
  const circled = circledValue(ch);
  if (circled !== undefined) {
    let end = i + 1;
    while (end < line.length && '、.．'.includes(line[end])) {
      end++;
    }
    const separator = line.slice(i + 1, end);
    return { kind: 'circled', number: circled, numberStart: i, numberEnd: i + 1, end, open: '', close: '', separator };
  }
  // 第一部分 / 第一章, and 第一、 (SPEC §2a; not 第一、二季度 or 第一、第二批, where the 顿号 joins ordinals)
  if (ch === '第') {
    const ne = readCn(line, i + 1);
    const number = ne > i + 1 ? parseChineseNumeral(line.slice(i + 1, ne)) : undefined;
    const unit = line.startsWith('部分', ne) ? 2 : line[ne] === '章' || line[ne] === '篇' ? 1 : 0;
    if (
      number !== undefined &&
      unit === 0 &&
      line[ne] === '、' &&
      !/^[第〇零一二三四五六七八九十百0-9０-９]/.test(line.slice(ne + 1, ne + 2))
    ) {
      return { kind: 'cn-ordinal', number, numberStart: i + 1, numberEnd: ne, end: ne + 1, open: '', close: '', separator: '、' };
    }
    if (number === undefined || unit === 0) {
      return undefined;
    }
    let end = ne + unit;
    if (end < line.length && '、：: \u3000'.includes(line[end])) {
      end++;
    }
    return { kind: 'cn-part', number, numberStart: i + 1, numberEnd: ne, end, open: '', close: '', separator: '' };
  }
  // 一、 and variants
  if (isChineseNumeralChar(ch)) {
    const ne = readCn(line, i);
    const sep = line[ne];
    const number = parseChineseNumeral(line.slice(i, ne));
    if (number === undefined || sep === undefined) {
      return undefined;
    }
    if (SEP_CN.includes(sep)) {
      return { kind: 'cn', number, numberStart: i, numberEnd: ne, end: ne + 1, open: '', close: '', separator: sep };
    }
    // `一 存在的问题`: a space variant needs text right after the space
    if ((sep === ' ' || sep === '\u3000') && ne + 1 < line.length && !isSpace(line.charCodeAt(ne + 1))) {
      return { kind: 'cn', number, numberStart: i, numberEnd: ne, end: ne + 1, open: '', close: '', separator: sep };
    }
    return undefined;
  }
  // 1. 1、 １． and 1） 1)
  if (isDigit(line.charCodeAt(i))) {
    const ne = readDigits(line, i, 3);
    if (ne === i) {
      return undefined;
    }
    const sep = line[ne];
    const next = line.charCodeAt(ne + 1);
    // a level-3 marker needs a non-digit after the stop (3.5亿元, 1.2万人, 12.5% are not headings)
    if (sep === undefined || Number.isNaN(next) || isDigit(next) || next === 0x25 /* % */) {
      return undefined;
    }
    const number = Number(toAsciiDigits(line.slice(i, ne)));
    if (number === 0) {
      return undefined;
    }
    if (SEP_NUM.includes(sep)) {
      return { kind: 'num', number, numberStart: i, numberEnd: ne, end: ne + 1, open: '', close: '', separator: sep };
    }
    if (sep === '）' || sep === ')') {
      return { kind: 'num-half', number, numberStart: i, numberEnd: ne, end: ne + 1, open: '', close: sep, separator: '' };
    }
  }
  return undefined;
}

function hasFullWidthDigit(s: string): boolean {
  return /[０-９]/.test(s);
}

function standardForm(raw: RawMarker, numeral: string): { standard: string; bracketOk: boolean; separatorOk: boolean } {
  switch (raw.kind) {
    case 'cn':
      return { standard: numeral + '、', bracketOk: true, separatorOk: raw.separator === '、' };
    case 'cn-paren':
    case 'num-paren': {
      const digits = raw.kind === 'num-paren' ? toAsciiDigits(numeral) : numeral;
      return {
        standard: '（' + digits + '）',
        bracketOk: raw.open === '（' && raw.close === '）',
        separatorOk: raw.separator === '' && !hasFullWidthDigit(numeral),
      };
    }
    case 'num':
      return {
        standard: toAsciiDigits(numeral) + '.',
        bracketOk: true,
        separatorOk: raw.separator === '.' && !hasFullWidthDigit(numeral),
      };
    case 'circled':
      return { standard: numeral, bracketOk: true, separatorOk: raw.separator === '' };
    default:
      return { standard: '', bracketOk: true, separatorOk: true };
  }
}

const LEADERS: readonly (readonly [string, number])[] = [
  ['.', 3],
  ['…', 2],
  ['·', 3],
  ['-', 3],
  ['－', 3],
];

/**
 * Dot leaders (or a tab) and a page number at the end: a table-of-contents line, not a heading. Read backwards from
 * the end in one pass; the regular expression `(?:\.{3,}|…{2,}|·{3,}|-{3,}|－{3,}|\t)\s*\d+\s*$` it replaces took
 * quadratic time on a long run of dots, dashes or tabs.
 */
function isTocLine(line: string): boolean {
  const ws = (i: number) => i >= 0 && /\s/.test(line[i]);
  let i = line.length - 1;
  while (ws(i)) {
    i--;
  }
  const digitsEnd = i;
  while (i >= 0 && line.charCodeAt(i) >= 0x30 && line.charCodeAt(i) <= 0x39) {
    i--;
  }
  if (i === digitsEnd) {
    return false;
  }
  while (ws(i)) {
    if (line[i] === '\t') {
      return true;
    }
    i--;
  }
  for (const [leader, min] of LEADERS) {
    let n = 0;
    while (n < min && i - n >= 0 && line[i - n] === leader) {
      n++;
    }
    if (n === min) {
      return true;
    }
  }
  return false;
}

function scanMarker(line: string, start: number): (Marker & TitleScan) | undefined {
  const raw = matchMarker(line, start);
  if (raw === undefined) {
    return undefined;
  }
  let contentStart = raw.end;
  while (contentStart < line.length && isSpace(line.charCodeAt(contentStart))) {
    contentStart++;
  }
  if (line.startsWith('**', contentStart) || line.startsWith('__', contentStart)) {
    contentStart += 2;
  }
  if (raw.kind !== 'cn' && raw.kind !== 'cn-paren' && raw.kind !== 'cn-part' && contentStart >= line.length) {
    return undefined; // a bare number alone on a line
  }
  if (isTocLine(line)) {
    return undefined;
  }
  const text = line.slice(start, raw.end);
  const numeral = line.slice(raw.numberStart, raw.numberEnd);
  const form =
    raw.kind === 'num-half' || raw.kind === 'cn-part' || raw.kind === 'cn-ordinal'
      ? { standard: text, bracketOk: true, separatorOk: true }
      : standardForm(raw, numeral);
  const term = findTerminator(line, contentStart);
  const titleEnd = term.at >= 0 ? trimTitleEnd(line, contentStart, term.at) : trimTitleEnd(line, contentStart, line.length);
  return {
    kind: raw.kind,
    level: LEVEL_OF[raw.kind],
    number: raw.number,
    start,
    end: raw.end,
    numberStart: raw.numberStart,
    numberEnd: raw.numberEnd,
    text,
    standard: form.standard,
    bracketOk: form.bracketOk,
    separatorOk: form.separatorOk,
    contentStart,
    terminator: term.at,
    titleEnd,
    openQuote: term.open,
  };
}

const INLINE =
  /(?<![^\s。；：！？，、,;:!?“"（(*】\]])(?:([一二三四五六七八九十]{1,3})是|第([一二三四五六七八九十]{1,3})[，,、：:]|其([一二三四五六七八九十])[，,、：:])/g;

function scanInline(line: string, from: number): InlineItem[] | undefined {
  let items: InlineItem[] | undefined;
  INLINE.lastIndex = from;
  for (let m = INLINE.exec(line); m !== null; m = INLINE.exec(line)) {
    const numeral = m[1] ?? m[2] ?? m[3];
    const number = parseChineseNumeral(numeral);
    if (number === undefined) {
      continue;
    }
    const numberStart = m.index + (m[1] !== undefined ? 0 : 1);
    (items ??= []).push({
      number,
      start: m.index,
      end: m.index + m[0].length,
      numberStart,
      numberEnd: numberStart + numeral.length,
      text: m[0],
    });
  }
  return items;
}

// `\s*(?:个\s*)?`, not `\s*个?\s*`: two adjacent `\s*` backtrack quadratically over a long run of spaces.
const COUNT =
  /(?:以下|如下|下列|下面|主要有|主要是|存在|表现为|表现在|归纳为|概括为|分为|包括)\s*([一二两三四五六七八九十]{1,3}|\d{1,2})\s*(?:个\s*)?(?:方面|点|项|条|类|大问题)/;

function scanCount(line: string): CountClaim | undefined {
  const m = COUNT.exec(line);
  if (m === null) {
    return undefined;
  }
  const value = /\d/.test(m[1]) ? Number(m[1]) : parseChineseNumeral(m[1]);
  return value === undefined ? undefined : { value, start: m.index, end: m.index + m[0].length };
}

const CJK = '\\u3400-\\u9fff';
const PLACEHOLDER = new RegExp(
  [
    `(?<![A-Za-z])[XxＸｘ]{2,}(?![A-Za-z])`, // XX, xx, XXX
    `(?<=[${CJK}])[XxＸｘ](?=[${CJK}])`, // 查处x起x人
    `(?<![A-Za-z])[XxＸｘ×]{1,3}(?=[年月日号时])`, // X月X日
    `×{2,}`, // ×××
    `某{2,}`, // 某某
    `【[^】]{0,30}】`, // 【单位名称】
  ].join('|'),
  'g',
);

const MAX_BRACKET_SIDE = 30;

function isCjk(c: number): boolean {
  return c >= 0x3400 && c <= 0x9fff;
}

/**
 * `[城市名称]`-style brackets, not a Markdown link: `[`, at most 61 characters without `]`, one of them CJK with at
 * most 30 characters on either side, `]` not followed by `(`. The same as the regular expression
 * `\[[^\]]{0,30}[CJK][^\]]{0,30}\](?!\()`, which backtracks some 900 steps at every `[`; this reads each bracket's
 * text once.
 */
function bracketAt(line: string, open: number, close: number): Span | undefined {
  const length = close - open - 1;
  if (close < 0 || length > 2 * MAX_BRACKET_SIDE + 1 || line[close + 1] === '(') {
    return undefined;
  }
  for (let i = Math.max(0, length - MAX_BRACKET_SIDE - 1); i <= Math.min(MAX_BRACKET_SIDE, length - 1); i++) {
    if (isCjk(line.charCodeAt(open + 1 + i))) {
      return { start: open, end: close + 1 };
    }
  }
  return undefined;
}

/** `*` and `＊` runs that are not Markdown emphasis: 《中共*民主生活会的通知》, 20**年, **镇. */
function starPlaceholders(line: string, out: Span[]): void {
  if (!line.includes('*') && !line.includes('＊')) {
    return;
  }
  if (/^[*\-_\s]{3,}$/.test(line)) {
    return; // a thematic break
  }
  const runs: { start: number; end: number; paired: boolean }[] = [];
  const re = /[*＊]+/g;
  for (let m = re.exec(line); m !== null; m = re.exec(line)) {
    runs.push({ start: m.index, end: m.index + m[0].length, paired: false });
  }
  // Each opening run pairs with the first later unpaired run of the same length that can close emphasis. The closers
  // of each length wait in a queue read once from the front, so a line of many runs costs linear time, not quadratic.
  const closers = new Map<number, { at: number[]; next: number }>();
  runs.forEach((s, b) => {
    if (line[s.start] === '*' && !isSpace(line.charCodeAt(s.start - 1))) {
      const length = s.end - s.start;
      let queue = closers.get(length);
      if (queue === undefined) {
        queue = { at: [], next: 0 };
        closers.set(length, queue);
      }
      queue.at.push(b);
    }
  });
  const firstNonSpace = line.search(/\S/);
  for (let a = 0; a < runs.length; a++) {
    const r = runs[a];
    if (r.paired || line[r.start] === '＊') {
      continue;
    }
    const after = line.charCodeAt(r.end);
    if (r.end - r.start === 1 && isSpace(after) && r.start <= firstNonSpace) {
      r.paired = true; // a list bullet
      continue;
    }
    if (Number.isNaN(after) || isSpace(after)) {
      continue;
    }
    const queue = closers.get(r.end - r.start);
    if (queue === undefined) {
      continue;
    }
    while (queue.next < queue.at.length && (queue.at[queue.next] <= a || runs[queue.at[queue.next]].paired)) {
      queue.next++;
    }
    if (queue.next < queue.at.length) {
      r.paired = runs[queue.at[queue.next]].paired = true;
      queue.next++;
    }
  }
  for (const r of runs) {
    if (!r.paired) {
      out.push({ start: r.start, end: r.end });
    }
  }
}

export const MAX_PLACEHOLDERS_PER_LINE = 100;

function scanPlaceholders(line: string): Span[] | undefined {
  const out: Span[] = [];
  // leftmost match first, as one regular expression with the bracket form as its last alternative would find them
  const next = (from: number): RegExpExecArray | null => {
    PLACEHOLDER.lastIndex = from;
    return PLACEHOLDER.exec(line);
  };
  let m = next(0);
  let open = line.indexOf('[');
  let close = open >= 0 ? line.indexOf(']', open + 1) : -1;
  for (;;) {
    let bracket: Span | undefined;
    while (bracket === undefined && open >= 0 && (m === null || open < m.index)) {
      if (close >= 0 && close <= open) {
        close = line.indexOf(']', open + 1);
      }
      bracket = bracketAt(line, open, close);
      if (bracket === undefined) {
        open = line.indexOf('[', open + 1);
      }
    }
    let span: Span;
    if (bracket !== undefined) {
      span = bracket;
      if (m !== null && m.index < span.end) {
        m = next(span.end);
      }
    } else if (m !== null) {
      span = { start: m.index, end: m.index + m[0].length };
      m = next(span.end);
    } else {
      break;
    }
    out.push(span);
    if (open >= 0 && open < span.end) {
      open = line.indexOf('[', span.end);
    }
  }
  starPlaceholders(line, out);
  if (out.length === 0) {
    return undefined;
  }
  out.sort((a, b) => a.start - b.start);
  if (out.length > MAX_PLACEHOLDERS_PER_LINE) {
    out.length = MAX_PLACEHOLDERS_PER_LINE; // a line that is nothing but placeholders (X中X中…) need not hold millions
  }
  return out;
}

const CLOSING_START =
  /^(?:以上(?:是|为|就是|即是)?(?:我|本人)|以上.{0,12}(?:发言|对照|材料|检查|剖析|汇报|报告)|请各位|恳请|敬请|最后[，,])/;
/** Short lines that ask for criticism are closings wherever the words stand. */
const CLOSING_ANY = /批评指正|宝贵意见|批评帮助/;
const LIST_INTRO = /^(?:附件|附[：:]|参考文献|目\s*录)/;
const FENCE = /^ {0,3}(?:```|~~~)/;

/**
 * 字数: the characters of a text that are not white space (line breaks included), a surrogate pair counting once.
 * The one definition: the scanner counts each line with it (LineInfo.chars, summed by `Outline.charsBetween` for the
 * outline, the hover and the status bar's document count) and the client counts a selection with it.
 */
export function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && c !== 0x0a && c !== 0x0d && !(c >= 0xdc00 && c <= 0xdfff)) {
      n++;
    }
  }
  return n;
}

/** Scans one line (without its line break). */
export function scanLine(line: string): LineInfo {
  const start = skipPrefix(line);
  if (start >= line.length) {
    return BLANK;
  }
  if (FENCE.test(line)) {
    return { blank: false, chars: countChars(line), fence: true };
  }
  const marker = scanMarker(line, start);
  const inlineFrom = marker !== undefined ? marker.contentStart : start;
  const inline = scanInline(line, inlineFrom);
  const count = scanCount(line);
  const placeholders = scanPlaceholders(line);
  const rest = marker === undefined ? line.slice(start, start + 40) : '';
  const info: {
    -readonly [K in keyof LineInfo]: LineInfo[K];
  } = { blank: false, chars: countChars(line) };
  if (marker !== undefined) {
    const { terminator, titleEnd, openQuote, ...rest } = marker;
    info.marker = rest;
    info.title = { terminator, titleEnd, openQuote };
  }
  if (inline !== undefined) {
    info.inline = inline;
    if (marker === undefined && inline[0].start === start) {
      info.startsWithInline = true;
    }
  }
  if (count !== undefined) {
    info.count = count;
  }
  if (placeholders !== undefined) {
    info.placeholders = placeholders;
  }
  if (marker === undefined && LIST_INTRO.test(rest)) {
    info.listIntro = true;
  }
  if (marker === undefined && (CLOSING_START.test(rest) || (line.length < 80 && CLOSING_ANY.test(line)))) {
    info.closing = true;
  }
  const typography = scanTypography(line, marker !== undefined ? marker.end : start);
  if (typography !== undefined) {
    info.typography = typography.map((mark) => (keepsMarker(line, start, marker, mark) ? mark : { ...mark, edits: [] }));
  }
  return info;
}

/** How far after a marker's place a typography fix could change whether the line starts with a marker (1.2 …). */
const MARKER_REACH = 16;

/**
 * Does the fix of a typography mark leave the line's marker as it is? `1.二〇二五年8月` written `1.2025年8月` would
 * read as the decimal 1.2 and lose its heading; `1.3会1课` written `1.三会一课` would gain one. Such a mark is
 * reported without a fix: a typography fix never changes the outline.
 */
function keepsMarker(line: string, start: number, marker: Marker | undefined, mark: TypographyMark): boolean {
  if (mark.edits.length === 0 || mark.edits[0].start > start + MARKER_REACH) {
    return true;
  }
  const fixed = withEdits(line, mark.edits);
  const after = scanMarker(fixed, skipPrefix(fixed));
  return after?.kind === marker?.kind && after?.number === marker?.number && after?.end === marker?.end;
}
