/**
 * Section commands (core/sections.ts): examples of each operation and of each reason it gives, and properties over
 * generated documents (SPEC §6, §7): an operation changes no character that is not part of a marker (a move keeps
 * every line), leaves no numbering finding that was not there, and its inverse gives the original text back.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyze';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { applyLineEdits, LineEdit } from '../../server/src/core/edits';
import { format } from '../../server/src/core/messages';
import type { Outline, Section } from '../../server/src/core/model';
import {
  Outcome,
  renumberEdits,
  SECTION_OPERATIONS,
  sectionAt,
  sectionEdits,
  SectionOperation,
  sectionTarget,
} from '../../server/src/core/sections';
import { scanLine } from '../../server/src/core/scanner';
import { outlineOf } from './helpers';

const SEED = process.env.FC_SEED !== undefined ? Number(process.env.FC_SEED) : undefined;
const SCALE = Number(process.env.FC_RUNS ?? '1');

function run(text: string, line: number, operation: SectionOperation | 'renumber'): Outcome {
  const outline = outlineOf(text);
  return operation === 'renumber' ? renumberEdits(outline) : sectionEdits(outline, line, operation);
}

/** The text after an operation, or its reason in English. */
function after(text: string, line: number, operation: SectionOperation | 'renumber'): string {
  const outcome = run(text, line, operation);
  return 'edits' in outcome ? applyLineEdits(text.split('\n'), outcome.edits).join('\n') : 'REASON: ' + format(outcome.reason);
}

const DOC = [
  '标题', // 0
  '一、问题', // 1
  '（一）学习', // 2
  '1.甲', // 3
  '2.乙', // 4
  '（二）作风', // 5
  '正文二', // 6
  '1.丙', // 7
  '', // 8
  '（三）纪律', // 9
  '（四）其他', // 10
  '二、原因', // 11
  '（一）思想', // 12
  '三、措施', // 13
].join('\n');

test('move down: the section with its body and sub-sections changes places with the next sibling; both renumbered', () => {
  assert.equal(
    after(DOC, 6, 'moveDown'),
    [
      '标题',
      '一、问题',
      '（一）学习',
      '1.甲',
      '2.乙',
      '（二）纪律',
      '',
      '（三）作风',
      '正文二',
      '1.丙',
      '（四）其他',
      '二、原因',
      '（一）思想',
      '三、措施',
    ].join('\n'),
  );
  // the blank lines between sections stay where they are: the space before the next part, the last line break
  assert.equal(after('一、甲\n内容\n二、乙\n\n三、丙', 0, 'moveDown'), '一、乙\n二、甲\n内容\n\n三、丙');
  assert.equal(after('一、甲\n\n二、乙\n', 2, 'moveUp'), '一、乙\n\n二、甲\n');
  // any line of the section names it; moving it back up gives the document again
  assert.equal(after(after(DOC, 6, 'moveDown'), 7, 'moveUp'), DOC);
  assert.equal(after(after(DOC, 11, 'moveUp'), 1, 'moveDown'), DOC);
});

test('move up of a top-level section carries its sub-sections; a first or last sibling cannot move further', () => {
  assert.equal(
    after(DOC, 11, 'moveUp'),
    [
      '标题',
      '一、原因',
      '（一）思想',
      '二、问题',
      '（一）学习',
      '1.甲',
      '2.乙',
      '（二）作风',
      '正文二',
      '1.丙',
      '',
      '（三）纪律',
      '（四）其他',
      '三、措施',
    ].join('\n'),
  );
  assert.equal(after(DOC, 1, 'moveUp'), 'REASON: “一、问题” has no previous sibling to change places with.');
  assert.equal(after(DOC, 12, 'moveDown'), 'REASON: “（一）思想” has no next sibling to change places with.');
  assert.equal(after(DOC, 0, 'moveDown'), 'REASON: Line 1 is not inside a numbered section.');
  // a sibling of another rank is not one to change places with: （一） after 1. under the same parent
  assert.match(after('一、甲\n1.乙\n（一）丙', 2, 'moveUp'), /^REASON: “（一）丙” has no previous sibling/);
});

