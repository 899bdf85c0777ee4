/**
 * Title patterns of profiles. A pattern is a list of alternatives separated by `|`; in an alternative `*` stands for
 * any text and everything else is literal: `存在*问题|问题*不足`. Matching is a chain of indexOf calls, so no pattern
 * from a user or a workspace file can make matching slower than linear (no regular expressions, no backtracking).
 */

/** Traditional forms of the characters that occur in section titles, mapped to the simplified forms. */
const TRADITIONAL =
  '問題擺檢視剖實際進顯層麵務擔當責開會組織歷點個兩項頭應總結報單經濟設計劃認識體無動態級專門對說現並與為產後來學習黨幹討論決紀嚴淺舉況關們麼礎鬆懶虛階據讓這將從於幾處陳職權';
const SIMPLIFIED =
  '问题摆检视剖实际进显层面务担当责开会组织历点个两项头应总结报单经济设计划认识体无动态级专门对说现并与为产后来学习党干讨论决纪严浅举况关们么础松懒虚阶据让这将从于几处陈职权';

const MAP = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i++) {
  MAP.set(TRADITIONAL[i], SIMPLIFIED[i]);
}

/** Folds traditional characters, drops spaces and Markdown decoration, so titles compare as people read them. */
export function normalizeTitle(text: string): string {
  let out = '';
  for (const ch of text) {
    if (/[\s*_#]/.test(ch)) {
      continue;
    }
    out += MAP.get(ch) ?? ch;
  }
  return out;
}

export type TitleMatcher = (normalizedTitle: string) => boolean;

/** True when the pieces occur in `text` in this order, without overlapping (leftmost matching is exact here). */
export function containsInOrder(text: string, pieces: Iterable<string>): boolean {
  let from = 0;
  for (const piece of pieces) {
    const at = text.indexOf(piece, from);
    if (at < 0) {
      return false;
    }
    from = at + piece.length;
  }
  return true;
}

export function compilePattern(pattern: string): TitleMatcher {
  const alternatives = pattern
    .split('|')
    .map((alt) =>
      alt
        .split('*')
        .map(normalizeTitle)
        .filter((piece) => piece.length > 0),
    )
    .filter((pieces) => pieces.length > 0);
  return (title) => alternatives.some((pieces) => containsInOrder(title, pieces));
}
