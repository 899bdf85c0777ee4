/**
 * Property tests (fast-check) over documents generated from heading markers (every kind and variant), titles, body
 * text and noise: random brackets, digits, punctuation, whitespace of every kind, Markdown decoration, emoji and CJK
 * Extension B characters (surrogate pairs in UTF-16), lone surrogates, NUL, and \n, \r\n and \r line breaks.
 *
 * - the outline is well formed: sections nest, every range lies in the document, selection ranges lie in their
 *   ranges, folding ranges are valid and within the client's limit, and every position is in UTF-16 code units as
 *   vscode-languageserver-textdocument (VS Code's model) counts them: the text at a marker's range is the marker;
 * - the same text always gives the same result, and incremental edits give what a fresh parse gives;
 * - every edit the product proposes (`data.edits` of each diagnostic) changes only marker characters (SPEC §6): after
 *   applying them every other character is still there, in order, except the whole lines section.missing inserts;
 *   applying the fixes and analysing again proposes nothing more for the same code (the fix converges);
 * - title patterns and association globs (from hostile settings) match as their regular-expression reading would,
 *   in linear time; resolveConfig takes any JSON without throwing and gives a usable config.
 *
 * Failing cases are kept as regression fixtures in test/fixtures/regressions/*.txt, which go through the same
 * document checks on every run. The seed of a failure is printed by fast-check; rerun it with FC_SEED=<seed>.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompletionItemKind, DocumentSymbol } from 'vscode-languageserver';
import { completionItems } from '../../server/src/service/completion';
import { analyze, Analysis, Diagnosis, MAX_REPORTED, resolveProfile } from '../../server/src/core/analyze';
import { CODES } from '../../server/src/core/codes';
import { Config, DEFAULT_CONFIG, MAX_OUTLINE_ITEMS, resolveConfig } from '../../server/src/core/config';
import { applyLineEdits, LineEdit, MAX_INLINE_NUMBER, MAX_NUMBER, standardMarker } from '../../server/src/core/edits';
import { matchGlob } from '../../server/src/core/glob';
import { LineTable, splitLines } from '../../server/src/core/lines';
import { format } from '../../server/src/core/messages';
import type { Outline, Section } from '../../server/src/core/model';
import { parse } from '../../server/src/core/parser';
import { compilePattern, normalizeTitle } from '../../server/src/core/pattern';
import { scanLine } from '../../server/src/core/scanner';
import { toChineseNumeral } from '../../server/src/core/numerals';
import { toDiagnostics } from '../../server/src/service/diagnostics';
import { GongwenDocument } from '../../server/src/service/document';
import { documentSymbols, outlineSize } from '../../server/src/service/documentSymbols';
import { foldingRanges } from '../../server/src/service/folding';
import { applyToText, plainAnalysis } from './helpers';
import { fixAll, isSafeFix } from '../../server/src/core/fixAll';
import type { FixOffer } from '../../server/src/core/rule';

const ROOT = join(__dirname, '..', '..', '..');
const REGRESSIONS = join(ROOT, 'test', 'fixtures', 'regressions');

/** FC_SEED reproduces a failure; FC_RUNS scales every property (e.g. FC_RUNS=10 for a long local soak). */
const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
const SCALE = Number(process.env.FC_RUNS ?? '1');
const params = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns: Math.round(numRuns * SCALE),
  seed: SEED,
  includeErrorInReport: true,
});

const t = (template: string, ...args: (string | number)[]): string => format({ template, args });

// ---------------------------------------------------------------------------------------------------------------
// Generators

const CJK =
  '的是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经之进着等部度家力里如水化高自理起小物现实加量都体制机当使点从业本去把性好应开它合还因由其些然前外天政日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几区强放决西被干做必战先回则任取据处队南给色光门即保治北造规热领海口东导器压志世金增争济阶油思术极交受联什认共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const NOISE = [
  '（',
  '）',
  '(',
  ')',
  '【',
  '】',
  '[',
  ']',
  '“',
  '”',
  '‘',
  '’',
  '《',
  '》',
  '「',
  '」',
  '"',
  '0',
  '1',
  '2',
  '9',
  '０',
  '１',
  '３',
  '。',
  '，',
  '、',
  '；',
  '：',
  '！',
  '？',
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  '…',
  '—',
  '·',
  '%',
  ' ',
  '\t',
  '\u3000',
  '\u00a0',
  '\u2003',
  '\u200b',
  '\ufeff',
  '\v',
  '\f',
  '&nbsp;',
  '#',
  '**',
  '__',
  '*',
  '_',
  '>',
  '-',
  '`',
  '＊',
  '😀',
  '👍🏽',
  '𠀀',
  '𠮷',
  '𪚥',
  '\ud800',
  '\udc00',
  '\u0000',
  '\u0007',
  'XX',
  'xx',
  'x',
  '×××',
  '某某',
  'X月X日',
  '【单位名称】',
  '[城市名称]',
  '20**年',
  '一是',
  '二是',
  '三是',
  '五是',
  '第一，',
  '第二，',
  '其一，',
  '其三，',
  '以下三个方面',
  '两个方面',
];
const TITLES = [
  '存在的主要问题',
  '存在的突出问题',
  '查摆出的问题',
  '问题和不足',
  '產生問題的原因',
  '产生问题的原因分析',
  '原因剖析',
  '努力方向和整改措施',
  '整改措施',
  '下一步工作打算',
  '上一年度民主生活会整改措施落实情况',
  '需要说明的问题',
  '学习不够深入',
  '关于“区委核心作用发挥不充分，统领经济社会发展的能力需要进一步增强”方面',
  '理想信念有所松懈',
  '加强理论学习',
  '工作总结',
  '主要做法',
  '',
];
const TERMINATORS = ['', '', '。', '：', '；', '！', '？', ':', '。 ', '**。', '。**'];

const cjkText = (maxLength: number) => fc.string({ unit: fc.constantFrom(...CJK), maxLength });
const noisyText = (maxLength: number) =>
  fc
    .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CJK) }, { weight: 2, arbitrary: fc.constantFrom(...NOISE) }), { maxLength })
    .map((parts) => parts.join(''));

/** Numbers mostly small (so gaps, duplicates and starts other than one are common), sometimes large. */
const number = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 5 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 25 }) },
  { weight: 1, arbitrary: fc.integer({ min: 90, max: 1200 }) },
);
const cnNumeral = fc.oneof(
  { weight: 8, arbitrary: number.map((n) => (n === 0 ? '〇' : toChineseNumeral(n))) },
  { weight: 1, arbitrary: fc.constantFrom('两', '十十', '一一', '零', '一百零一', '百') },
);
const digits = fc
  .tuple(number, fc.boolean())
  .map(([n, wide]) => (wide ? String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : String(n)));