test('promote: a promoted （二） takes the later （三）（四） of its old parent as its children; everything after renumbered', () => {
  assert.equal(
    after(DOC, 5, 'promote'),
    [
      '标题',
      '一、问题',
      '（一）学习',
      '1.甲',
      '2.乙',
      '二、作风',
      '正文二',
      '（一）丙',
      '',
      '（二）纪律',
      '（三）其他',
      '三、原因',
      '（一）思想',
      '四、措施',
    ].join('\n'),
  );
  assert.equal(after(DOC, 1, 'promote'), 'REASON: “一、问题” is already at the top rank (一、): there is no higher one.');
});

test('demote: the section goes under its previous sibling with its sub-sections one rank down', () => {
  assert.equal(
    after(DOC, 5, 'demote'),
    [
      '标题',
      '一、问题',
      '（一）学习',
      '1.甲',
      '2.乙',
      '3.作风',
      '正文二',
      '（1）丙',
      '',
      '（二）纪律',
      '（三）其他',
      '二、原因',
      '（一）思想',
      '三、措施',
    ].join('\n'),
  );
  // demote then promote gives the section back its place when no later sibling was taken in
  assert.equal(after(after(DOC, 10, 'demote'), 10, 'promote'), DOC);
  assert.equal(
    after(DOC, 2, 'demote'),
    'REASON: “（一）学习” has no previous sibling to go under: one rank down it would stand above its siblings.',
  );
  assert.equal(
    after('一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n（二）己', 5, 'demote'),
    '一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n2.己',
    'under the previous sibling, after its sub-sections',
  );
  assert.match(after('一、甲\n（一）乙\n1.丙\n（1）丁\n①戊', 4, 'demote'), /lowest rank/);
  assert.equal(after('一、甲\n（一）乙\n（二）丙\n1.丁', 2, 'demote'), '一、甲\n（一）乙\n1.丙\n（1）丁');
});

test('a change of rank takes the kind of the siblings it joins; a new kind of marker comes from the ladder', () => {
  assert.equal(after('第一部分 总体\n（一）甲\n（二）乙', 2, 'promote'), '第一部分 总体\n（一）甲\n第二部分乙');
  assert.equal(after('一、甲\n（一）乙\n（二）丙', 2, 'demote'), '一、甲\n（一）乙\n1.丙');
});

test('reasons: a marker that would stop being one, a number a marker cannot write', () => {
  // a marker that would take in the title's first character is not written (第二部分、2023年: the 、 would be its)
  assert.match(after('第一部分 甲\n（一）、2023年工作', 1, 'promote'), /^REASON: The markers would not keep/);
  // 1.2023年 reads as a number, not a heading
  assert.match(
    after('一、甲\n（一）乙\n（二）2023年工作', 2, 'demote'),
    /^REASON: The markers would not keep “（二）2023年工作” a heading/,
  );
  const circled = Array.from({ length: 20 }, (_, i) => String.fromCharCode(0x2460 + i) + '项');
  assert.match(after(['一、甲', '（一）乙', '1.丙', '（1）丁', ...circled, '（2）戊'].join('\n'), 24, 'demote'), /would need number 21/);
});

test('renumber: every group of headings and every 一是/二是 run in one edit; nothing to do is a reason', () => {
  assert.equal(
    after('一、甲\n三、乙\n（二）丙\n（二）丁\n一是学，三是做。', 0, 'renumber'),
    '一、甲\n二、乙\n（一）丙\n（二）丁\n一是学，二是做。',
  );
  assert.equal(after('一、甲\n二、乙', 0, 'renumber'), 'REASON: Every heading and enumeration is already numbered in order.');
  // full-width digits stay full-width
  assert.equal(after('１．甲\n３．乙', 0, 'renumber'), '１．甲\n２．乙');
});

test('sectionAt: the innermost section holding a line, none before the first heading', () => {
  const outline = outlineOf(DOC);
  assert.equal(sectionAt(outline, 0), undefined);
  assert.equal(sectionAt(outline, 8)?.line, 7);
  assert.equal(sectionAt(outline, 9)?.line, 9);
  assert.equal(sectionAt(outline, 13)?.line, 13);
});

