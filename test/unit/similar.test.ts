import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_REPORTED } from '../../server/src/core/analyze';
import { alignWithin, personOf, SimilarIndex, samePersonEarlierYear } from '../../server/src/core/similar';
import { withSimilar } from '../../server/src/service/similar';
import { edited, material, paragraph } from '../support/materials';
import { prng } from '../support/prng';
import { outlineOf } from './helpers';

const related = () => true;

function indexOf(texts: Record<string, string>, options = { related }): SimilarIndex {
  const index = new SimilarIndex(options);
  for (const [key, text] of Object.entries(texts)) {
    index.set(key, { outline: outlineOf(text) });
  }
  return index;
}

const lineOf = (text: string, needle: string): number => text.split('\n').findIndex((l) => l.includes(needle));

test('a verbatim copy is reported on both sides, with the other material and line', () => {
  const rand = prng(1);
  const shared = paragraph(rand, 120);
  const a = material(rand, 3000, [shared]);
  const before = paragraph(rand, 30);
  const b = material(rand, 3000, [before + shared]);
  const index = indexOf({ a, b, c: material(rand, 3000) });
  const [ma, ...moreA] = index.matchesOf('a');
  const [mb, ...moreB] = index.matchesOf('b');
  assert.deepEqual([moreA, moreB, index.matchesOf('c')], [[], [], []]);
  assert.deepEqual([ma.line, ma.other, ma.otherLine], [lineOf(a, shared), 'b', lineOf(b, shared)]);
  assert.deepEqual([mb.line, mb.other, mb.otherLine], [lineOf(b, shared), 'a', lineOf(a, shared)]);
  // a's whole line up to its last counted character (not the full stop); on b's side the stretch after `before`
  assert.deepEqual([ma.character, ma.endCharacter], [0, shared.length - 1]);
  assert.deepEqual([mb.character, mb.endCharacter], [before.length, before.length + shared.length - 1]);
  assert.ok(ma.chars >= 118, String(ma.chars));
});

test('a copy with small edits (5 %) is found; one with 30 % changed is not', () => {
  const rand = prng(2);
  const original = paragraph(rand, 200);
  const close = edited(rand, original, 0.05);
  const far = edited(rand, original, 0.3);
  assert.notEqual(close, original);
  const index = indexOf({ a: material(rand, 2000, [original]), b: material(rand, 2000, [close]), c: material(rand, 2000, [far]) });
  assert.deepEqual(
    index.matchesOf('a').map((m) => m.other),
    ['b'],
  );
  assert.deepEqual(
    index.matchesOf('b').map((m) => m.other),
    ['a'],
  );
  assert.deepEqual(index.matchesOf('c'), []);
  // 9 % changed, spread evenly over the paragraph (an edit every 11 characters): still found
  const spread = edited(rand, original, 0.09);
  const again = indexOf({ a: material(rand, 2000, [original]), d: material(rand, 2000, [spread]) });
  assert.deepEqual(
    again.matchesOf('d').map((m) => m.other),
    ['a'],
  );
});

test('a paragraph under 50 characters does not count, one of 50 does', () => {
  const rand = prng(3);
  const short = paragraph(rand, 45);
  const long = paragraph(rand, 52);
  const a = material(rand, 1500, [short, long]);
  const index = indexOf({ a, b: material(rand, 1500, [long, short]) });
  assert.deepEqual(
    index.matchesOf('a').map((m) => m.line),
    [lineOf(a, long)],
  );
});

test('shared quotations, 《》 titles, headings and the theme text do not count', () => {
  const rand = prng(4);
  const quote = `“${paragraph(rand, 60)}”`;
  const title = `《${paragraph(rand, 60)}》`;
  const theme = paragraph(rand, 70);
  const heading = `（九）${paragraph(rand, 70)}`;
  const own = () => paragraph(rand, 30);
  const tail = paragraph(rand, 10);
  const a = material(rand, 1500, [own() + quote + own(), title + own(), theme + tail, heading]);
  const b = material(rand, 1500, [own() + quote, own() + title, theme + tail, heading]);
  const index = new SimilarIndex({ related });
  index.set('a', { outline: outlineOf(a), themes: [theme] });
  index.set('b', { outline: outlineOf(b), themes: [theme] });
  assert.deepEqual(index.matchesOf('a'), []);
  // without the theme setting the theme paragraph is a copy
  const plain = indexOf({ a, b });
  assert.deepEqual(
    plain.matchesOf('a').map((m) => m.line),
    [lineOf(a, theme)],
  );
});

test('a short quotation (under 20 characters) counts as the paragraph’s own text', () => {
  const rand = prng(5);
  const text = paragraph(rand, 40) + `“${paragraph(rand, 10)}”` + paragraph(rand, 40);
  const index = indexOf({ a: material(rand, 1000, [text]), b: material(rand, 1000, [text]) });
  assert.equal(index.matchesOf('a').length, 1);
});

