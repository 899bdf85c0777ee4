/**
 * The number checks of SPEC §8 (GB/T 15835-2011, GB/T 9704-2012), one function per code. A fix replaces only the
 * numerals it names (a digit, a Chinese numeral, a wrong zero, a padding zero).
 */
import { parseChineseNumeral, toChineseNumeral } from '../numerals';
import { isProtected, LineText, MarkEdit, TypographyMark, withEdits } from './text';

/**
 * number.year-short: two digits before 年度 or 年N月 (24年度, 24年5月). Written in full when the century is plain:
 * 00–39 → 20xx, 70–99 → 19xx; 40–69 are reported without a fix.
 */
export function yearShort(t: LineText, out: TypographyMark[]): void {
  if (!t.line.includes('年')) {
    return;
  }
  YEAR_SHORT.lastIndex = t.from;
  for (let m = YEAR_SHORT.exec(t.line); m !== null; m = YEAR_SHORT.exec(t.line)) {
    const start = m.index;
    const end = start + 2;
    if (isProtected(t, start, end)) {
      continue;
    }
    const yy = Number(m[1]);
    const full = yy <= 39 ? '20' + m[1] : yy >= 70 ? '19' + m[1] : undefined;
    out.push({
      code: 'number.year-short',
      kind: full === undefined ? 'unclear' : undefined,
      start,
      end,
      written: m[1] + '年',
      wanted: (full ?? '20' + m[1]) + '年',
      edits: full === undefined ? [] : [{ start, end, newText: full }],
    });
  }
}

