/**
 * The benchmark's pure helpers (bench/keystrokes.ts, bench/floorOutline.ts, bench/corpus.ts): the keystrokes every
 * server gets, the quantiles reported, the floor server's outline and its 5,000-symbol cap. Nothing here is timed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { buildCorpus, loadMaterials } from '../../bench/corpus';
import { cap, countSymbols, floorLevel, floorOutline } from '../../bench/floorOutline';
import { makeKeystrokes, quantile, summarize } from '../../bench/keystrokes';

const ROOT = join(__dirname, '..', '..', '..');

test('keystrokes: the same seed gives the same list; half at line ends; the twin stays the text with its prefixes', () => {
  const corpus = buildCorpus(loadMaterials(join(ROOT, 'examples')), 400);
  const lines = corpus.gongwen.split('\n');
  const twin = corpus.markdown.split('\n');
  const keys = makeKeystrokes(lines, corpus.twinPrefix, 300, 7);
  assert.deepEqual(makeKeystrokes(lines, corpus.twinPrefix, 300, 7), keys);
  assert.notDeepEqual(makeKeystrokes(lines, corpus.twinPrefix, 300, 8), keys);
  keys.forEach((k, i) => {
    assert.equal(k.text.length, 1);
    assert.ok(k.character >= 0 && k.character <= lines[k.line].length, `keystroke ${i} inside its line`);
    assert.equal(k.at, i % 2 === 0 ? 'random' : 'end');
    if (k.at === 'end') {
      assert.equal(k.character, lines[k.line].length);
    }
    assert.equal(
      twin[k.line].slice(0, k.twinCharacter),
      twin[k.line].slice(0, corpus.twinPrefix[k.line]) + lines[k.line].slice(0, k.character),
    );
    lines[k.line] = lines[k.line].slice(0, k.character) + k.text + lines[k.line].slice(k.character);
    twin[k.line] = twin[k.line].slice(0, k.twinCharacter) + k.text + twin[k.line].slice(k.twinCharacter);
  });
  assert.ok(keys.some((k) => k.at === 'random' && k.character > 0 && k.character < lines[k.line].length - 1));
  lines.forEach((line, i) => assert.equal(twin[i], twin[i].slice(0, corpus.twinPrefix[i]) + line));
});

test('corpus: the Markdown twin prefixes heading lines with # × level and a space, and changes nothing else', () => {
  const corpus = buildCorpus(loadMaterials(join(ROOT, 'examples')), 1000);
  const lines = corpus.gongwen.split('\n');
  const twin = corpus.markdown.split('\n');
  assert.equal(lines.length, 1000);
  assert.equal(twin.length, 1000);
  let headings = 0;
  lines.forEach((line, i) => {
    const prefix = twin[i].slice(0, corpus.twinPrefix[i]);
    assert.match(prefix, /^(#{1,5} )?$/);
    assert.equal(twin[i], prefix + line);
    headings += prefix === '' ? 0 : 1;
  });
  assert.equal(headings, corpus.headings);
  assert.ok(headings > 100);
});

test('quantile: nearest rank', () => {
  const values = Array.from({ length: 20 }, (_, i) => 20 - i); // 20 … 1, unsorted on purpose
  assert.equal(quantile(values, 0.95), 19);
  assert.equal(quantile(values, 0.5), 10);
  assert.equal(quantile([4, 1, 3, 2], 0.5), 2);
  assert.equal(quantile([5], 0.95), 5);
  assert.ok(Number.isNaN(quantile([], 0.5)));
  assert.deepEqual(summarize([3, 1, 2]), { count: 3, median: 2, p95: 3, mean: 2, max: 3 });
});

test('floor: four heading levels, a tree, a fold per heading with lines under it', () => {
  const lines = [
    '标题',
    '一、总体情况',
    '正文',
    '（一）主要做法',
    '1.第一点',
    '（1）细节',
    '2.第二点',
    '二、问题',
    '①不是标题',
    '3.2027年不是',
  ];
  assert.deepEqual(
    lines.map((l) => floorLevel(l)),
    [0, 1, 0, 2, 3, 4, 3, 1, 0, 0],
  );
  const { symbols, folds, headings } = floorOutline(lines);
  assert.equal(headings, 6);
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['一、总体情况', '二、问题'],
  );
  assert.deepEqual(
    symbols[0].children?.[0].children?.map((s) => [s.name, s.range.start.line, s.range.end.line]),
    [
      ['1.第一点', 4, 5],
      ['2.第二点', 6, 6],
    ],
  );
  assert.deepEqual(symbols[1].range.end, { line: 9, character: lines[9].length });
  assert.deepEqual(
    folds.map((f) => [f.startLine, f.endLine]),
    [
      [1, 6],
      [3, 6],
      [4, 5],
      [7, 9],
    ],
  );
  assert.equal(floorOutline(lines, Infinity, 2).folds.length, 2);
});

test('floor cap: the outermost levels first, then the first of the next level in order', () => {
  const lines = ['一、甲', '（一）甲一', '1.甲一一', '（二）甲二', '二、乙', '（一）乙一', '（二）乙二'];
  const { symbols } = floorOutline(lines);
  assert.equal(countSymbols(symbols), 7);
  const capped = floorOutline(lines, 4).symbols;
  assert.equal(countSymbols(capped), 4);
  assert.deepEqual(
    capped.map((s) => [s.name, s.children?.map((c) => c.name)]),
    [
      ['一、甲', ['（一）甲一', '（二）甲二']],
      ['二、乙', []],
    ],
  );
  assert.equal(countSymbols(cap(symbols, 2)), 2);
  assert.equal(countSymbols(symbols), 7, 'capping leaves the uncapped tree whole');
});