const open = fc.constantFrom('（', '（', '（', '(');
const close = fc.constantFrom('）', '）', '）', ')');

const marker = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(cnNumeral, fc.constantFrom('、', '、', '、', '.', '．', '，', ',', ' ', '\u3000')).map(([n, s]) => n + s),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(cnNumeral, fc.constantFrom('部分', '章', '篇'), fc.constantFrom('', ' ', '：', '、'))
      .map(([n, u, s]) => '第' + n + u + s),
  },
  { weight: 4, arbitrary: fc.tuple(open, cnNumeral, close, fc.constantFrom('', '', '、', '.')).map(([o, n, c, s]) => o + n + c + s) },
  { weight: 4, arbitrary: fc.tuple(digits, fc.constantFrom('.', '.', '.', '．', '、', '，', ',')).map(([n, s]) => n + s) },
  { weight: 3, arbitrary: fc.tuple(open, digits, close, fc.constantFrom('', '', '、', '.')).map(([o, n, c, s]) => o + n + c + s) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 22 }), fc.constantFrom('', '', '、', '.'))
      .map(([n, s]) => (n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n)) + s),
  },
  { weight: 1, arbitrary: fc.tuple(digits, fc.constantFrom('）', ')')).map(([n, c]) => n + c) },
  { weight: 1, arbitrary: fc.constantFrom('3.5亿元', '2025年', '12.5%', '1.2万人', '7', '（一）……3', '一、总则........5') },
);
const indent = fc.constantFrom('', '', '', '', ' ', '  ', '\t', '\u3000\u3000', '&nbsp;', '\u00a0');
const decoration = fc.constantFrom('', '', '', '', '# ', '## ', '###### ', '**', '__', '> ', '- ', '* ', '+ ', '> **', '#');

const headingLine = fc
  .tuple(
    indent,
    decoration,
    marker,
    fc.constantFrom('', '', ' '),
    fc.oneof(fc.constantFrom(...TITLES), cjkText(12), noisyText(10)),
    fc.constantFrom(...TERMINATORS),
    fc.oneof(fc.constant(''), noisyText(25)),
  )
  .map(([i, d, m, sp, title, term, body]) => i + d + m + sp + title + (d.includes('**') ? '**' : '') + term + body);
const bodyLine = fc.oneof(
  { weight: 3, arbitrary: noisyText(40) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        cjkText(10),
        fc.constantFrom('一是', '二是', '三是', '四是', '第一，', '第三，', '其一，', '其二，'),
        cjkText(8),
        fc.constantFrom('。', '；', ''),
      )
      .map((p) => p.join('')),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '主要有以下三个方面：',
      '存在以下两个方面的问题。',
      '表现为五点。',
      '附件：',
      '目录',
      '附件：1.问题清单',
      '以上是我的个人对照检查，请各位同志批评指正。',
      '最后，恳请大家批评指正。',
      '---',
      '* * *',
      '> ',
    ),
  },
  { weight: 1, arbitrary: cjkText(30) },
);
const blankLine = fc.constantFrom('', '', ' ', '\t', '\u3000', '  \u00a0');
const line = fc.oneof({ weight: 4, arbitrary: headingLine }, { weight: 4, arbitrary: bodyLine }, { weight: 2, arbitrary: blankLine });
const eol = fc.constantFrom('\n', '\n', '\n', '\n', '\r\n', '\r\n', '\r');

/** A document: a title line sometimes, then lines joined with mixed line breaks. */
const mixedText = fc
  .tuple(
    fc.constantFrom('', '', '民主生活会个人对照检查材料', '# 组织生活会发言提纲', '2026年工作总结', '😀𠀀'),
    fc.array(fc.tuple(line, eol), { maxLength: 30 }),
    fc.boolean(),
  )
  .map(([title, lines, finalEol]) => {
    let text = title === '' ? '' : title + '\n';
    lines.forEach(([l, e], i) => {
      text += l + (i < lines.length - 1 || finalEol ? e : '');
    });
    return text;
  });
const documentText = fc.oneof({ weight: 5, arbitrary: mixedText }, { weight: 1, arbitrary: fc.constant(null).chain(() => siblingsText) });

/** Long runs of sibling headings of one kind (past ⑳, past 999), numbered at random, with text between. */
const siblingsText = fc
  .tuple(
    fc.constantFrom('', '工作总结\n', '民主生活会对照检查材料\n'),
    fc.constantFrom('cn', 'cn-paren', 'num', 'num-paren', 'circled', 'num-half'),
    fc.array(
      fc.tuple(
        fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 20 }) }, { weight: 1, arbitrary: fc.integer({ min: 990, max: 1010 }) }),
        fc.oneof(fc.constant(''), cjkText(6)),
        fc.boolean(),
      ),
      { minLength: 1, maxLength: 26, size: 'max' },
    ),
  )
  .map(
    ([title, kind, items]) =>
      title +
      items
        .map(([big, t, body]) => {
          const n = kind === 'circled' || kind === 'cn' || kind === 'cn-paren' ? big % 21 || 1 : big;
          const m =
            kind === 'cn'
              ? toChineseNumeral(n) + '、'
              : kind === 'cn-paren'
                ? '（' + toChineseNumeral(n) + '）'
                : kind === 'num'
                  ? n + '.'
                  : kind === 'num-paren'
                    ? '（' + n + '）'
                    : kind === 'circled'
                      ? n <= 20
                        ? String.fromCharCode(0x2460 + n - 1)
                        : String(n)
                      : n + '）';
          return m + '标题' + t + (body ? '\n正文' + t + '。' : '');
        })
        .join('\n'),
  );

// ---------------------------------------------------------------------------------------------------------------
// Checks of one document

interface Checked {
  outline: Outline;
  analysis: Analysis;
}

function plain(o: Outline, sections: readonly Section[]): unknown[] {
  return sections.map((s) => ({
    line: s.line,
    endLine: o.endOf(s),
    marker: s.marker,
    title: o.titleOf(s),
    titleEndLine: o.titleOf(s).endLine,
    text: o.textOf(s),
    children: plain(o, s.children),
  }));
}

function plainOutline(o: Outline): unknown {
  return {
    lineCount: o.lineCount,
    sections: plain(o, o.sections),
    root: o.textOf(o.root),
    closingLine: o.closingLine,
  };
}

interface Pos {
  line: number;
  character: number;
}

