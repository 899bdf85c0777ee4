/** Completion of the next marker (SPEC §7): which markers fit at the start of a line, and that none adds a finding. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyze';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { standardMarker } from '../../server/src/core/edits';
import { nextMarkers } from '../../server/src/core/nextMarkers';
import { numberingCodes } from '../../server/src/core/rules/numberingSequence';
import { GENERAL, SELF_INSPECTION } from '../../server/src/core/profiles';
import type { MarkerKind } from '../../server/src/core/scanner';
import { outlineOf } from './helpers';

const markersAt = (lines: readonly string[], line: number, profile = GENERAL): string[] =>
  nextMarkers(outlineOf(lines.join('\n')), line, profile).map((m) => m.text);

test('after （二） the next sibling （三） comes first, then the first child 1., then the parent’s next sibling 二、', () => {
  const doc = ['一、总体情况', '（一）学习方面', '内容。', '（二）作风方面', '内容。', ''];
  assert.deepEqual(markersAt(doc, 5), ['（三）', '1.', '二、']);
});

test('a child rank follows the container: 1. → （1）, （1） → ①, ① offers no child', () => {
  assert.deepEqual(markersAt(['一、甲', '（一）乙', '1.丙', ''], 3), ['2.', '（1）', '（二）', '二、']);
  assert.deepEqual(markersAt(['一、甲', '（一）乙', '1.丙', '（1）丁', ''], 4), ['（2）', '①', '2.', '（二）', '二、']);
  assert.deepEqual(markersAt(['一、甲', '（一）乙', '1.丙', '（1）丁', '①戊', ''], 5), ['②', '（2）', '2.', '（二）', '二、']);
});

test('before the first heading only 一、 would fit, and it would duplicate the existing 一、: nothing is offered', () => {
  assert.deepEqual(markersAt(['', '一、甲', '二、乙'], 0), []);
  assert.deepEqual(markersAt(['标题', ''], 1), ['一、']);
});

test('a marker that would make a gap, a duplicate or a wrong start is not offered', () => {
  // between （一） and （二）: （二） would duplicate the next one; the first child 1. fits; 二、 would take （二） as its first child
  assert.deepEqual(markersAt(['一、甲', '（一）乙', '', '（二）丙', '二、丁'], 2), ['1.']);
  // after （一） with 1. 2. following under （二）: 二、 would take them (they stay clean), （二） would duplicate
  assert.deepEqual(markersAt(['一、甲', '（一）乙', '内容。', '（二）丙', '1.丁', '2.戊', ''], 6), ['3.', '（1）', '（三）', '二、']);
  // the moved children would start at （二）: 二、 is not offered between （一） and （二） of 一、
  assert.ok(!markersAt(['一、甲', '（一）乙', '', '（二）丙'], 2).includes('二、'));
});

test('the count of siblings before the line sets the number, whatever the numbers written', () => {
  // 一、 三、 (a gap already): the next sibling is the third, 三、 would duplicate it: 四、 (prev + 1) is offered
  assert.deepEqual(markersAt(['一、甲', '三、乙', ''], 2), ['四、', '（一）']);
});

test('⑳ is the last circled marker: no ㉑ is offered', () => {
  const doc = ['一、甲', '（一）乙', '1.丙', '（1）丁'];
  for (let i = 1; i <= 20; i++) {
    doc.push(standardMarker('circled', i) + '项');
  }
  doc.push('');
  const offered = markersAt(doc, doc.length - 1);
  assert.ok(!offered.some((m) => m.startsWith('㉑')), offered.join(' '));
  assert.equal(offered[0], '（2）');
});

test('no marker is offered inside the closing, nor right after 目录/附件： or an item of their list', () => {
  assert.deepEqual(markersAt(['一、甲', '内容。', '以上是我的发言。', ''], 3), []);
  assert.deepEqual(markersAt(['目录', '', '', '1.工作情况'], 1), []);
  assert.deepEqual(markersAt(['附件：', '1.名单', '', '一、正文'], 2), []);
});

test('the missing required parts of a self-inspection, numbered to fit', () => {
  const doc = ['对照检查材料', '一、存在的主要问题', '（一）学习不够。', ''];
  const items = nextMarkers(outlineOf(doc.join('\n')), 3, SELF_INSPECTION);
  assert.deepEqual(
    items.map((m) => [m.text, m.part]),
    [
      ['（二）', undefined],
      ['1.', undefined],
      ['二、', undefined],
      ['二、产生问题的原因', '产生问题的原因'],
      ['二、努力方向和整改措施', '努力方向和整改措施'],
    ],
  );
  // no part offered where a top-level heading would not fit
  assert.deepEqual(
    markersAt(['对照检查材料', '', '一、存在的主要问题'], 1, SELF_INSPECTION).filter((m) => m.length > 3),
    [],
  );
  // only where the profile's order is kept: the causes not after the measures
  assert.deepEqual(markersAt(['一、存在的问题', '二、整改措施', ''], 2, SELF_INSPECTION), ['三、', '（一）']);
  // none missing, none offered
  const whole = ['一、存在的问题', '二、产生问题的原因', '三、整改措施', ''];
  assert.deepEqual(markersAt(whole, 3, SELF_INSPECTION), ['四、', '（一）']);
});

test('an empty self-inspection document is offered the skeleton; a general one only 一、', () => {
  const items = nextMarkers(outlineOf(''), 0, SELF_INSPECTION);
  assert.deepEqual(
    items.map((m) => [m.text, m.skeleton ?? false]),
    [
      ['一、', false],
      ['一、存在的主要问题\n二、产生问题的原因\n三、努力方向和整改措施', true],
    ],
  );
  assert.deepEqual(markersAt([''], 0), ['一、']);
});

test('numberingCodes: what the numbering rule reports of each heading, shared with completion', () => {
  assert.deepEqual(numberingCodes([1, 2, 3]), [undefined, undefined, undefined]);
  assert.deepEqual(numberingCodes([2, 3]), ['start', undefined]);
  assert.deepEqual(numberingCodes([1, 3, 4]), [undefined, 'gap', undefined]);
  assert.deepEqual(numberingCodes([1, 2, 2]), [undefined, undefined, 'duplicate']);
  assert.deepEqual(numberingCodes([1, 3, 3]), [undefined, 'gap', 'duplicate']);
});

// ---------------------------------------------------------------------------------------------------------------
// Property: inserting any offered marker (with a title) on a blank line adds no numbering finding.

const KINDS: readonly MarkerKind[] = ['cn', 'cn-part', 'cn-paren', 'num', 'num-paren', 'circled', 'num-half'];
const heading = fc
  .tuple(fc.constantFrom(...KINDS), fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: 4 }) }, fc.integer({ min: 18, max: 21 })))
  .map(([kind, n]) => standardMarker(kind, Math.min(n, kind === 'circled' ? 20 : n)) + '工作情况');
const docLine = fc.oneof(
  { weight: 5, arbitrary: heading },
  { weight: 3, arbitrary: fc.constantFrom('具体内容如下。', '一是加强学习，二是改进作风。', '附件：', '目录') },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constant('以上是我的发言。') },
);
const NUMBERING = new Set(['numbering.start', 'numbering.gap', 'numbering.duplicate']);

function numberingFindings(text: string): Set<string> {
  const analysis = analyze(outlineOf(text), DEFAULT_CONFIG, 'doc.txt');
  return new Set(analysis.diagnostics.filter((d) => NUMBERING.has(d.code)).map((d) => `${d.code}@${d.line}`));
}

test('property: no offered marker, inserted with a title on a blank line, creates a numbering finding', () => {
  let offeredCount = 0;
  fc.assert(
    fc.property(fc.array(docLine, { maxLength: 30 }), fc.nat(), fc.boolean(), (lines, at, selfInspection) => {
      const line = at % (lines.length + 1);
      const doc = [...lines.slice(0, line), '', ...lines.slice(line)];
      const before = numberingFindings(doc.join('\n'));
      const items = nextMarkers(outlineOf(doc.join('\n')), line, selfInspection ? SELF_INSPECTION : GENERAL);
      for (const item of items.filter((m) => m.skeleton !== true)) {
        offeredCount++;
        const text = item.part !== undefined ? item.text : item.text + '新的标题';
        const after = numberingFindings([...doc.slice(0, line), text, ...doc.slice(line + 1)].join('\n'));
        const added = [...after].filter((f) => !before.has(f));
        assert.deepEqual(added, [], `inserting ${text} at line ${line} of:\n${doc.join('\n')}`);
      }
    }),
    { numRuns: 400 },
  );
  assert.ok(offeredCount > 400, `only ${offeredCount} markers were offered`);
});
