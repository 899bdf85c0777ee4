/**
 * Generated self-inspection materials for the folder tests and the folder benchmark: random CJK text in the shape of
 * SPEC §1 (title, preamble, 一、二、三、 with （一）… sub-sections, paragraphs of 80–300 characters, a closing), so that
 * no two materials share a passage unless a test plants one.
 */

/** A random ideograph of the common block (U+4E00…U+9FA5). */
function ideograph(rand: () => number): string {
  return String.fromCharCode(0x4e00 + Math.floor(rand() * (0x9fa5 - 0x4e00)));
}

/** A paragraph of about `chars` characters: ideographs with a comma every 8–15 and a full stop at the end. */
export function paragraph(rand: () => number, chars: number): string {
  let out = '';
  let next = 8 + Math.floor(rand() * 8);
  for (let i = 0; i < chars; i++) {
    out += ideograph(rand);
    if (--next === 0 && i < chars - 2) {
      out += '，';
      next = 8 + Math.floor(rand() * 8);
    }
  }
  return out + '。';
}

/** Replaces about `share` of the ideographs of a text with other ones, spread over it. */
export function edited(rand: () => number, text: string, share: number): string {
  const chars = [...text];
  const positions = chars.map((c, i) => (/\p{Script=Han}/u.test(c) ? i : -1)).filter((i) => i >= 0);
  const count = Math.round(positions.length * share);
  const step = positions.length / Math.max(count, 1);
  for (let k = 0; k < count; k++) {
    const i = positions[Math.floor(k * step + rand() * step * 0.5)];
    let c = ideograph(rand);
    while (c === chars[i]) {
      c = ideograph(rand);
    }
    chars[i] = c;
  }
  return chars.join('');
}

const LEVEL2 = ['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'];
const PARTS = ['一、存在的主要问题', '二、产生问题的原因', '三、努力方向和整改措施'];

/** A self-inspection material of about `chars` characters; `planted` paragraphs are placed in the problems part. */
export function material(rand: () => number, chars: number, planted: readonly string[] = []): string {
  const lines = ['2025年度民主生活会个人对照检查材料', '按照要求，现将个人对照检查情况报告如下。'];
  const perPart = Math.max(100, Math.floor(chars / PARTS.length));
  PARTS.forEach((part, p) => {
    lines.push(part);
    let written = 0;
    for (let s = 0; s < LEVEL2.length && written < perPart; s++) {
      lines.push(`${LEVEL2[s]}${paragraph(rand, 6 + Math.floor(rand() * 6))}`);
      for (let k = 0; k < 6 && written < perPart; k++) {
        const n = 80 + Math.floor(rand() * 220);
        lines.push(paragraph(rand, n));
        written += n;
      }
      if (p === 0 && s === 0) {
        lines.push(...planted);
      }
    }
  });
  lines.push('以上是我的对照检查，请各位同志批评指正。');
  return lines.join('\n') + '\n';
}