/** The position is in the document: an existing line, a column from 0 to the line's length (UTF-16 units). */
function assertInDocument(ref: TextDocument, lines: readonly string[], p: Pos, what: string): void {
  assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < ref.lineCount, `${what}: line ${p.line} of ${ref.lineCount}`);
  assert.ok(
    Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length,
    `${what}: character ${p.character} of ${lines[p.line].length} on line ${p.line}`,
  );
}

function before(a: Pos, b: Pos): boolean {
  return a.line < b.line || (a.line === b.line && a.character <= b.character);
}

function textAt(ref: TextDocument, start: Pos, end: Pos): string {
  return ref.getText({ start, end });
}

function checkDocument(text: string, config: Config = DEFAULT_CONFIG, path = 'doc.txt', rangeLimit = 5000): Checked {
  const table = LineTable.of(text);
  assert.equal(table.getText(), text, 'the line table keeps the text exactly');
  const ref = TextDocument.create('file:///doc.txt', 'gongwen', 1, text);
  assert.equal(table.lineCount, ref.lineCount, 'as many lines as VS Code sees');
  const lines: string[] = [];
  for (let i = 0; i < table.lineCount; i++) {
    lines.push(table.line(i));
    const end = i + 1 < ref.lineCount ? ref.positionAt(ref.offsetAt({ line: i + 1, character: 0 }) - 1) : ref.positionAt(text.length);
    assert.equal(
      table.line(i),
      textAt(ref, { line: i, character: 0 }, { line: i, character: end.character }).replace(/\r$/, ''),
      `line ${i}`,
    );
  }
  const outline = parse(table);
  assert.equal(outline.lineCount, ref.lineCount);

  // sections: document order, nesting, ranges, markers at their UTF-16 columns
  const order: Section[] = [];
  const walk = (list: readonly Section[], parent: Section | undefined): void => {
    list.forEach((s, i) => {
      order.push(s);
      assert.equal(s.parent, parent, 'parent link');
      assert.ok(
        s.line <= outline.titleOf(s).endLine && outline.titleOf(s).endLine <= outline.endOf(s) && outline.endOf(s) < outline.lineCount,
        `section at ${s.line}: lines ${s.line}…${outline.titleOf(s).endLine}…${outline.endOf(s)}`,
      );
      assert.ok(outline.titleOf(s).endLine - s.line < 3, 'a title spans at most 3 lines');
      assert.equal(lines[s.line].slice(s.marker.start, s.marker.end), s.marker.text, 'marker text at its columns');
      assert.ok(
        s.marker.start <= s.marker.numberStart && s.marker.numberStart < s.marker.numberEnd && s.marker.numberEnd <= s.marker.end,
        'numeral inside the marker',
      );
      assert.ok(s.marker.end <= s.titleStartCharacter && s.titleStartCharacter <= lines[s.line].length, 'title starts after the marker');
      assert.ok(outline.titleOf(s).endCharacter <= lines[outline.titleOf(s).endLine].length, 'title ends on its line');
      assert.ok(!/[\r\n]/.test(outline.titleOf(s).text), 'no line break in a title');
      if (parent !== undefined) {
        assert.ok(s.level > parent.level, `level ${s.level} nests under level ${parent.level}`);
        assert.ok(s.line > outline.titleOf(parent).endLine && outline.endOf(s) <= outline.endOf(parent), 'a child lies inside its parent');
      }
      if (i > 0) {
        assert.ok(outline.endOf(list[i - 1]) < s.line, 'siblings do not overlap');
      }
      for (const ref2 of outline.textOf(s).inline) {
        assert.equal(lines[ref2.line].slice(ref2.item.start, ref2.item.end), ref2.item.text, 'inline item at its columns');
        assert.ok(ref2.line >= s.line && ref2.line <= outline.endOf(s), 'inline item inside its section');
      }
      walk(s.children, s);
    });
  };
  walk(outline.sections, undefined);
  assert.deepEqual(order, outline.all, 'all = the tree in document order');
  order.forEach((s, i) => {
    assert.equal(s.index, i);
    if (outline.closingLine >= 0) {
      assert.ok(outline.endOf(s) < outline.closingLine, 'sections end before the closing');
    }
  });
  for (const p of [outline.root, ...outline.all].flatMap((part) => outline.textOf(part).placeholders)) {
    assert.ok(p.span.start < p.span.end && p.span.end <= lines[p.line].length, 'placeholder span on its line');
  }

  // document symbols as the server sends them
  const symbols = documentSymbols(outline, config, t);
  const checkSymbol = (s: DocumentSymbol, parent: DocumentSymbol | undefined): void => {
    assertInDocument(ref, lines, s.range.start, 'symbol range start');
    assertInDocument(ref, lines, s.range.end, 'symbol range end');
    assertInDocument(ref, lines, s.selectionRange.start, 'selection start');
    assertInDocument(ref, lines, s.selectionRange.end, 'selection end');
    assert.ok(before(s.range.start, s.range.end) && before(s.selectionRange.start, s.selectionRange.end), 'ranges go forward');
    assert.ok(
      before(s.range.start, s.selectionRange.start) && before(s.selectionRange.end, s.range.end),
      'selection range lies in the range',
    );
    assert.ok(s.name.length > 0, 'a symbol has a name');
    if (parent !== undefined) {
      assert.ok(before(parent.range.start, s.range.start) && before(s.range.end, parent.range.end), 'child range lies in the parent range');
    }
    (s.children ?? []).forEach((c, i, all) => {
      if (i > 0) {
        assert.ok(before(all[i - 1].range.end, c.range.start), 'sibling symbols in order, not overlapping');
      }
      checkSymbol(c, s);
    });
  };
  symbols.forEach((s, i) => {
    if (i > 0) {
      assert.ok(before(symbols[i - 1].range.end, s.range.start), 'top-level symbols in order');
    }
    checkSymbol(s, undefined);
  });
  // the text VS Code shows at a heading's selection range starts with the marker (positions in UTF-16 units)
  const flat: DocumentSymbol[] = [];
  const flatten = (list: DocumentSymbol[]) =>
    list.forEach((s) => {
      flat.push(s);
      flatten((s.children ?? []).filter((c) => c.kind !== 22 /* EnumMember: inline items */));
    });
  flatten(symbols);
  // over outline.maxItems the outermost levels stay: every entry counted, no kept heading deeper than a dropped one
  let entries = 0;
  const count = (list: DocumentSymbol[]) =>
    list.forEach((s) => {
      entries++;
      count(s.children ?? []);
    });
  count(symbols);
  assert.equal(
    entries,
    Math.min(outlineSize(outline, config), config.outlineMaxItems),
    `outline entries, maxItems ${config.outlineMaxItems}`,
  );
  const shownLines = new Set(flat.map((s) => s.selectionRange.start.line));
  const kept = outline.all.filter((s) => shownLines.has(s.line));
  const dropped = outline.all.filter((s) => !shownLines.has(s.line));
  assert.equal(flat.length, kept.length, 'one symbol per shown heading');
  if (dropped.length > 0) {
    assert.ok(Math.max(...kept.map((s) => s.level), 0) <= Math.min(...dropped.map((s) => s.level)), 'outermost levels kept');
  }
  flat.forEach((s, i) => {
    const section = kept[i];
    assert.ok(
      textAt(ref, s.selectionRange.start, s.selectionRange.end).startsWith(section.marker.text),
      `selection of “${s.name}” starts with its marker`,
    );
    assert.ok(s.name.startsWith(section.marker.text.trim()), 'the name starts with the marker');
  });

  // folding ranges within the client's limit
  const folds = foldingRanges(outline, rangeLimit);
  assert.ok(folds.length <= rangeLimit, `${folds.length} folding ranges, limit ${rangeLimit}`);
  folds.forEach((f, i) => {
    assert.ok(f.startLine >= 0 && f.startLine < f.endLine && f.endLine < outline.lineCount, `folding range ${f.startLine}-${f.endLine}`);
    if (i > 0) {
      assert.ok(folds[i - 1].startLine <= f.startLine, 'folding ranges in order');
    }
  });

  // diagnostics: ranges in the document, at the text they name
  const analysis = analyze(outline, config, path);
  for (const d of analysis.diagnostics) {
    assert.ok((CODES as readonly string[]).includes(d.code), d.code);
    const start = { line: d.line, character: d.character };
    const end = { line: d.endLine, character: d.endCharacter };
    assertInDocument(ref, lines, start, `${d.code} start`);
    assertInDocument(ref, lines, end, `${d.code} end`);
    assert.ok(before(start, end), `${d.code} range goes forward`);
    const at = textAt(ref, start, end);
    if (d.code.startsWith('numbering.')) {
      assert.ok(
        outline.all.some((s) => s.line === d.line && s.marker.text === at),
        `${d.code} covers a marker (“${at}”)`,
      );
    } else if (d.code === 'inline.sequence' || d.code === 'text.placeholder') {
      assert.ok(at.length > 0, `${d.code} covers text`);
    }
    assert.equal(format(d.message).includes('{0}'), false, 'messages are filled in');
  }
  const sent = toDiagnostics(analysis.diagnostics, t);
  assert.ok(sent.length <= MAX_REPORTED);
  JSON.parse(JSON.stringify(sent));

  // the same text gives the same result
  const again = parse(LineTable.of(text));
  assert.deepEqual(plainOutline(again), plainOutline(outline), 'parsing is deterministic');
  assert.deepEqual(plainAnalysis(analyze(again, config, path)), plainAnalysis(analysis), 'analysis is deterministic');
  return { outline, analysis };
}

