/** Fix all (SPEC §7), the pure core: what is fixed, what is left, the edits as a client applies them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { fixAll } from '../../server/src/core/fixAll';
import { analysisOf, applyToText } from './helpers';

test('renumbering, standard forms and enumerations in one edit set; the numeral and the brackets of one marker over two rounds', () => {
  const text = ['工作总结', '一、甲', '(三)乙。一是学习，三是工作。', '（三）丙', '三、丁', '1、戊\r\n2．己'].join('\n');
  const result = fixAll(text, DEFAULT_CONFIG, 'a.txt');
  assert.equal(result.text, ['工作总结', '一、甲', '（一）乙。一是学习，二是工作。', '（二）丙', '二、丁', '1.戊\r\n2.己'].join('\n'));
  assert.deepEqual(
    result.edits.map((e) => [e.line, e.character, e.endLine, e.endCharacter, e.newText]),
    [
      [2, 0, 2, 3, '（一）'],
      [2, 10, 2, 11, '二'],
      [3, 1, 3, 2, '二'],
      [4, 0, 4, 1, '二'],
      [5, 1, 5, 2, '.'],
      [6, 1, 6, 2, '.'],
    ],
    'one tight edit per changed marker, in positions of the original text',
  );
  assert.equal(applyToText(text, result.edits), result.text);
  assert.equal(result.converged, true);
  // (三): start and bracket; （三）: gap; 三、: gap; 三是: inline; 1、 2．: separator
  assert.equal(result.fixed, 7);
  assert.deepEqual(
    analysisOf(result.text)
      .diagnostics.filter((d) => d.fix !== undefined)
      .map((d) => d.code),
    [],
    'nothing left to fix',
  );
});

test('a missing required part is not inserted (its fix inserts text); the numbering around it is fixed', () => {
  const text = ['个人对照检查材料', '一、存在的问题', '（二）学习不够。', '三、整改措施', '（一）加强学习。'].join('\n');
  const result = fixAll(text, DEFAULT_CONFIG, '对照检查材料.txt');
  assert.equal(result.text, ['个人对照检查材料', '一、存在的问题', '（一）学习不够。', '二、整改措施', '（一）加强学习。'].join('\n'));
  assert.deepEqual(
    analysisOf(result.text, '对照检查材料.txt')
      .diagnostics.map((d) => d.code)
      .filter((code) => !code.startsWith('review.')),
    ['section.missing'],
  );
});

test('nothing to fix: no edit, the same text', () => {
  const text = '工作总结\n一、甲\n（一）乙\n';
  assert.deepEqual(fixAll(text, DEFAULT_CONFIG, 'a.txt'), { text, edits: [], changes: [], fixed: 0, converged: true, rounds: 0 });
});

test('an ignored code is not fixed', () => {
  const config = { ...DEFAULT_CONFIG, severity: { ...DEFAULT_CONFIG.severity, 'numbering.separator': 'ignore' as const } };
  const text = '一、甲\n1、乙\n三、丙';
  assert.equal(fixAll(text, config, 'a.txt').text, '一、甲\n1、乙\n二、丙');
});

test('past the 1,000 reported findings: every finding is fixed, over more rounds', () => {
  // (N)、 has half-width brackets and a stray 顿号: two findings, one fix, on each of 900 headings
  const lines = ['工作总结'];
  for (let i = 1; i <= 900; i++) {
    lines.push(`(${i})、第${i}项。内容。`);
  }
  const text = lines.join('\n');
  assert.equal(analysisOf(text).capped, true, 'more findings than are reported');
  const result = fixAll(text, DEFAULT_CONFIG, 'a.txt');
  assert.equal(result.converged, true);
  assert.equal(result.fixed, 1800);
  assert.equal(result.edits.length, 900);
  assert.equal(result.text, text.replace(/^\((\d+)\)、/gm, '（$1）'));
  assert.equal(applyToText(text, result.edits), result.text);
});

test('a fixable finding behind 1,000 findings that have no fix is fixed too', () => {
  // 1,100 placeholders (no fix) come first in document order; the skipped 三、 after them is past what is reported
  const lines = ['工作总结', ...Array.from({ length: 1100 }, () => '请填写XX单位。'), '一、甲', '三、乙'];
  const text = lines.join('\n');
  const reported = analysisOf(text).diagnostics;
  assert.equal(reported.length, 1000);
  assert.ok(
    reported.every((d) => d.fix === undefined),
    'none of the reported findings has a fix',
  );
  const result = fixAll(text, DEFAULT_CONFIG, 'a.txt');
  assert.equal(result.converged, true);
  assert.equal(result.text, text.replace(/三、乙$/, '二、乙'));
  assert.equal(result.fixed, 1);
});

test('a line of 150 half-width commas takes 150 rounds (one fix per line and round): all fixed, none given up', () => {
  // fix-all gave up after 100 rounds, whatever they did, and left 50 commas
  const line = Array.from({ length: 150 }, (_, i) => `文字${i},内容`).join('') + '。';
  const text = `工作总结\n一、甲\n${line}\n（二）乙\n`;
  const result = fixAll(text, DEFAULT_CONFIG, 'a.txt');
  assert.equal(result.converged, true);
  assert.equal(result.rounds, 150);
  assert.equal(result.text, text.replaceAll(',', '，').replace('（二）', '（一）'));
  assert.equal(result.fixed, 151);
  assert.equal(applyToText(text, result.edits), result.text);
});
