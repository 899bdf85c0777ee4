/**
 * Word documents read directly (SPEC §11): one line per paragraph, automatic numbering written out as the markers
 * Word shows (chineseCounting, decimal, decimalEnclosedCircle; lvlText such as （%1）; counters per level, restarts,
 * start overrides, numbering carried by a style), tables in order; the command line reports paragraph numbers.
 * Every .docx is made by the test (test/support/docx.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { docxText, formatNumber } from '../../server/src/input/docx';
import { documentText } from '../../server/src/input/read';
import { cli } from '../support/cli';
import { GONGWEN_LEVELS, makeDocx } from '../support/docx';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-docx-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

function text(bytes: Uint8Array): string {
  const r = docxText(bytes);
  assert.ok(r.ok, r.ok ? '' : r.message.template);
  return r.text;
}

test('a .docx without automatic numbering: one line per paragraph, runs joined, table cells in order', () => {
  const bytes = makeDocx({
    body: [
      { text: '个人对照检查材料' },
      { text: '一、存在的问题' },
      { text: '（一）学习不够深入。A&B <c>' },
      { table: [[[{ text: '甲单元格' }], [{ text: '乙单元格' }, { text: '乙第二段' }]]] },
      { text: '' },
      { text: '二、整改措施' },
    ],
  });
  assert.equal(
    text(bytes),
    ['个人对照检查材料', '一、存在的问题', '（一）学习不够深入。A&B <c>', '甲单元格', '乙单元格', '乙第二段', '', '二、整改措施'].join(
      '\n',
    ),
  );
});

test('automatic numbering is written out: 一、 （一） 1. （1） ①, counters per level, deeper levels restart', () => {
  const bytes = makeDocx({
    abstracts: { 0: GONGWEN_LEVELS },
    nums: { 1: { abstract: 0 } },
    body: [
      { text: '民主生活会个人对照检查材料' },
      { text: '存在的问题', numId: 1, ilvl: 0 },
      { text: '学习不够', numId: 1, ilvl: 1 },
      { text: '理论学习', numId: 1, ilvl: 2 },
      { text: '读原著', numId: 1, ilvl: 3 },
      { text: '第一点', numId: 1, ilvl: 4 },
      { text: '第二点', numId: 1, ilvl: 4 },
      { text: '业务学习', numId: 1, ilvl: 2 },
      { text: '作风不实', numId: 1, ilvl: 1 },
      { text: '调研少', numId: 1, ilvl: 2 },
      { text: '正文段落，没有编号。' },
      { text: '产生问题的原因', numId: 1, ilvl: 0 },
      { text: '理想信念', numId: 1, ilvl: 1 },
    ],
  });
  assert.deepEqual(text(bytes).split('\n'), [
    '民主生活会个人对照检查材料',
    '一、存在的问题',
    '（一）学习不够',
    '1.理论学习',
    '（1）读原著',
    '①第一点',
    '②第二点',
    '2.业务学习',
    '（二）作风不实',
    '1.调研少',
    '正文段落，没有编号。',
    '二、产生问题的原因',
    '（一）理想信念',
  ]);
});

test('numbering: start values, a list restarted by a start override, lvlRestart 0, lvlText with two levels, a style', () => {
  const bytes = makeDocx({
    abstracts: {
      0: [{ format: 'chineseCounting', text: '%1、', start: 3 }],
      1: [
        { format: 'decimal', text: '%1.' },
        { format: 'decimal', text: '%1.%2', restart: 0 },
      ],
      2: [{ format: 'chineseCounting', text: '（%1）' }],
    },
    nums: { 1: { abstract: 0 }, 2: { abstract: 1 }, 3: { abstract: 1, startOverride: { 0: 1 } }, 4: { abstract: 2 } },
    styles: { Heading2: { numId: 4 } },
    body: [
      { text: '第三部分', numId: 1 },
      { text: '第四部分', numId: 1 },
      { text: '甲', numId: 2, ilvl: 0 },
      { text: '甲一', numId: 2, ilvl: 1 },
      { text: '乙', numId: 2, ilvl: 0 },
      { text: '乙一（不重新开始）', numId: 2, ilvl: 1 },
      { text: '新列表', numId: 3, ilvl: 0 },
      { text: '样式编号', style: 'Heading2' },
      { text: '样式编号二', style: 'Heading2' },
    ],
  });
  assert.deepEqual(text(bytes).split('\n'), [
    '三、第三部分',
    '四、第四部分',
    '1.甲',
    '1.1甲一',
    '2.乙',
    '2.2乙一（不重新开始）',
    '1.新列表',
    '（一）样式编号',
    '（二）样式编号二',
  ]);
});

test('number formats Chinese documents use', () => {
  assert.deepEqual(
    [1, 10, 11, 20, 21].map((n) => formatNumber(n, 'chineseCounting')),
    ['一', '十', '十一', '二十', '二十一'],
  );
  assert.deepEqual(
    [1, 20].map((n) => formatNumber(n, 'decimalEnclosedCircle')),
    ['①', '⑳'],
  );
  assert.equal(formatNumber(12, 'decimalFullWidth'), '１２');
  assert.equal(formatNumber(3, 'ideographTraditional'), '丙');
  assert.equal(formatNumber(4, 'upperRoman'), 'IV');
  assert.equal(formatNumber(28, 'lowerLetter'), 'bb');
});

test('not a Word document: a zip without one, broken XML, a .doc, plain bytes: clear refusals', () => {
  const notZip = documentText('a.docx', new TextEncoder().encode('一、问题'));
  assert.ok(!notZip.ok && /not a Word document/.test(notZip.message.template));
  const doc = documentText('a.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  assert.ok(!doc.ok && /Word 97–2003/.test(doc.message.template));
});

test('the command line outlines and checks a .docx, positions as paragraph numbers, next to text files', () => {
  const numbered = makeDocx({
    abstracts: { 0: GONGWEN_LEVELS },
    nums: { 1: { abstract: 0 } },
    body: [
      { text: '个人对照检查材料' },
      { text: '存在的问题', numId: 1, ilvl: 0 },
      { text: '学习不够。', numId: 1, ilvl: 1 },
      { text: '整改措施', numId: 1, ilvl: 0 },
      { text: '加强学习。', numId: 1, ilvl: 1 },
    ],
  });
  writeFileSync(join(TMP, '对照检查.docx'), numbered);
  writeFileSync(join(TMP, 'broken.docx'), 'PK not really');
  const outline = cli(['outline', '--json', '对照检查.docx'], TMP);
  assert.equal(outline.status, 0, outline.stderr);
  const json = JSON.parse(outline.stdout) as { profile: string; sections: { marker: string; title: string; line: number }[] };
  assert.equal(json.profile, 'self-inspection');
  assert.deepEqual(
    json.sections.map((s) => [s.marker, s.title, s.line]),
    [
      ['一、', '存在的问题', 1],
      ['二、', '整改措施', 3],
    ],
  );
  const check = cli(['check', '.'], TMP);
  assert.equal(check.status, 2, 'broken.docx could not be read');
  assert.match(check.stderr, /broken\.docx: It is not a Word document/);
  // the causes section is missing: reported at paragraph 4 (二、整改措施), without a column
  assert.match(check.stdout, /^对照检查\.docx:4: error section\.missing /m);
});