test('moves keep each line break where it was: edits never cross a line (CRLF documents)', () => {
  const crlf = DOC.split('\n').join('\r\n');
  const outcome = run(crlf, 5, 'moveDown');
  assert.ok('edits' in outcome);
  assert.ok(outcome.edits.every((e) => e.line === e.endLine && !/[\r\n]/.test(e.newText)));
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const TITLES = ['学习不够深入', '作风', '2023年工作', '', '关于“理想信念”方面', '加强学习。要求如下', '**重点**'];
const numberOf = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: 5, max: 22 }) },
);
const cn = (n: number): string => '零一二三四五六七八九十'[n] ?? '十' + '零一二三四五六七八九'[n - 10];
const marker = fc.tuple(fc.integer({ min: 0, max: 9 }), numberOf).map(([k, n]) => {
  switch (k) {
    case 0:
    case 1:
      return cn(Math.min(n, 19)) + '、';
    case 2:
      return '（' + cn(Math.min(n, 19)) + '）';
    case 3:
      return n + '.';
    case 4:
      return '（' + n + '）';
    case 5:
      return n <= 20 ? String.fromCharCode(0x2460 + n - 1) : n + '）';
    case 6:
      return '第' + cn(Math.min(n, 19)) + '部分 ';
    case 7:
      return '(' + cn(Math.min(n, 19)) + ')';
    case 8:
      return n + '、';
    default:
      return '（' + cn(Math.min(n, 19)) + '）、';
  }
});
const headingLine = fc
  .tuple(fc.constantFrom('', '', '', '  ', '## '), marker, fc.constantFrom(...TITLES), fc.constantFrom('', '', '具体如下。'))
  .map(([indent, m, title, body]) => indent + m + title + body);
const bodyLine = fc.constantFrom(
  '正文内容。',
  '一是学习，二是作风。',
  '一是学习，三是作风。',
  '二是纪律。',
  '附件：',
  '以上是我的发言。',
  '  ',
  '',
);
const docLine = fc.oneof({ weight: 5, arbitrary: headingLine }, { weight: 4, arbitrary: bodyLine });
const document = fc
  .tuple(fc.array(docLine, { minLength: 1, maxLength: 24 }), fc.constantFrom('\n', '\r\n'))
  .map(([lines, eol]) => ({ lines, eol }));

/** A line without its marker and the numerals of its 一是/二是: what an operation must leave alone. */
function stripped(line: string): string {
  const info = scanLine(line);
  const cuts: [number, number][] = [];
  if (info.marker !== undefined) {
    cuts.push([info.marker.start, info.marker.end]);
  }
  for (const item of info.inline ?? []) {
    cuts.push([item.numberStart, item.numberEnd]);
  }
  let out = '';
  let at = 0;
  for (const [from, to] of cuts.sort((a, b) => a[0] - b[0])) {
    out += line.slice(at, Math.max(at, from));
    at = Math.max(at, to);
  }
  return out + line.slice(at);
}

/** May an edit on `line` touch these columns: a marker, or the numeral of an inline item? */
function inMarker(line: string, e: LineEdit): boolean {
  const info = scanLine(line);
  const ranges = [
    ...(info.marker !== undefined ? [[info.marker.start, info.marker.end]] : []),
    ...(info.inline ?? []).map((i) => [i.numberStart, i.numberEnd]),
  ];
  return ranges.some(([from, to]) => from <= e.character && e.endCharacter <= to);
}

const NUMBERING = new Set(['numbering.gap', 'numbering.duplicate', 'numbering.start', 'numbering.level-inversion', 'inline.sequence']);

