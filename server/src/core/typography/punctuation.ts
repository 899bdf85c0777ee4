/**
 * The punctuation checks of SPEC §8 (GB/T 15834-2011), one function per code, each reading one line from a column on
 * and adding what it finds. A fix replaces only the marks it names.
 */
import { inEnglishClause, isAsciiDigit, isChineseSide, isIdeograph, isLatinLetter, isProtected, LineText, TypographyMark } from './text';

function chineseAt(line: string, i: number): boolean {
  return i >= 0 && i < line.length && isChineseSide(line.charCodeAt(i));
}

const HALF_WIDTH = /[,;:?!]/g;
const FULL_WIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };

/** punct.half-width: `, ; : ? !` next to Chinese text (never between digits: 3,000, 9:30), outside English clauses. */
export function halfWidth(t: LineText, out: TypographyMark[]): void {
  const { line } = t;
  HALF_WIDTH.lastIndex = t.from;
  for (let m = HALF_WIDTH.exec(line); m !== null; m = HALF_WIDTH.exec(line)) {
    const i = m.index;
    const ch = line[i];
    if (isProtected(t, i)) {
      continue;
    }
    if ((chineseAt(line, i - 1) || chineseAt(line, i + 1)) && !inEnglishClause(line, i)) {
      const wanted = FULL_WIDTH[ch];
      out.push({ code: 'punct.half-width', start: i, end: i + 1, written: ch, wanted, edits: [{ start: i, end: i + 1, newText: wanted }] });
    }
  }
  halfWidthBrackets(t, out);
}

/**
 * Half-width brackets as pairs: `(`…`)` (or mixed with a full-width one) is reported once, naming both, when Chinese
 * text stands just outside or inside it or its other bracket is full-width; a lone one when Chinese text touches it.
 */
function halfWidthBrackets(t: LineText, out: TypographyMark[]): void {
  const { line } = t;
  if (!line.includes('(') && !line.includes(')')) {
    return;
  }
  const open: number[] = [];
  const lone = (i: number) => {
    if (chineseAt(line, i - 1) || chineseAt(line, i + 1)) {
      const wanted = FULL_WIDTH[line[i]];
      out.push({
        code: 'punct.half-width',
        start: i,
        end: i + 1,
        written: line[i],
        wanted,
        edits: [{ start: i, end: i + 1, newText: wanted }],
      });
    }
  };
  for (let i = t.from; i < line.length; i++) {
    const ch = line[i];
    if (isProtected(t, i) || (ch !== '(' && ch !== ')' && ch !== '（' && ch !== '）')) {
      continue;
    }
    if (ch === '(' || ch === '（') {
      open.push(i);
      continue;
    }
    const o = open.pop();
    if (o === undefined) {
      if (ch === ')') {
        lone(i);
      }
      continue;
    }
    if (line[o] === '（' && ch === '）') {
      continue;
    }
    const chinese =
      line[o] === '（' ||
      ch === '）' ||
      chineseAt(line, o - 1) ||
      chineseAt(line, i + 1) ||
      [...line.slice(o + 1, i)].some((c) => isIdeograph(c.charCodeAt(0)));
    if (chinese) {
      const edits = [o, i]
        .filter((k) => line[k] === '(' || line[k] === ')')
        .map((k) => ({ start: k, end: k + 1, newText: FULL_WIDTH[line[k]] }));
      out.push({
        code: 'punct.half-width',
        start: o,
        end: i + 1,
        written: line.slice(o, i + 1),
        wanted: '（' + line.slice(o + 1, i) + '）',
        edits,
      });
    }
  }
  for (const o of open) {
    if (line[o] === '(') {
      lone(o);
    }
  }
}

/**
 * punct.quotes: straight `"` (and `'`) paired in order within the line; a pair around Chinese text becomes “…”
 * (‘…’). An apostrophe between letters or digits (it's, 90's) is not a quote; an unpaired quote is left alone.
 */
export function quotes(t: LineText, out: TypographyMark[]): void {
  const { line } = t;
  for (const [q, open, close] of [
    ['"', '“', '”'],
    ["'", '‘', '’'],
  ] as const) {
    if (!line.includes(q)) {
      continue;
    }
    const at: number[] = [];
    for (let i = t.from; i < line.length; i++) {
      if (line[i] !== q || isProtected(t, i)) {
        continue;
      }
      const before = line.charCodeAt(i - 1);
      const after = line.charCodeAt(i + 1);
      const word = (c: number) => isLatinLetter(c) || isAsciiDigit(c);
      if (q === "'" && word(before) && word(after)) {
        continue; // an apostrophe
      }
      at.push(i);
    }
    for (let k = 0; k + 1 < at.length; k += 2) {
      const a = at[k];
      const b = at[k + 1];
      const inner = line.slice(a + 1, b);
      if ([...inner].some((c) => isIdeograph(c.charCodeAt(0)))) {
        out.push({
          code: 'punct.quotes',
          start: a,
          end: b + 1,
          written: q + inner + q,
          wanted: open + inner + close,
          edits: [
            { start: a, end: a + 1, newText: open },
            { start: b, end: b + 1, newText: close },
          ],
        });
      }
    }
  }
}

