import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { outlineOf, plain, ROOT, titlesOf } from './helpers';

/** Golden outlines: `UPDATE_GOLDENS=1 npm run test:unit` rewrites them; review the diff before committing. */
const DIR = join(ROOT, 'test', 'fixtures', 'outline');
const UPDATE = process.env.UPDATE_GOLDENS === '1';

for (const name of readdirSync(DIR).filter((f) => !f.endsWith('.json'))) {
  test(`golden outline of ${name}`, () => {
    const outline = outlineOf(readFileSync(join(DIR, name), 'utf8'));
    const actual = { closingLine: outline.closingLine, sections: plain(outline) };
    const golden = join(DIR, name + '.json');
    if (UPDATE || !existsSync(golden)) {
      writeFileSync(golden, JSON.stringify(actual, null, 2) + '\n');
      assert.ok(!process.env.CI, `golden ${name}.json was missing in CI`);
    }
    assert.deepEqual(actual, JSON.parse(readFileSync(golden, 'utf8')));
  });
}

test('hard-wrapped titles continue on up to three lines; complete short titles do not', () => {
  const wrapped = [
    '一、存在的问题',
    '（一）关于“区委核心作用发挥不充分，统领经济',
    '社会发展的能力需要进一步增强”方面。贯彻落实上级',
    '重大决策部署不够扎实。',
  ].join('\n');
  const o = outlineOf(wrapped);
  const s = o.all[1];
  assert.equal(o.titleOf(s).text, '关于“区委核心作用发挥不充分，统领经济社会发展的能力需要进一步增强”方面');
  assert.equal(o.titleOf(s).endLine, 2);
  const short = '一、存在的问题\n（一）落实党的路线方针政策不到位\n一是学习不够深入。';
  assert.equal(titlesOf(short)[1], '落实党的路线方针政策不到位');
  const bounded = [
    '（一）这是一个很长很长很长的标题没有任何句末标点符号',
    '这是第二行仍然没有任何句末标点符号的内容文字',
    '这是第三行依旧没有任何句末标点符号的内容文字',
    '第四行不再属于标题',
  ].join('\n');
  assert.ok(!titlesOf(bounded)[0].includes('第四行'));
});

test('sections nest by level, skip levels, and close at a higher rank; trailing blanks are excluded', () => {
  const text = ['一、甲', '1.跳过二级', '（1）四级', '', '（一）回到二级', '正文', '', '', '二、乙', '正文'].join('\n');
  const o = outlineOf(text);
  assert.deepEqual(
    plain(o).map((s) => [s.title, s.endLine, s.children.map((c) => [c.title, c.endLine])]),
    [
      [
        '甲',
        5,
        [
          ['跳过二级', 2],
          ['回到二级', 5],
        ],
      ],
      ['乙', 9, []],
    ],
  );
});

test('preamble and closing belong to no section; CRLF, CR and BOM are handled', () => {
  const text = '\uFEFF标题\r\n按照要求，报告如下。\r一、问题\n正文。\r\n\r\n以上是我的对照检查，请批评指正。\r\n';
  const o = outlineOf(text);
  assert.equal(o.sections.length, 1);
  assert.equal(o.sections[0].line, 2);
  assert.equal(o.endOf(o.sections[0]), 3);
  assert.equal(o.closingLine, 5);
});
