// Selection ranges, hover on headings and 字数 (issue 11 item 4): the services on parsed outlines, no server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { SelectionRange } from 'vscode-languageserver';
import { countChars } from '../../server/src/core/scanner';
import { hover, HOVER_MESSAGES } from '../../server/src/service/hover';
import type { Localize } from '../../server/src/service/localize';
import { selectionRanges } from '../../server/src/service/selectionRanges';
import { analysisOf, outlineOf } from './helpers';

const LINES = [
  '关于加强学习的报告', // 0
  '一、总体情况', // 1
  '（一）学习开展情况', // 2
  '1.集中学习', // 3
  '每月开展一次集中学习。', // 4
  '2.个人自学', // 5
  '', // 6
  '（二）存在的不足', // 7
  '学习深度不够。', // 8
  '二、下一步打算', // 9
  '持续加强学习。', // 10
];
const DOC = LINES.join('\n');

/** A chain of selection ranges as [startLine, endLine] pairs, innermost first. */
function chain(range: SelectionRange | undefined): number[][] {
  const out: number[][] = [];
  for (let r = range; r !== undefined; r = r.parent) {
    out.push([r.range.start.line, r.range.end.line]);
    if (r.parent !== undefined) {
      const inner = r.range;
      const outer = r.parent.range;
      assert.ok(outer.start.line <= inner.start.line && outer.end.line >= inner.end.line, 'each parent contains its child');
    }
  }
  return out;
}

const ranges = (text: string, line: number, character = 0) => chain(selectionRanges(outlineOf(text), [{ line, character }])[0]);

test('selection ranges: a heading line → its section → the parent sections → the document', () => {
  assert.deepEqual(ranges(DOC, 3, 2), [
    [3, 3],
    [3, 4],
    [2, 5],
    [1, 8],
    [0, 10],
  ]);
  assert.deepEqual(ranges(DOC, 9), [
    [9, 9],
    [9, 10],
    [0, 10],
  ]);
});

test('selection ranges: a body line → its section → parents → document; the preamble and a trailing blank line', () => {
  assert.deepEqual(ranges(DOC, 4, 5), [
    [4, 4],
    [3, 4],
    [2, 5],
    [1, 8],
    [0, 10],
  ]);
  assert.deepEqual(ranges(DOC, 0), [
    [0, 0],
    [0, 10],
  ]);
  // the blank line after 2.个人自学 ends no section: it belongs to （一） up to its boundary, outside every endOf
  assert.deepEqual(ranges(DOC, 6), [
    [6, 6],
    [1, 8],
    [0, 10],
  ]);
});

test('selection ranges: a one-line section is not repeated, the whole-document range ends at the last character', () => {
  // 2.个人自学 is one line: the line and the section are the same range, given once
  assert.deepEqual(ranges(DOC, 5), [
    [5, 5],
    [2, 5],
    [1, 8],
    [0, 10],
  ]);
  const top = selectionRanges(outlineOf(DOC), [{ line: 10, character: 0 }])[0];
  let r = top;
  while (r.parent !== undefined) {
    r = r.parent;
  }
  assert.deepEqual(r.range, { start: { line: 0, character: 0 }, end: { line: 10, character: LINES[10].length } });
  assert.deepEqual(top.range, { start: { line: 10, character: 0 }, end: { line: 10, character: LINES[10].length } });
  // one position per request position, in order; a position past the end is clamped to the last line
  assert.deepEqual(
    selectionRanges(outlineOf(DOC), [
      { line: 4, character: 0 },
      { line: 99, character: 0 },
    ]).map((s) => s.range.start.line),
    [4, 10],
  );
});

/** English templates filled in, as l10n.t does without a bundle. */
const t: Localize = (template, ...args) => template.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));