/** punct.dunhao-between-titles: `》、《` or `”、“` (GB/T 15834-2011 4.5.3.5): the 顿号 goes. */
export function dunhaoBetweenTitles(t: LineText, out: TypographyMark[]): void {
  const { line } = t;
  for (let i = line.indexOf('、', t.from); i >= 0; i = line.indexOf('、', i + 1)) {
    const before = line[i - 1];
    const after = line[i + 1];
    if ((before === '》' || before === '”') && (after === '《' || after === '“') && !isProtected(t, i)) {
      out.push({
        code: 'punct.dunhao-between-titles',
        start: i,
        end: i + 1,
        written: before + '、' + after,
        wanted: before + after,
        edits: [{ start: i, end: i + 1, newText: '' }],
      });
    }
  }
}

/**
 * punct.ordinal: 第一、 其一、 首先、 其次、 再次、 opening a clause inside text take a comma (B.3.1). Not 第一、二季度 or
 * 第一、第二批, where the 顿号 joins ordinals.
 */
export function ordinal(t: LineText, out: TypographyMark[]): void {
  const { line } = t;
  ORDINAL.lastIndex = t.from;
  for (let m = ORDINAL.exec(line); m !== null; m = ORDINAL.exec(line)) {
    const comma = m.index + m[0].length - 1;
    if (isProtected(t, comma)) {
      continue;
    }
    out.push({
      code: 'punct.ordinal',
      start: m.index,
      end: comma + 1,
      written: m[0],
      wanted: m[0].slice(0, -1) + '，',
      edits: [{ start: comma, end: comma + 1, newText: '，' }],
    });
  }
}

/** An ordinal at the start of a clause (排名第一、综合得分最高 joins two predicates: its 顿号 stays). */
const ORDINAL =
  /(?<![^\s。；：！？，,;:!?“"（(*】\]>])(?:第[一二三四五六七八九十]{1,3}|其[一二三四五六七八九十]|首先|其次|再次)、(?![第一二三四五六七八九十0-9０-９])/g;

/**
 * punct.ellipsis: `...` (any run of three or more dots), `。。。`, `．．．`, and `…` runs of odd length (`…` alone):
 * a Chinese ellipsis is `……`. Not dot leaders before a page number, not between digits, not in English clauses.
 */
export function ellipsis(t: LineText, out: TypographyMark[]): void {
  const { line } = t;
  ELLIPSIS.lastIndex = t.from;
  for (let m = ELLIPSIS.exec(line); m !== null; m = ELLIPSIS.exec(line)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0][0] === '…' && m[0].length % 2 === 0) {
      continue;
    }
    if (isProtected(t, start) || /^\s*\d+\s*$/.test(line.slice(end))) {
      continue; // protected, or a contents line's dot leader
    }
    if (isAsciiDigit(line.charCodeAt(start - 1)) && isAsciiDigit(line.charCodeAt(end))) {
      continue;
    }
    if ((m[0][0] === '.' || m[0][0] === '…') && inEnglishClause(line, start)) {
      continue;
    }
    out.push({ code: 'punct.ellipsis', start, end, written: m[0], wanted: '……', edits: [{ start, end, newText: '……' }] });
  }
}

const ELLIPSIS = /\.{3,}|。{3,}|．{3,}|…+/g;

const DASH = /[-~－]/g;

/**
 * punct.range: a range of years or dates written with `-`, `~` or `－` (2024-2025年, 1-3月, 5日-10日, 3月5日~4月10日)
 * takes the 一字线 `—` (GB/T 15834-2011 4.13). Not 2025-01-05, not GB/T 9704-2012, not numeric ranges (1-3条).
 */
export function range(t: LineText, out: TypographyMark[]): void {
  const { line } = t;
  DASH.lastIndex = t.from;
  for (let m = DASH.exec(line); m !== null; m = DASH.exec(line)) {
    const i = m.index;
    if (isProtected(t, i)) {
      continue;
    }
    const left = LEFT.exec(line.slice(Math.max(t.from, i - 12), i));
    const right = RIGHT.exec(line.slice(i + 1, i + 14));
    if (left === null || right === null) {
      continue;
    }
    const [l, lu] = [left[1], left[2] ?? ''];
    const [r, ru] = [right[1], right[2]];
    const year = (s: string) => s.length === 4;
    const upTo = (s: string, max: number) => s.length <= 2 && Number(s) >= 1 && Number(s) <= max;
    const ok =
      (ru.startsWith('年') && year(l) && year(r) && (lu === '' || lu.startsWith('年'))) ||
      (ru === '月' && upTo(r, 12) && ((upTo(l, 12) && (lu === '' || lu === '月')) || (lu === '日' && upTo(l, 31)))) ||
      (ru === '日' && upTo(r, 31) && upTo(l, 31) && (lu === '' || lu === '日'));
    if (!ok) {
      continue;
    }
    const start = i - left[0].length;
    const end = i + 1 + right[0].length;
    out.push({
      code: 'punct.range',
      start,
      end,
      written: line.slice(start, end),
      wanted: line.slice(start, i) + '—' + line.slice(i + 1, end),
      edits: [{ start: i, end: i + 1, newText: '—' }],
    });
  }
}

/** What may stand before a range's dash: a number, optionally its unit (2024, 2024年, 3月, 5日), and spaces. */
const LEFT = /(?<![\d.．:：/])(\d{1,4})(年度|年|月|日)?\s*$/;
/** What must follow it: spaces, a number and its unit. */
const RIGHT = /^\s*(\d{1,4})(年度|年|月|日)/;
