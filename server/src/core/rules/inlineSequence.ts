/** inline.sequence: 一是 … 三是 with 二是 missing, or out of order, within one part's own text. */
import { MAX_INLINE_NUMBER, renumberInline } from '../edits';
import { MESSAGES, msg } from '../messages';
import type { InlineRef } from '../model';
import { toChineseNumeral } from '../numerals';
import type { TextRule } from '../rule';

/** 一是 / 第一， / 其一 are separate enumerations. */
function form(ref: InlineRef): string {
  return ref.item.text.startsWith('第') ? '第' : ref.item.text.startsWith('其') ? '其' : '是';
}

export const inlineSequence: TextRule = {
  id: 'inline-sequence',
  codes: ['inline.sequence'],
  scope: 'text',
  check(part, { outline }, report) {
    const runs = new Map<string, InlineRef[][]>();
    for (const ref of outline.textOf(part).inline) {
      const f = form(ref);
      let list = runs.get(f);
      if (list === undefined) {
        list = [];
        runs.set(f, list);
      }
      if (list.length === 0 || ref.item.number === 1) {
        list.push([]);
      }
      list[list.length - 1].push(ref);
    }
    for (const list of runs.values()) {
      for (const run of list) {
        const bad = run.findIndex((r, i) => r.item.number !== i + 1);
        if (bad < 0) {
          continue;
        }
        const r = run[bad];
        const wantText = r.item.text.replace(/[一二三四五六七八九十]+/, toChineseNumeral(bad + 1));
        const prevText = bad > 0 ? run[bad - 1].item.text : '';
        const template = bad === 0 || r.item.number > run[bad - 1].item.number ? MESSAGES.inlineGap : MESSAGES.inlineOrder;
        report({
          code: 'inline.sequence',
          line: r.line,
          character: r.item.start,
          endLine: r.line,
          endCharacter: r.item.end,
          message: msg(template, prevText || '—', r.item.text, wantText),
          fix: run.length <= MAX_INLINE_NUMBER ? { title: msg(MESSAGES.fixInline), build: () => renumberInline(run) } : undefined,
        });
      }
    }
  },
};
