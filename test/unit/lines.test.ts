// LineTable.charsBetween (the 字数 of a range of lines, summed per chunk of 512 lines and shared between versions)
// against the plain sum of each line's count, over versions made by random edits that add, remove and change lines.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { LineTable } from '../../server/src/core/lines';
import { prng } from '../support/prng';

function plain(table: LineTable, from: number, to: number): number {
  let n = 0;
  for (let i = Math.max(from, 0); i <= Math.min(to, table.lineCount - 1); i++) {
    n += table.info(i).chars;
  }
  return n;
}

test('charsBetween equals the sum of the lines’ 字数 on every version, whatever the range', () => {
  const rand = prng(512);
  const pick = (n: number) => Math.floor(rand() * n);
  const words = ['一、总体情况', '学习 不够深入。', '', '  ', '（二）作风方面\n我到基层12次。', '\n\n', '全文完'];
  let table = LineTable.of(Array.from({ length: 1500 }, (_, i) => words[i % words.length]).join('\n'));
  let checked = 0;
  for (let edit = 0; edit < 300; edit++) {
    const line = pick(table.lineCount);
    const end = Math.min(table.lineCount - 1, line + pick(3));
    const text = rand() < 0.3 ? words[pick(words.length)] + '\n' + words[pick(words.length)] : words[pick(words.length)];
    table = table.applyEdit({ startLine: line, startCharacter: 0, endLine: end, endCharacter: pick(4), text }).table;
    // warm some chunk sums on this version, then ask ranges that start and end inside, at and across chunks
    for (const [from, to] of [
      [0, table.lineCount - 1],
      [pick(table.lineCount), table.lineCount - 1],
      [pick(600), 511 + pick(1100)],
      [512, 1023],
      [line, line],
      [line + 1, line],
    ]) {
      assert.equal(table.charsBetween(from, to), plain(table, from, to), `edit ${edit}: ${from}–${to}`);
      checked++;
    }
  }
  assert.equal(checked, 1800);
});
