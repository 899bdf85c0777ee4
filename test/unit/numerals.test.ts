import assert from 'node:assert/strict';
import { test } from 'node:test';
import { circledValue, parseChineseNumeral, toAsciiDigits, toChineseNumeral, toCircled } from '../../server/src/core/numerals';

test('Chinese numerals parse to integers', () => {
  const cases: [string, number][] = [
    ['一', 1],
    ['九', 9],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十一', 21],
    ['九十九', 99],
    ['一百', 100],
    ['一百零一', 101],
    ['一百一十', 110],
    ['两', 2],
    ['三百二十五', 325],
  ];
  for (const [text, value] of cases) {
    assert.equal(parseChineseNumeral(text), value, text);
  }
});

test('malformed numerals are not numbers', () => {
  for (const text of ['', '一一', '十十', '百', '零', '〇', '二〇二三', '十百', '分', '一零']) {
    assert.equal(parseChineseNumeral(text), undefined, text);
  }
});

test('formatting round-trips through parsing from 1 to 300', () => {
  for (let n = 1; n <= 300; n++) {
    assert.equal(parseChineseNumeral(toChineseNumeral(n)), n, String(n));
  }
  assert.equal(toChineseNumeral(11), '十一');
  assert.equal(toChineseNumeral(101), '一百零一');
});

test('circled numbers and full-width digits', () => {
  assert.equal(circledValue('①'), 1);
  assert.equal(circledValue('⑳'), 20);
  assert.equal(circledValue('a'), undefined);
  assert.equal(toCircled(3), '③');
  assert.equal(toAsciiDigits('１２．'), '12．');
});