/** The numbering findings of a text as a multiset of code and the line's text without markers. */
function findings(lines: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of analyze(outlineOf(lines.join('\n')), DEFAULT_CONFIG, 'doc.txt').diagnostics) {
    if (NUMBERING.has(d.code)) {
      const key = `${d.code}|${stripped(lines[d.line])}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

/** Are the siblings of a section's rank numbered 1, 2, 3 …? */
function numberedInOrder(outline: Outline, s: Section): boolean {
  return (s.parent?.children ?? outline.sections).filter((c) => c.level === s.level).every((c, i) => c.marker.number === i + 1);
}

/** The edits that undo single-line edits: each range as it is after them, with the text it replaced. */
function inverse(lines: readonly string[], edits: readonly LineEdit[]): LineEdit[] {
  const sorted = [...edits].sort((a, b) => a.line - b.line || a.character - b.character);
  let shift = 0;
  let line = -1;
  return sorted.map((e) => {
    if (e.line !== line) {
      line = e.line;
      shift = 0;
    }
    const character = e.character + shift;
    shift += e.newText.length - (e.endCharacter - e.character);
    return {
      line: e.line,
      character,
      endLine: e.line,
      endCharacter: character + e.newText.length,
      newText: lines[e.line].slice(e.character, e.endCharacter),
    };
  });
}

test('property: every operation on any section changes markers only (moves keep every line), adds no numbering finding, and its inverse gives the text back', (t) => {
  const applied = new Map<string, number>();
  let movedBack = 0;
  fc.assert(
    fc.property(document, fc.nat(), fc.boolean(), ({ lines, eol }, at, onHeading) => {
      const text = lines.join(eol);
      const outline = outlineOf(text);
      // any line, or a heading's (more sections have siblings there than in the text before the first heading)
      const line = onHeading && outline.all.length > 0 ? outline.all[at % outline.all.length].line : at % lines.length;
      const before = findings(lines);
      for (const operation of [...SECTION_OPERATIONS, 'renumber' as const]) {
        const outcome = operation === 'renumber' ? renumberEdits(outline) : sectionEdits(outline, line, operation);
        if (!('edits' in outcome)) {
          assert.ok(format(outcome.reason).length > 0);
          continue;
        }
        applied.set(operation, (applied.get(operation) ?? 0) + 1);
        const { edits } = outcome;
        const where = `${operation} at line ${line} of:\n${lines.join('\n')}`;
        // no edit only when two sections alike changed places
        assert.ok(edits.length > 0 || operation === 'moveUp' || operation === 'moveDown', where);
        assert.ok(
          edits.every((e) => e.line === e.endLine && !/[\r\n]/.test(e.newText)),
          `an edit crosses a line: ${where}`,
        );
        const result = applyLineEdits(lines, edits);
        assert.equal(result.length, lines.length, where);
        if (operation === 'moveUp' || operation === 'moveDown') {
          // the same lines, markers aside, in another order
          assert.deepEqual(result.map(stripped).sort(), lines.map(stripped).sort(), where);
        } else {
          assert.ok(
            edits.every((e) => inMarker(lines[e.line], e)),
            `an edit touches more than a marker: ${JSON.stringify(edits)} ${where}`,
          );
          assert.deepEqual(result.map(stripped), lines.map(stripped), where);
        }
        assert.equal(outlineOf(result.join(eol)).all.length, outline.all.length, `a heading was lost: ${where}`);
        for (const [key, count] of findings(result)) {
          assert.ok(count <= (before.get(key) ?? 0), `new finding ${key}: ${where}\n→\n${result.join('\n')}`);
        }
        assert.deepEqual(applyLineEdits(result, inverse(lines, edits)), lines, `the inverse does not give the text back: ${where}`);
      }
      // in the document renumbered (each group 1, 2, 3 …), moving a section back where it was is the inverse of a move
      const renumbered = renumberEdits(outline);
      const ordered = 'edits' in renumbered ? applyLineEdits(lines, renumbered.edits) : lines;
      const orderedOutline = outlineOf(ordered.join(eol));
      for (const operation of ['moveUp', 'moveDown'] as const) {
        const target = sectionTarget(orderedOutline, line, operation);
        const moved = sectionEdits(orderedOutline, line, operation);
        if (
          !('section' in target) ||
          target.other === undefined ||
          !('edits' in moved) ||
          !numberedInOrder(orderedOutline, target.section)
        ) {
          continue;
        }
        const { section, other } = target;
        const result = applyLineEdits(ordered, moved.edits);
        const now = operation === 'moveUp' ? other.line : section.line + orderedOutline.endOf(other) - orderedOutline.endOf(section);
        const back = sectionEdits(outlineOf(result.join(eol)), now, operation === 'moveUp' ? 'moveDown' : 'moveUp');
        const where = `${operation} at line ${line} and back of:\n${ordered.join('\n')}`;
        assert.ok('edits' in back, `${where}\nno way back: ${'reason' in back ? format(back.reason) : ''}`);
        assert.deepEqual(applyLineEdits(result, back.edits), ordered, where);
        movedBack++;
      }
    }),
    { numRuns: Math.round(800 * SCALE), seed: SEED, includeErrorInReport: true },
  );
  // the property is about operations that apply: each must have applied often
  t.diagnostic(`applied: ${[...applied].map(([op, n]) => `${op} ${n}`).join(', ')}; moved back: ${movedBack}`);
  assert.ok(movedBack >= 20, `only ${movedBack} moves were moved back`);
  for (const operation of [...SECTION_OPERATIONS, 'renumber']) {
    assert.ok((applied.get(operation) ?? 0) >= 50, `${operation} applied only ${applied.get(operation) ?? 0} times`);
  }
});
