/** Chinese and Arabic numerals as they appear in 公文 heading markers. Pure; no imports. */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that can make up a Chinese numeral (used by the scanner's fast checks). */
export const CHINESE_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千';

export function isChineseNumeralChar(ch: string): boolean {
  return ch.length === 1 && CHINESE_NUMERAL_CHARS.includes(ch);
}

/**
 * Parses 一 … 十 … 九十九, 一百零一 and the like. Returns undefined for anything that is not a well-formed numeral
 * (十十, 一一, 百 with nothing valid, and so on), so that words such as 一一 or 十分 are never taken for numbers.
 */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0 || text.length > 8) {
    return undefined;
  }
  let total = 0;
  let pending = -1; // a digit waiting for its unit
  let lastUnit = Infinity;
  let zeroSeen = false;
  for (const ch of text) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (pending >= 0) {
        return undefined; // two digits in a row (一一), except after 零 handled below
      }
      if (d === 0) {
        if (zeroSeen || total === 0) {
          return undefined;
        }
        zeroSeen = true;
        continue;
      }
      pending = d;
      continue;
    }
    const u = UNITS[ch];
    if (u === undefined || u >= lastUnit) {
      return undefined;
    }
    if (pending < 0) {
      // 十 alone at the start means 一十; elsewhere a unit needs a digit.
      if (u === 10 && total === 0) {
        pending = 1;
      } else {
        return undefined;
      }
    }
    total += pending * u;
    pending = -1;
    lastUnit = u;
    zeroSeen = false;
  }
  if (pending >= 0) {
    total += pending;
  }
  return total > 0 ? total : undefined;
}

/** 1 → 一, 11 → 十一, 21 → 二十一, 101 → 一百零一. */
export function toChineseNumeral(n: number): string {
  const digits = '零一二三四五六七八九';
  if (!Number.isInteger(n) || n <= 0 || n >= 10000) {
    return String(n);
  }
  if (n < 10) {
    return digits[n];
  }
  if (n < 20) {
    return '十' + (n % 10 === 0 ? '' : digits[n % 10]);
  }
  const parts: string[] = [];
  const units = ['千', '百', '十', ''];
  const values = [1000, 100, 10, 1];
  let zero = false;
  let started = false;
  for (let i = 0; i < 4; i++) {
    const d = Math.floor(n / values[i]) % 10;
    if (d === 0) {
      zero = started;
      continue;
    }
    if (zero) {
      parts.push('零');
      zero = false;
    }
    parts.push(digits[d] + units[i]);
    started = true;
  }
  return parts.join('');
}

/** Full-width digits ０-９ to ASCII; other characters unchanged. */
export function toAsciiDigits(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xff10 + 48) : text[i];
  }
  return out;
}

/** ① … ⑳ → 1 … 20, otherwise undefined. */
export function circledValue(ch: string): number | undefined {
  const c = ch.charCodeAt(0);
  return ch.length === 1 && c >= 0x2460 && c <= 0x2473 ? c - 0x2460 + 1 : undefined;
}

export function toCircled(n: number): string {
  return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
}