// ---------------------------------------------------------------------------------------------------------------
// Checks of the proposed edits (SPEC §6)

/** The characters a fix may change: numerals, the brackets and separators of markers, the space of `一 `. */
const MARKER_CHARS = new Set([
  ...'零〇一二两三四五六七八九十百千0123456789０１２３４５６７８９（）()、.．，, \u3000',
  ...Array.from({ length: 20 }, (_, i) => String.fromCharCode(0x2460 + i)),
]);
const nonMarker = (s: string): string => [...s].filter((c) => !MARKER_CHARS.has(c)).join('');

/** The characters a typography fix (punct.*, number.*) may change: punctuation, digits, numerals (typography.test.ts). */
const TYPOGRAPHY_CHARS = new Set([...',;:?!()"\'.~-，；：？！（）“”‘’…。．—－、0123456789〇零○OＯ一二两三四五六七八九十']);
const isTypography = (code: string): boolean => code.startsWith('punct.') || code.startsWith('number.');

/** The edits of a finding's fix, built as a client's code action gets them (none when it has no fix). */
function editsOf(analysis: Analysis, d: Diagnosis): readonly LineEdit[] {
  return analysis.fix(d)?.edits ?? [];
}

function isInsertion(e: LineEdit): boolean {
  return e.line === e.endLine && e.character === e.endCharacter;
}

/** Edits do not overlap (in the sense of LSP: one may start where another ends). */
function assertDisjoint(edits: readonly LineEdit[], what: string): void {
  const sorted = edits
    .slice()
    .sort((a, b) => a.line - b.line || a.character - b.character || a.endLine - b.endLine || a.endCharacter - b.endCharacter);
  for (let i = 1; i < sorted.length; i++) {
    const p = sorted[i - 1];
    const e = sorted[i];
    assert.ok(
      p.endLine < e.line || (p.endLine === e.line && p.endCharacter <= e.character),
      `${what}: edits overlap ${JSON.stringify([p, e])}`,
    );
  }
}

function checkEdits(text: string, analysis: Analysis): void {
  const { lines } = splitLines(text);
  for (const d of analysis.diagnostics) {
    const edits = editsOf(analysis, d);
    if (edits.length === 0) {
      continue;
    }
    assertDisjoint(edits, d.code);
    const insertions = edits.filter(isInsertion);
    const replacements = edits.filter((e) => !isInsertion(e));
    assert.ok(
      d.code === 'section.missing' ? insertions.length === 1 : insertions.length === 0,
      `${d.code}: only section.missing inserts lines`,
    );
    // a typography fix changes punctuation and numerals only (SPEC §8); every other fix, marker characters only
    const kept = isTypography(d.code) ? (t: string) => [...t].filter((c) => !TYPOGRAPHY_CHARS.has(c)).join('') : nonMarker;
    for (const e of replacements) {
      assert.ok(e.line === e.endLine && e.line < lines.length, `${d.code}: an edit stays on one line`);
      assert.ok(e.character < e.endCharacter && e.endCharacter <= lines[e.line].length, `${d.code}: edit columns on the line`);
      const old = lines[e.line].slice(e.character, e.endCharacter);
      assert.equal(kept(old), '', `${d.code} replaces only marker characters, not “${old}”`);
      assert.equal(kept(e.newText), '', `${d.code} writes only marker characters, not “${e.newText}”`);
      assert.notEqual(e.newText, old, `${d.code}: an edit changes something`);
    }
    // every character that is not a marker character is still there, in order
    const replaced = applyLineEdits(lines, replacements);
    assert.equal(kept(replaced.join('\n')), kept(lines.join('\n')), `${d.code}: text other than markers kept`);
    if (insertions.length === 1) {
      // the heading comes in as whole lines (perhaps after a blank one): take them out and the rest is what the
      // replacements made
      const [ins] = insertions;
      assert.ok(!ins.newText.includes('\r'), 'an inserted heading has no \\r');
      const all = applyLineEdits(lines, edits);
      let rest: string[];
      let added: string[];
      if (ins.character === 0 && ins.newText.endsWith('\n')) {
        added = ins.newText.slice(0, -1).split('\n');
        rest = [...all.slice(0, ins.line), ...all.slice(ins.line + added.length)];
        assert.deepEqual(all.slice(ins.line, ins.line + added.length), added, 'the inserted lines are there');
      } else {
        assert.equal(ins.line, lines.length - 1, 'an insertion not at the start of a line is at the end of the document');
        assert.equal(ins.character, lines[lines.length - 1].length);
        if (lines[lines.length - 1] === '') {
          added = ins.newText.split('\n');
          rest = [...all.slice(0, -added.length), ''];
        } else {
          assert.ok(ins.newText.startsWith('\n'), 'appended on a new line');
          added = ins.newText.slice(1).split('\n');
          rest = all.slice(0, -added.length);
        }
        assert.deepEqual(all.slice(-added.length), added, 'the appended lines are there');
      }
      assert.ok(
        added.length >= 1 && added.length <= 2 && added[added.length - 1].trim() !== '' && added.slice(0, -1).every((l) => l === ''),
        `a heading, perhaps after a blank line: ${JSON.stringify(added)}`,
      );
      assert.deepEqual(rest, replaced, 'apart from the inserted heading, only markers changed');
    }
  }
}