test('unrelated materials are not compared; remove and replace report whose matches changed', () => {
  const rand = prng(6);
  const shared = paragraph(rand, 100);
  const texts = { 'x/a': material(rand, 1000, [shared]), 'y/b': material(rand, 1000, [shared]), 'x/c': material(rand, 1000, [shared]) };
  const index = new SimilarIndex({ related: (p: string, q: string) => p[0] === q[0] });
  Object.entries(texts).forEach(([key, text]) => index.set(key, { outline: outlineOf(text) }));
  assert.deepEqual(
    index.matchesOf('x/a').map((m) => m.other),
    ['x/c'],
  );
  assert.deepEqual(index.matchesOf('y/b'), []);
  // x/c loses the paragraph: x/a's matches change with it
  assert.deepEqual([...index.set('x/c', { outline: outlineOf(material(rand, 1000)) })].sort(), ['x/a', 'x/c']);
  assert.deepEqual(index.matchesOf('x/a'), []);
  // and gets it back, then is removed
  assert.deepEqual([...index.set('x/c', { outline: outlineOf(texts['x/c']) })].sort(), ['x/a', 'x/c']);
  assert.equal(index.matchesOf('x/a').length, 1);
  assert.deepEqual([...index.remove('x/c')].sort(), ['x/a', 'x/c']);
  assert.deepEqual(index.matchesOf('x/a'), []);
  assert.equal(index.size, 2);
});

test('allPairs: the share of the smaller material and the passages with lines', () => {
  const rand = prng(7);
  const p1 = paragraph(rand, 150);
  const p2 = paragraph(rand, 150);
  const a = material(rand, 1200, [p1, p2]);
  const b = ['标题', p2, p1].join('\n');
  const [pair, ...rest] = indexOf({ a, b }).allPairs();
  assert.deepEqual(rest, []);
  assert.deepEqual([pair.a, pair.b], ['a', 'b']);
  assert.deepEqual(
    pair.passages.map((p) => [p.aLine, p.bLine]),
    [
      [lineOf(a, p1), 2],
      [lineOf(a, p2), 1],
    ],
  );
  // b is all copied: its 字数 is the titles' 2 and the two paragraphs with their punctuation
  assert.ok(pair.share > 0.9 && pair.share <= 1, String(pair.share));
});

test('many materials: each planted copy is found and nothing else', () => {
  const rand = prng(8);
  const copies = Array.from({ length: 5 }, () => paragraph(rand, 100));
  const texts: Record<string, string> = {};
  for (let i = 0; i < 40; i++) {
    texts[`m${String(i).padStart(2, '0')}`] = material(rand, 3000, i < 10 ? [copies[i % 5]] : []);
  }
  const index = indexOf(texts);
  const pairs = index.allPairs().map((p) => `${p.a}-${p.b}`);
  assert.deepEqual(pairs, ['m00-m05', 'm01-m06', 'm02-m07', 'm03-m08', 'm04-m09']);
});

test('a huge one-line material stays bounded: it is checked in pieces', () => {
  const rand = prng(9);
  const shared = paragraph(rand, 300);
  const huge = paragraph(rand, 20000) + shared + paragraph(rand, 20000);
  const index = indexOf({ a: huge, b: material(rand, 1000, [shared]) });
  assert.deepEqual(
    index.matchesOf('b').map((m) => m.other),
    ['a'],
  );
});

test('alignWithin: the stretch a pattern matches with few edits', () => {
  assert.deepEqual(alignWithin('abcdefghij', 'xxabcdeXghijyy', 0, 14, 1), { start: 2, end: 12, edits: 1 });
  assert.equal(alignWithin('abcdefghij', 'xxabXdeXghijyy', 0, 14, 1), undefined);
  assert.deepEqual(alignWithin('abcdefghij', 'abcdefghij', 0, 10, 0), { start: 0, end: 10, edits: 0 });
});

test('personOf: the same person in two years', () => {
  assert.deepEqual(personOf('2024年度张三对照检查材料.txt'), { person: '张三对照检查材料', year: 2024 });
  assert.ok(samePersonEarlierYear('2024年度张三对照检查材料.txt', '张三对照检查材料（2025年）.md'));
  assert.ok(!samePersonEarlierYear('2024年度张三对照检查材料.txt', '2024年度张三对照检查材料.md'));
  assert.ok(!samePersonEarlierYear('2024年度张三.txt', '2025年度李四.txt'));
  assert.equal(personOf('张三.txt'), undefined);
});

test('withSimilar: review.similar merged in document order, the report kept to the first MAX_REPORTED findings', () => {
  const at = (line: number, character: number, code: string) => ({
    range: { start: { line, character }, end: { line, character: character + 1 } },
    code,
    message: `${code} ${line}:${character}`,
  });
  // a document with the most findings the analysis reports, one per line from line 10
  const analysis = Array.from({ length: MAX_REPORTED }, (_, i) => at(10 + i, 2, 'numbering'));
  const similar = [at(0, 0, 'review.similar'), at(10, 0, 'review.similar'), at(500, 5, 'review.similar'), at(5000, 0, 'review.similar')];
  const report = withSimilar(analysis, similar);
  assert.equal(report.length, MAX_REPORTED);
  const starts = report.map((d) => d.range.start.line * 1000 + d.range.start.character);
  assert.deepEqual(
    starts,
    [...starts].sort((x, y) => x - y),
    'in document order',
  );
  assert.deepEqual(
    report.filter((d) => d.code === 'review.similar').map((d) => d.message),
    ['review.similar 0:0', 'review.similar 10:0', 'review.similar 500:5'],
  );
  // the analysis' findings it keeps are its first ones, in their order
  assert.deepEqual(
    report.filter((d) => d.code === 'numbering'),
    analysis.slice(0, MAX_REPORTED - 3),
  );
  // under the cap every finding is kept
  assert.deepEqual(withSimilar(analysis.slice(0, 2), similar.slice(2)), [analysis[0], analysis[1], similar[2], similar[3]]);
  assert.deepEqual(withSimilar(analysis.slice(0, 2), []), analysis.slice(0, 2));
});