test('hover on a heading: level, 字数 (the outline detail count), direct sub-sections, findings', () => {
  const outline = outlineOf(DOC);
  const h = hover(outline, { line: 2, character: 1 }, [], t, 40);
  assert.ok(h !== null);
  const chars = outline.charsBetween(2, 5);
  assert.equal(chars, countChars(LINES.slice(2, 6).join('\n')));
  assert.deepEqual(h.contents, {
    kind: 'markdown',
    value: `**（一）学习开展情况**\n\nLevel 2 heading · ${chars} chars · Sub-sections: 2 · Findings: 0`,
  });
  assert.deepEqual(h.range, { start: { line: 2, character: 0 }, end: { line: 2, character: LINES[2].length } });
  const levels = [1, 2, 3].map((line) => (hover(outline, { line, character: 0 }, [], t, 40)?.contents as { value: string }).value);
  assert.deepEqual(
    levels.map((v) => v.split('\n\n')[1].split(' · ')[0]),
    [HOVER_MESSAGES.level1, HOVER_MESSAGES.level2, HOVER_MESSAGES.level3],
  );
});

test('hover: nothing on body text, the preamble or a blank line', () => {
  const outline = outlineOf(DOC);
  for (const line of [0, 4, 6, 8, 10]) {
    assert.equal(hover(outline, { line, character: 0 }, [], t, 40), null, `line ${line}`);
  }
});

test('hover on a heading with findings counts the diagnostics inside the section only', () => {
  // （三） after （一） skips （二）: a numbering finding on line 4, inside 一、 and not inside 二、
  const text = ['一、总体情况', '（一）学习情况', '学习不够。', '', '（三）作风情况', '作风不实。', '二、下一步打算', '加强学习。'].join(
    '\n',
  );
  const analysis = analysisOf(text);
  const inside = analysis.diagnostics.filter((d) => d.line >= 0 && d.line <= 5).length;
  assert.ok(inside > 0, 'the document has a finding in 一、');
  const outline = outlineOf(text);
  const value = (line: number) =>
    (hover(outline, { line, character: 0 }, analysis.diagnostics, t, 40)?.contents as { value: string }).value;
  assert.match(value(0), new RegExp(` · Findings: ${inside}$`));
  assert.match(value(1), / · Findings: 0$/);
  assert.match(value(6), / · Findings: 0$/);
  assert.match(value(4), / · Findings: [1-9]\d*$/, '（三） holds its own finding');
});

test('hover escapes Markdown in a title', () => {
  const outline = outlineOf('一、关于*重点*工作\n正文内容。');
  const h = hover(outline, { line: 0, character: 0 }, [], t, 40);
  assert.match((h?.contents as { value: string }).value, /^\*\*一、关于\\\*重点\\\*工作\*\*/);
});

test('字数: countChars of a text equals charsBetween of its lines (the status bar, the selection and the outline agree)', () => {
  const text = ['一、总体情况 ', '\u3000\u3000正文，有全角空格\t和 tab。', '', '𠀀𠀁 两个扩展区汉字', '（一）结尾\r\n下一行'].join('\n');
  const outline = outlineOf(text);
  const lines = text.split(/\r\n|\r|\n/);
  assert.equal(outline.lineCount, lines.length);
  for (let from = 0; from < lines.length; from++) {
    for (let to = from; to < lines.length; to++) {
      assert.equal(countChars(lines.slice(from, to + 1).join('\n')), outline.charsBetween(from, to), `lines ${from}..${to}`);
      assert.equal(countChars(lines.slice(from, to + 1).join('\r\n')), outline.charsBetween(from, to), `lines ${from}..${to}, CRLF`);
    }
  }
  assert.equal(countChars('𠀀'), 1, 'a surrogate pair is one character');
  assert.equal(countChars(' \u3000\t\r\n'), 0, 'white space and line breaks are not counted');
  assert.equal(countChars(text), outline.charsBetween(0, outline.lineCount - 1));
});

test('selection ranges and hover on an empty document: the one empty line, no hover', () => {
  const outline = outlineOf('');
  assert.deepEqual(selectionRanges(outline, [{ line: 0, character: 0 }]), [
    { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
  ]);
  assert.equal(hover(outline, { line: 0, character: 0 }, [], t, 40), null);
  assert.equal(outline.charsBetween(0, outline.lineCount - 1), 0);
});