/** Which fixes go together: the codes that share one fix (a renumbering, a marker's standard form). */
const FAMILIES: readonly (readonly string[])[] = [
  ['numbering.start', 'numbering.gap', 'numbering.duplicate'],
  ['numbering.bracket', 'numbering.separator'],
  ['inline.sequence'],
];

function distinctEdits(analysis: Analysis, ds: readonly Diagnosis[]): LineEdit[] {
  const seen = new Map<string, LineEdit>();
  for (const d of ds) {
    for (const e of editsOf(analysis, d)) {
      seen.set(JSON.stringify(e), e);
    }
  }
  return [...seen.values()];
}

/** Apply the fixes of a family (or of one missing section), analyse again: nothing more to fix for the same code. */
function checkConvergence(text: string, analysis: Analysis, config: Config = DEFAULT_CONFIG, path = 'doc.txt'): void {
  const { lines } = splitLines(text);
  const original = parse(LineTable.of(text));
  const headings = original.all.length;
  const titles = (o: Outline) => o.all.map((s) => o.titleOf(s).text);
  const reanalyse = (fixed: string[]) => {
    const checked = checkDocument(fixed.join('\n'), config, path);
    return {
      analysis: checked.analysis,
      diagnostics: checked.analysis.diagnostics,
      headings: checked.outline.all.length,
      titles: titles(checked.outline),
    };
  };
  for (const family of FAMILIES) {
    const edits = distinctEdits(
      analysis,
      analysis.diagnostics.filter((d) => family.includes(d.code)),
    );
    if (edits.length === 0) {
      continue;
    }
    assertDisjoint(edits, family.join('/'));
    const fixed = applyLineEdits(lines, edits);
    const again = reanalyse(fixed);
    assert.equal(again.headings, headings, `${family.join('/')}: the fix keeps every heading a heading (text “${fixed.join('\n')}”)`);
    // a fix of heading markers never changes a title (a title's wrapping once depended on the marker's width); an
    // enumeration's numeral (五是 → 二是) may stand in a title
    if (family.every((code) => code.startsWith('numbering.'))) {
      assert.deepEqual(again.titles, titles(original), `${family.join('/')}: the fix keeps every title (text “${fixed.join('\n')}”)`);
    }
    const second = again.diagnostics.filter((d) => family.includes(d.code));
    for (const e of distinctEdits(again.analysis, second)) {
      const now = e.line < fixed.length && e.line === e.endLine ? fixed[e.line].slice(e.character, e.endCharacter) : undefined;
      assert.equal(
        e.newText,
        now,
        `${family.join('/')}: after the fix, a second fix proposes ${JSON.stringify(e)} (text “${fixed.join('\n')}”)`,
      );
    }
    assert.deepEqual(
      applyLineEdits(
        fixed,
        edits.filter((e) => e.line === e.endLine),
      ).length,
      fixed.length,
    );
  }
  for (const d of analysis.diagnostics.filter((x) => x.code === 'section.missing' && editsOf(analysis, x).length > 0)) {
    const section = d.subject;
    const fixed = applyLineEdits(lines, editsOf(analysis, d));
    const again = reanalyse(fixed);
    assert.equal(
      again.headings,
      headings + 1,
      `inserting section ${section} adds one heading and keeps the others (text “${fixed.join('\n')}”)`,
    );
    const second = again.diagnostics.filter((x) => x.code === 'section.missing' && x.subject === section);
    assert.deepEqual(
      second.map((x) => x.message),
      [],
      `inserting section ${section} mends section.missing (text “${fixed.join('\n')}”)`,
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Properties

test('property: the outline, symbols, folding ranges and diagnostics are well formed, in UTF-16 positions, deterministic', () => {
  fc.assert(
    fc.property(
      documentText,
      fc.integer({ min: 0, max: 12 }),
      fc.integer({ min: 1, max: 15 }),
      fc.boolean(),
      (text, limit, outlineMaxItems, inlineItems) => {
        checkDocument(text, DEFAULT_CONFIG, 'doc.txt', limit);
        checkDocument(text, { ...DEFAULT_CONFIG, outlineMaxItems, inlineItems }, 'doc.txt', limit);
      },
    ),
    params(700),
  );
});

test('property: a heading after emoji and CJK Extension B text starts where VS Code counts it', () => {
  const astral = fc.array(fc.constantFrom('😀', '𠀀', '𠮷', '👍🏽', '中', '\ud800'), { minLength: 1, maxLength: 6 }).map((a) => a.join(''));
  fc.assert(
    fc.property(
      astral,
      fc.constantFrom('一、', '（二）', '3.', '（4）', '⑤'),
      astral,
      fc.constantFrom('\n', '\r\n', '\r'),
      (before, mark, title, br) => {
        const text = `${before}标题${br}${mark}${title}存在的问题XX${br}${before}正文。`;
        const { outline, analysis } = checkDocument(text);
        assert.equal(outline.all.length, 1);
        const ref = TextDocument.create('file:///a.txt', 'gongwen', 1, text);
        const s = outline.all[0];
        const start = ref.offsetAt({ line: s.line, character: s.marker.start });
        assert.equal(text.slice(start, start + mark.length), mark);
        const placeholder = analysis.diagnostics.find((d) => d.code === 'text.placeholder');
        assert.ok(placeholder !== undefined);
        assert.equal(
          ref.getText({
            start: { line: placeholder.line, character: placeholder.character },
            end: { line: placeholder.endLine, character: placeholder.endCharacter },
          }),
          'XX',
        );
      },
    ),
    params(200),
  );
});

/** A content change as the client sends it: positions anywhere, also past the end of a line or of the document. */
// positions out of range on every side (negative lines and columns too), as a broken or hostile client sends them
const change = fc.record({
  startLine: fc.integer({ min: -3, max: 35 }),
  startCharacter: fc.integer({ min: -3, max: 50 }),
  endLine: fc.integer({ min: -3, max: 35 }),
  endCharacter: fc.integer({ min: -3, max: 50 }),
  text: fc.oneof(
    fc.constant(''),
    line,
    fc.tuple(line, eol, line).map((p) => p.join('')),
    eol,
    fc.constantFrom('\r', '\n', '一、', '（', '1.', '存在的问题', '😀'),
  ),
  full: fc.integer({ min: 0, max: 30 }).map((n) => n === 0),
});

test('property: incremental edits give what a fresh parse of the same text gives', () => {
  fc.assert(
    fc.property(documentText, fc.array(fc.array(change, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (text, batches) => {
      const doc = new GongwenDocument('file:///doc.txt', 'gongwen', 1, text);
      let ref = TextDocument.create('file:///doc.txt', 'gongwen', 1, text);
      let version = 1;
      for (const batch of batches) {
        const changes = batch.map((c) =>
          c.full
            ? { text: c.text }
            : {
                range: { start: { line: c.startLine, character: c.startCharacter }, end: { line: c.endLine, character: c.endCharacter } },
                text: c.text,
              },
        );
        version++;
        doc.update(changes, version);
        // one change at a time on a fresh TextDocument: its incremental line index goes wrong on ranges past the end
        for (const c of changes) {
          ref = TextDocument.create('file:///doc.txt', 'gongwen', version, TextDocument.update(ref, [c], version).getText());
        }
        assert.equal(doc.getText(), ref.getText(), 'the same text as VS Code’s model');
        assert.equal(doc.lineCount, ref.lineCount);
        const fresh = parse(LineTable.of(ref.getText()));
        assert.deepEqual(plainOutline(doc.outline), plainOutline(fresh), 'the same outline as a fresh parse');
        assert.deepEqual(
          plainAnalysis(doc.analysis(DEFAULT_CONFIG, 'doc.txt')),
          plainAnalysis(analyze(fresh, DEFAULT_CONFIG, 'doc.txt')),
          'the same findings',
        );
      }
    }),
    params(300),
  );
});

test('property: every proposed edit changes only marker characters (SPEC §6)', () => {
  fc.assert(
    fc.property(documentText, (text) => {
      const { analysis } = checkDocument(text);
      checkEdits(text, analysis);
    }),
    params(600),
  );
});

test('property: applying the fixes and analysing again proposes nothing more for the same code', () => {
  fc.assert(
    fc.property(documentText, (text) => {
      const { analysis } = checkDocument(text);
      checkConvergence(text, analysis);
    }),
    params(500),
  );
});

/** User profiles as settings give them: labels that are ids or match no pattern, patterns with wildcards and |. */
const userConfig = fc
  .tuple(
    fc.constantFrom('mine', 'self-inspection'),
    fc.uniqueArray(
      fc.record(
        {
          id: fc.constantFrom('a', 'b', 'c', 'problems', 'causes', 'measures'),
          label: fc.option(fc.oneof(fc.constantFrom(...TITLES), fc.constantFrom('problems', 'x', '问题：原因')), { nil: undefined }),
          patterns: fc.array(
            fc.oneof(fc.constantFrom('存在*问题', '原因', '整改|措施', '学习', '*', '|', '问题：', 'a*b', '# *', '方面|'), cjkText(3)),
            { minLength: 1, maxLength: 3 },
          ),
          required: fc.boolean(),
        },
        { requiredKeys: ['id', 'patterns', 'required'] },
      ),
      { minLength: 1, maxLength: 5, selector: (x) => x.id },
    ),
  )
  .map(([id, sections]) => resolveConfig([{ name: 'settings', value: { profile: id, profiles: [{ id, sections }] } }]).config);

test('property: with user profiles too, fixes change only markers and converge', () => {
  fc.assert(
    fc.property(documentText, userConfig, (text, config) => {
      const { analysis } = checkDocument(text, config);
      checkEdits(text, analysis);
      checkConvergence(text, analysis, config);
    }),
    params(400),
  );
});

/** The regular-expression reading of a title pattern, as a reference (small inputs only: it backtracks). */
function referencePattern(pattern: string, normalizedTitle: string): boolean {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return pattern.split('|').some((alt) => {
    const pieces = alt
      .split('*')
      .map(normalizeTitle)
      .filter((p) => p.length > 0);
    return pieces.length > 0 && new RegExp(pieces.map(escape).join('[^]*')).test(normalizedTitle);
  });
}

test('property: title patterns match as their wildcard reading, and a (a+)+$-style pattern on a 10,000-character title returns', () => {
  const unit = fc.constantFrom('a', 'b', '问', '題', '题', '*', '|', '(', '+', ')', '$', '.', ' ', '#');
  fc.assert(
    fc.property(fc.string({ unit, maxLength: 12 }), fc.string({ unit, maxLength: 20 }), (pattern, title) => {
      const normalized = normalizeTitle(title);
      assert.equal(compilePattern(pattern)(normalized), referencePattern(pattern, normalized), JSON.stringify([pattern, title]));
    }),
    params(800),
  );
  const title = 'a'.repeat(10000) + '!';
  assert.equal(compilePattern('(a+)+$')(title), false, 'literal: there is no “(a+)+$” in the title');
  assert.equal(compilePattern('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b')(title), false);
  assert.equal(compilePattern('a*a*a*!')(title), true);
});

/** The regular-expression reading of an association glob (the implementation before the NFA), small inputs only. */
function referenceGlob(glob: string, path: string): boolean {
  const target = glob.includes('/') ? path.replace(/^\/+/, '') : path.slice(path.lastIndexOf('/') + 1);
  const g = glob.replace(/^\/+/, '');
  let re = '';
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      re += g[i + 2] === '/' ? '(?:[^/]*/)*' : '.*';
      i += g[i + 2] === '/' ? 2 : 1;
    } else if (c === '*') {
      re += '[^/]*';
    } else if (c === '?') {
      re += '[^/]';
    } else {
      re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp('^' + re + '$').test(target);
}

test('property: association globs match as their regular-expression reading, and a catastrophic glob returns', () => {
  const globUnit = fc.constantFrom('*', '**', '**/', '?', '/', 'a', 'b', '.', 'txt', '中', '(', '[', '\\');
  const pathUnit = fc.constantFrom('a', 'b', '/', '.', 'txt', 'ab/', '中', '*', '?');
  fc.assert(
    fc.property(fc.array(globUnit, { maxLength: 8 }), fc.array(pathUnit, { maxLength: 10 }), (g, p) => {
      const glob = g.join('');
      const path = p.join('');
      assert.equal(matchGlob(glob, path), referenceGlob(glob, path), JSON.stringify([glob, path]));
    }),
    params(800),
  );
  // backtracking RegExps take longer than the age of the universe on these; the NFA answers at once
  assert.equal(matchGlob('*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*c', 'a'.repeat(5000) + '.txt'), false);
  assert.equal(matchGlob('**/'.repeat(60) + 'x', 'a/'.repeat(2000) + 'b'), false);
  assert.equal(matchGlob('**/*a*a*a*a*a*a*.txt', 'd/'.repeat(100) + 'a'.repeat(3000) + '.txt'), true);
});

test('property: resolveConfig takes any JSON from settings and workspace files without throwing and gives a usable config', () => {
  const hostile = fc.oneof(
    fc.jsonValue(),
    fc.record(
      {
        profile: fc.oneof(fc.string(), fc.jsonValue()),
        profiles: fc.oneof(
          fc.jsonValue(),
          fc.array(
            fc.record(
              {
                id: fc.oneof(fc.string(), fc.jsonValue()),
                detect: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
                sections: fc.oneof(
                  fc.jsonValue(),
                  fc.array(
                    fc.record(
                      {
                        id: fc.oneof(fc.string(), fc.integer()),
                        patterns: fc.oneof(fc.array(fc.string()), fc.jsonValue()),
                        required: fc.jsonValue(),
                      },
                      { requiredKeys: [] },
                    ),
                  ),
                ),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
        profileAssociations: fc.oneof(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.jsonValue())), fc.jsonValue()),
        diagnostics: fc.oneof(
          fc.record({
            severity: fc.oneof(
              fc.dictionary(
                fc.oneof(fc.constantFrom(...CODES), fc.string()),
                fc.oneof(fc.constantFrom('ignore', 'hint', 'information', 'warning', 'error'), fc.jsonValue()),
              ),
            ),
          }),
          fc.jsonValue(),
        ),
        outline: fc.oneof(
          fc.record(
            {
              inlineItems: fc.jsonValue(),
              titleMaxLength: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
              maxItems: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
            },
            { requiredKeys: [] },
          ),
          fc.jsonValue(),
        ),
      },
      { requiredKeys: [] },
    ),
  );
  fc.assert(
    fc.property(hostile, hostile, documentText, (file, settings, text) => {
      const { config, problems } = resolveConfig([
        { name: '.gongwen.json', value: file },
        { name: 'settings', value: settings },
      ]);
      assert.ok(config.profile === 'auto' || config.profiles.some((p) => p.id === config.profile), 'the profile exists');
      assert.ok(
        config.profiles.some((p) => p.id === 'general') && config.profiles.some((p) => p.id === 'self-inspection'),
        'built-in profiles are always there',
      );
      for (const code of CODES) {
        assert.ok(['ignore', 'hint', 'information', 'warning', 'error'].includes(config.severity[code]), code);
      }
      assert.ok(Number.isInteger(config.titleMaxLength) && config.titleMaxLength >= 4 && config.titleMaxLength <= 1000);
      assert.ok(Number.isInteger(config.outlineMaxItems) && config.outlineMaxItems >= 1 && config.outlineMaxItems <= MAX_OUTLINE_ITEMS);
      assert.equal(typeof config.inlineItems, 'boolean');
      for (const p of problems) {
        assert.equal(typeof format(p), 'string');
      }
      // and the document is analysed with it as with any config
      checkDocument(text, config, 'dir/对照检查材料.txt');
    }),
    params(400),
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Regressions: documents that once failed a property, checked on every run

const fixtures = readdirSync(REGRESSIONS)
  .filter((f) => f.endsWith('.txt'))
  .sort();

test('regression fixtures exist', () => {
  assert.ok(fixtures.length > 0, `no fixtures in ${REGRESSIONS}`);
});

for (const file of fixtures) {
  test(`regression: ${file}`, () => {
    // fixtures are stored with \n; a fixture may spell other line breaks and invisible characters as \r, \u{…}
    const text = readFileSync(join(REGRESSIONS, file), 'utf8')
      .replace(/\\r/g, '\r')
      .replace(/\\u\{([0-9a-fA-F]+)\}/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
    const { analysis } = checkDocument(text);
    checkEdits(text, analysis);
    checkConvergence(text, analysis);
  });
}

test('regression: every number a fix may write reads back as the same marker (renumbering past ⑳ turned headings into text)', () => {
  for (const kind of Object.keys(MAX_NUMBER) as (keyof typeof MAX_NUMBER)[]) {
    for (let n = 1; n <= MAX_NUMBER[kind]; n++) {
      const written = standardMarker(kind, n);
      const m = scanLine(written + '标题').marker;
      assert.ok(m !== undefined && m.kind === kind && m.number === n, `${kind} ${n}: “${written}” reads back`);
    }
  }
  assert.notEqual(scanLine(standardMarker('circled', MAX_NUMBER.circled + 1) + '标题').marker?.kind, 'circled');
  assert.equal(scanLine(standardMarker('num', MAX_NUMBER.num + 1) + '标题').marker, undefined);
  for (let n = 1; n <= MAX_INLINE_NUMBER; n++) {
    assert.equal(scanLine('正文，' + toChineseNumeral(n) + '是学习。').inline?.[0]?.number, n, `${n}是`);
  }
});

test('regression: a user profile whose label is an id, or whose pattern ends a sentence: the inserted heading counts as the section', () => {
  for (const section of [
    { id: 'a', patterns: ['甲*乙'] },
    { id: 'a', label: 'problems', patterns: ['问题：', '存在*问题'] },
  ]) {
    const { config } = resolveConfig([
      {
        name: 'settings',
        value: { profile: 'mine', profiles: [{ id: 'mine', sections: [section, { id: 'b', label: '丁', patterns: ['丙'] }] }] },
      },
    ]);
    const text = '测试\n一、丙\n正文。';
    const { analysis } = checkDocument(text, config);
    const missing = analysis.diagnostics.filter((d) => d.code === 'section.missing');
    assert.equal(missing.length, 1);
    assert.ok(editsOf(analysis, missing[0]).length > 0, 'a fix is offered');
    checkEdits(text, analysis);
    checkConvergence(text, analysis, config);
  }
});

test('regression: numbered headings on the first line are headings, not an attachment list', () => {
  const { outline } = checkDocument('1.学习不够深入。正文。\n2.作风不够扎实。正文。\n');
  assert.deepEqual(
    outline.all.map((s) => outline.titleOf(s).text),
    ['学习不够深入', '作风不够扎实'],
  );
  const list = checkDocument('附件：\n1.问题清单\n2.整改台账\n').outline;
  assert.equal(list.all.length, 0, 'after 附件： they are still a list');
});

// ---------------------------------------------------------------------------------------------------------------
// Fix all (SPEC §7): converges, changes markers only, fixes every fixable finding, twice changes nothing

/** The codes whose fixes write marker characters only (the numbering fixes): the config of the markers-only property. */
const MARKER_CODES = new Set<string>([
  'numbering.gap',
  'numbering.duplicate',
  'numbering.start',
  'numbering.separator',
  'numbering.bracket',
  'inline.sequence',
]);
const markerFixesOnly = (config: Config): Config => ({
  ...config,
  severity: Object.fromEntries(
    Object.entries(config.severity).map(([code, s]) => [code, MARKER_CODES.has(code) ? s : 'ignore']),
  ) as Config['severity'],
});

/** The findings that fix-all should have mended: a safe fix whose edits change something. */
function fixableLeft(text: string, config: Config): string[] {
  const table = LineTable.of(text);
  const analysis = analyze(parse(table), config, 'doc.txt');
  return analysis.diagnostics
    .filter((d) => isSafeFix(d.fix) && d.fix.build().some((e) => e.newText !== textOfEdit(table, e)))
    .map((d) => `${d.code}@${d.line}:${d.character}`);
}

function textOfEdit(table: LineTable, e: LineEdit): string {
  const starts = table.lineStarts();
  return table.getText().slice(starts[e.line] + e.character, starts[e.endLine] + e.endCharacter);
}

/** The reference: one safe fix at a time, the first in document order, analysed again after each. */
function fixOneByOne(text: string, config: Config): string {
  for (let n = 0; n < 2000; n++) {
    const table = LineTable.of(text);
    const analysis = analyze(parse(table), config, 'doc.txt');
    const edits = analysis.diagnostics
      .filter((d) => isSafeFix(d.fix))
      .map((d) => (d.fix as FixOffer).build().filter((e) => e.newText !== textOfEdit(table, e)))
      .find((es) => es.length > 0);
    if (edits === undefined) {
      return text;
    }
    text = applyToText(text, edits);
  }
  assert.fail('one fix at a time did not converge');
}

function checkFixAll(text: string, config: Config): string {
  const result = fixAll(text, config, 'doc.txt');
  assert.ok(result.converged, 'fix-all converges');
  assert.equal(applyToText(text, result.edits), result.text, 'its edits make its text');
  assertDisjoint(result.edits, 'fix-all');
  assert.deepEqual(fixableLeft(result.text, config), [], `every fixable finding is fixed (text “${result.text}”)`);
  const twice = fixAll(result.text, config, 'doc.txt');
  assert.deepEqual([twice.edits, twice.fixed], [[], 0], 'fix-all twice changes nothing');
  assert.equal(result.text, fixOneByOne(text, config), 'the same text as applying the fixes one after another');
  assert.equal(result.edits.length === 0, result.text === text);
  return result.text;
}

test('property: fix-all converges, fixes every fixable finding, equals the fixes one after another, and twice changes nothing', () => {
  fc.assert(
    fc.property(documentText, (text) => {
      checkFixAll(text, DEFAULT_CONFIG);
    }),
    params(400),
  );
});

test('property: fix-all of the numbering fixes changes marker characters only, keeps every heading and line', () => {
  fc.assert(
    fc.property(documentText, fc.boolean(), userConfig, (text, custom, user) => {
      const config = markerFixesOnly(custom ? user : DEFAULT_CONFIG);
      const fixed = checkFixAll(text, config);
      assert.equal(nonMarker(fixed), nonMarker(text), `only marker characters changed (text “${fixed}”)`);
      assert.deepEqual(splitLines(fixed).eols, splitLines(text).eols, 'the same lines and line breaks');
      assert.equal(parse(LineTable.of(fixed)).all.length, parse(LineTable.of(text)).all.length, 'every heading stays a heading');
    }),
    params(400),
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Completion (SPEC §7): no item the server offers adds a numbering finding, in any generated document

const SEQUENCE_CODES = new Set(['numbering.start', 'numbering.gap', 'numbering.duplicate']);
const sequenceFindings = (text: string, config: Config, path: string): Set<string> =>
  new Set(
    analyze(parse(LineTable.of(text)), config, path)
      .diagnostics.filter((d) => SEQUENCE_CODES.has(d.code))
      .map((d) => `${d.code}@${d.line}`),
  );

test('property: no completion item, inserted with a title on a new line, creates a numbering finding', () => {
  let offered = 0;
  fc.assert(
    fc.property(documentText, fc.nat(), fc.constantFrom('doc.txt', '对照检查材料.txt'), (text, at, path) => {
      const { lines, eols } = splitLines(text);
      const line = at % (lines.length + 1);
      const eol = eols.find((e) => e !== '') ?? '\n';
      const withBlank = [...lines.slice(0, line), '', ...lines.slice(line)].join(eol);
      const outline = parse(LineTable.of(withBlank));
      const profile = resolveProfile(outline, DEFAULT_CONFIG, path);
      const before = sequenceFindings(withBlank, DEFAULT_CONFIG, path);
      for (const item of completionItems(outline, { line, character: 0 }, profile, t)) {
        const edit = item.textEdit as { newText: string };
        if (edit.newText.includes('\n')) {
          continue; // the skeleton of an empty document
        }
        offered++;
        const inserted = item.kind === CompletionItemKind.Snippet ? edit.newText : edit.newText + '新的标题';
        const after = [...lines.slice(0, line), inserted, ...lines.slice(line)].join(eol);
        const added = [...sequenceFindings(after, DEFAULT_CONFIG, path)].filter((f) => !before.has(f));
        assert.deepEqual(added, [], `inserting ${inserted} at line ${line} of ${JSON.stringify(withBlank)}`);
      }
    }),
    params(300),
  );
  assert.ok(offered > 100, `only ${offered} items were offered`);
});