const YEAR_SHORT = /(?<![\d０-９.．\-/'’A-Za-z])(\d{2})(?=年度|年\d{1,2}月|年[一二三四五六七八九十]{1,2}月)/g;

/** The digit of a Chinese numeral character (the wrong zeros of a year included, 两 of 两个维护). */
const DIGIT: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  '○': '0',
  O: '0',
  Ｏ: '0',
  '0': '0',
  一: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};
const WRONG_ZERO = '零○OＯ0';

const DATE =
  /(?<![\d〇零○OＯ0一二三四五六七八九十])(?:(\d{4}|[〇零○OＯ0一二三四五六七八九]{4})年(?:(\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:(\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)?)?|(\d{1,2}|十[一二]?|[一二三四五六七八九])月(\d{1,2}|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])日)/g;

interface DatePart {
  readonly start: number;
  readonly text: string;
  readonly year: boolean;
}

const arabic = (s: string) => /^\d+$/.test(s);

/** A Chinese-numeral year: four characters, at least two of them digits 一…九 (二〇二五, 二O二五). */
function chineseYear(s: string): boolean {
  return [...s].filter((c) => '一二三四五六七八九'.includes(c)).length >= 2;
}

/** The part in Arabic numerals, without a padding zero (08 → 8). */
function standardPart(p: DatePart): string {
  if (arabic(p.text)) {
    return p.year ? p.text : String(Number(p.text));
  }
  return p.year ? [...p.text].map((c) => DIGIT[c]).join('') : String(parseChineseNumeral(p.text));
}

/**
 * number.date-form: one date mixing Chinese and Arabic numerals (二〇二五年8月, 2025年八月) → all Arabic (GB/T
 * 9704-2012 7.3.5); a Chinese-numeral year with a wrong zero (二○二五 二O二五 二0二五 二零二五) → 〇; a month or day
 * padded with a zero (2025年01月05日) → without it.
 */
export function dateForm(t: LineText, out: TypographyMark[]): void {
  if (!t.line.includes('年') && !t.line.includes('月')) {
    return;
  }
  DATE.lastIndex = t.from;
  for (let m = DATE.exec(t.line); m !== null; m = DATE.exec(t.line)) {
    const start = m.index;
    const end = start + m[0].length;
    if (isProtected(t, start, end)) {
      continue;
    }
    const parts: DatePart[] = [];
    let at = start;
    for (const [text, year] of [
      [m[1], true],
      [m[2] ?? m[4], false],
      [m[3] ?? m[5], false],
    ] as const) {
      if (text !== undefined) {
        parts.push({ start: at, text, year });
        at += text.length + 1;
      }
    }
    const year = parts[0].year ? parts[0] : undefined;
    if (year !== undefined && !arabic(year.text) && !chineseYear(year.text)) {
      continue; // not a year (〇〇〇〇年)
    }
    if (parts.some((p) => !p.year && !arabic(p.text) && parseChineseNumeral(p.text) === undefined)) {
      continue;
    }
    const mixed = parts.some((p) => arabic(p.text)) && parts.some((p) => !arabic(p.text));
    const edits: MarkEdit[] = [];
    let kind: string;
    if (mixed) {
      kind = 'mixed';
      for (const p of parts) {
        const want = standardPart(p);
        if (!arabic(p.text)) {
          edits.push({ start: p.start, end: p.start + p.text.length, newText: want });
        } else if (want !== p.text) {
          edits.push({ start: p.start, end: p.start + p.text.length - want.length, newText: '' });
        }
      }
    } else if (year !== undefined && !arabic(year.text)) {
      kind = 'zero';
      [...year.text].forEach((c, k) => {
        if (WRONG_ZERO.includes(c)) {
          edits.push({ start: year.start + k, end: year.start + k + 1, newText: '〇' });
        }
      });
    } else if (parts.length >= 2 && arabic(parts[0].text)) {
      kind = 'padded';
      for (const p of parts) {
        if (!p.year && p.text.length === 2 && p.text[0] === '0') {
          edits.push({ start: p.start, end: p.start + 1, newText: '' });
        }
      }
    } else {
      continue;
    }
    if (edits.length === 0) {
      continue;
    }
    out.push({ code: 'number.date-form', kind, start, end, written: m[0], wanted: withEdits(t.line, edits, start, end), edits });
  }
}

/** A set expression written with Chinese numerals: each digit may be written as a digit (三会一课 → 3会1课). */
const LEXICON: readonly (readonly [string, string?])[] = [
  ['四个意识', '形态'],
  ['四个自信'],
  ['两个维护'],
  ['两个确立'],
  ['五位一体'],
  ['三会一课'],
  ['两学一做'],
  ['三严三实'],
  ['三重一大'],
  ['一岗双责'],
  ['中央八项规定'],
  ['四风问题'],
  ['两个务必'],
];

/** The set expressions: a pattern, and for a word of the lexicon the word (its digits become its characters). */
const SET_EXPRESSIONS: readonly { readonly re: RegExp; readonly word?: string }[] = [
  { re: /(?:党的|中共)(\d{1,2})(?:次全国代表)?大/g },
  { re: /(?<![\d.．])(\d{1,2})大(?=精神|报告|以来|党章|代表|胜利召开|重要|主题|部署|提出|强调|作出)/g },
  { re: /(?<![\d.．])(\d{1,2})届(?:(\d|[一二三四五六七八九])中全会|(?=中央|全国人大|全国政协|中央纪委))/g },
  { re: /(?<![\d.．届])(\d)中全会/g },
  { re: /十(\d)五/g },
  { re: /(?<![\d.．])(1\d)五(?=规划|时期|期间|末|以来|”|’|")/g },
  ...LEXICON.map(([word, not]) => ({
    re: new RegExp(
      [...word].map((c) => (DIGIT[c] !== undefined ? `(?:${c}|${DIGIT[c]})` : c)).join('') + (not !== undefined ? `(?!${not})` : ''),
      'g',
    ),
    word,
  })),
];

/** number.fixed-chinese: 党的20大, 20届3中全会, 十4五, 3会1课 … take Chinese numerals (GB/T 15835-2011). */
export function fixedChinese(t: LineText, out: TypographyMark[]): void {
  const { line } = t;
  if (!/\d/.test(line.slice(t.from))) {
    return;
  }
  const found: TypographyMark[] = [];
  for (const { re, word } of SET_EXPRESSIONS) {
    re.lastIndex = t.from;
    for (let m = re.exec(line); m !== null; m = re.exec(line)) {
      const start = m.index;
      const end = start + m[0].length;
      if (isProtected(t, start, end) || found.some((f) => f.start < end && start < f.end)) {
        continue;
      }
      const edits: MarkEdit[] = [];
      for (let k = start; k < end;) {
        if (!/\d/.test(line[k])) {
          k++;
          continue;
        }
        let e = k;
        while (e < end && /\d/.test(line[e])) {
          e++;
        }
        const newText = word !== undefined ? word.slice(k - start, e - start) : toChineseNumeral(Number(line.slice(k, e)));
        edits.push({ start: k, end: e, newText });
        k = e;
      }
      if (edits.length > 0) {
        found.push({ code: 'number.fixed-chinese', start, end, written: m[0], wanted: withEdits(line, edits, start, end), edits });
      }
    }
  }
  found.sort((a, b) => a.start - b.start);
  out.push(...found);
}
