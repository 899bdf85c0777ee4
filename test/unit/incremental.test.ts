/**
 * Incremental parsing gives the same result as a full parse, on random edit sequences.
 *
 * Each sequence starts from a random 公文-like text (headings of every kind and variant, inline enumerations,
 * counts, placeholders, attachment lists, closings, CJK and emoji, line breaks \n, \r\n and \r mixed) and applies
 * ~30 random edits: typing, deleting, replacing, pasting text with line breaks and headings, joining and splitting
 * lines, ranges past the end of a line or of the document. After each edit the incrementally updated LineTable must
 * hold exactly the text of the reference (a string spliced at TextDocument's offsets, which must in turn equal
 * vscode-languageserver-textdocument's TextDocument.update), the lines of a TextDocument of that text (the LSP
 * semantics of positions and line breaks), the same line scans and notable index as a LineTable built fresh from
 * that text, and parse() must give the same outline. The PRNG is seeded: a failure names its sequence and edit and reproduces.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis, analyze, sameFindings } from '../../server/src/core/analyze';
import { DEFAULT_CONFIG, resolveConfig } from '../../server/src/core/config';
import { CODES } from '../../server/src/core/codes';
import { LineTable } from '../../server/src/core/lines';
import type { Outline, Part, Section } from '../../server/src/core/model';
import { parse, reparse } from '../../server/src/core/parser';
import { GongwenDocument } from '../../server/src/service/document';
import { prng } from '../support/prng';
import { plainAnalysis, ROOT } from './helpers';

/** The default config with the review codes of SPEC §9 off. */
const STRUCTURE = resolveConfig([
  {
    name: 'settings',
    value: { diagnostics: { severity: Object.fromEntries(CODES.filter((c) => c.startsWith('review.')).map((c) => [c, 'ignore'])) } },
  },
]).config;

/** A profile extended with the review settings of SPEC §9. */
const REVIEW = resolveConfig([
  {
    name: '.gongwen.json',
    value: {
      profiles: [
        {
          id: 'self-inspection',
          focusAreas: [
            { label: '理论武装', patterns: ['理论武装|理论学习'] },
            { label: '作风建设', patterns: ['作风'] },
          ],
          thresholds: { problemsChars: 50, causesChars: 20, totalChars: 200, proportion: 0.3, vagueWords: 2 },
          lexicons: { vague: ['不到位'], excuse: ['头绪多'] },
        },
      ],
    },
  },
]).config;

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const int = (random: Random, max: number): number => Math.floor(random() * (max + 1));

const BREAKS = ['\n', '\n', '\n', '\r\n', '\r'];

const LINES = [
  '2026年度专题民主生活会个人对照检查材料',
  '按照要求，结合工作实际，现将有关情况报告如下。',
  '一、存在的主要问题',
  '二、产生问题的原因',
  '三、努力方向和整改措施',
  '四.其他',
  '五 需要说明的问题',
  '第一部分 总体情况',
  '（一）理论学习方面。一是学习不够系统。二是学用结合不紧。三是运用不够。',
  '（二）关于“统领经济社会发展的能力，需要进一步增强”方面。贯彻落实不到位。',
  '(三）担当作为方面。有时对困难估计不足。',
  '（四）、作风建设方面',
  '（五）',
  '1.坚持每月开展一次专题调研，形成调研报告。',
  '2、每半年报告一次学习和整改情况',
  '１．全角数字的标题',
  '（1）细化措施。',
  '(2) 明确时限',
  '①建立清单',
  '②跟踪问效。',
  '3.5亿元的投入已经到位。',
  '2025年工作回顾',
  '主要存在以下三个方面问题：',
  '一是学习不深；三是联系实际不够。',
  '第一，提高站位；第二，压实责任。其一，其二，',
  '于20**年底前完成，在X月X日前形成清单，查处x起x人，×××同志，某某单位。',
  '走访【联系户名单】中的困难群众，[城市名称]。',
  '附件：1.2026年发文目录',
  '2.2026年督办事项清单',
  '目录',
  '以上是我的个人对照检查，请各位同志批评指正。',
  '最后，恳请大家提出宝贵意见。',
  '# 一、Markdown 标题',
  '## （一）**加粗标题**',
  '**（二）文稿服务质量稳步提升。** 全年起草各类文稿120余篇。',
  '> 1. 引用里的标题',
  '- （1）列表里的标题',
  '\u3000\u3000一、全角空格缩进的标题',
  '&nbsp;二、网页空格',
  '正文正文正文正文正文正文正文正文正文正文，标题被截断后在下一行继续的长长的一行文字没有句号',
  '继续的第二行，直到这里才结束。',
  '😀表情符号😀正文🎉，一是😀二是',
  '',
  '',
  '   ',
  '\t',
  // the review of self-inspection materials (SPEC §9)
  '2025年度组织生活会个人对照检查材料',
  '领导班子对照检查材料',
  '班子全年学习12次，个别同志不够重视，理解不深，有待加强。',
  '我在2024年度民主生活会上的发言取得了好评，虽然有进步，但还不够。',
  '工作忙、任务重是客观原因；不能以时间紧为借口。',
  '上一年度民主生活会整改措施落实情况',
  '按照本次民主生活会要求，对照主题教育专题组织生活会查摆的问题。',
  '（一）在作风建设方面。比如，我今年到基层调研6次。',
  '（二）在理论武装方面',
  // typography (SPEC §8): line-scope rules
  '学习,工作;是否到位?会议(待定)，他说"好的"。',
  '《论语》、《孟子》，第一、提高认识...等等…',
  '2024-2025年，24年度，二〇二五年8月，党的20大，3,000元，9:30，https://a.cn/x?a=1,b=2',
  '```',
  '代码:不检查,"引号"',
];

const INSERTS = [
  '',
  '的',
  '一',
  '、',
  '。',
  '（',
  '）',
  '是',
  'X',
  '*',
  '😀',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '二、',
  '（三）',
  '1.',
  '①',
  '一是',
  '四是',
  '以下五个方面',
  '\n一、新的标题\n',
  '\r\n（二）新的小标题。正文\r\n',
  '\n1.新的三级标题\n（1）四级\n',
  '\r以上是我的发言，请批评指正。\r',
  '附件：1.材料\n2.清单\n',
  '正文正文\n正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文正文\n续行',
  ',',
  '"',
  '...',
  '```',
  '第一、',
];

function randomText(random: Random): string {
  const n = 1 + int(random, 60);
  let text = '';
  for (let i = 0; i < n; i++) {
    text += pick(random, LINES) + (i < n - 1 || random() < 0.3 ? pick(random, BREAKS) : '');
  }
  return text;
}

interface Change {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  text: string;
}

/** A random position: usually inside the document, sometimes past the end of a line or of the document. */
function randomPosition(random: Random, doc: TextDocument): { line: number; character: number } {
  const r = random();
  if (r < 0.03) {
    return { line: doc.lineCount + int(random, 3), character: int(random, 5) };
  }
  const line = int(random, doc.lineCount - 1);
  const length = doc
    .getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } })
    .replace(/[\r\n]+$/, '').length;
  return { line, character: r < 0.08 ? length + int(random, 4) : int(random, length) };
}

function randomChange(random: Random, doc: TextDocument): Change {
  const start = randomPosition(random, doc);
  const kind = random();
  let end: { line: number; character: number };
  if (kind < 0.35) {
    end = start; // typing or pasting
  } else if (kind < 0.6) {
    end = { line: start.line, character: start.character + 1 + int(random, 3) }; // delete within a line
  } else if (kind < 0.75) {
    end = { line: start.line + 1, character: int(random, 2) }; // across a line break (join lines)
  } else if (kind < 0.95) {
    end = randomPosition(random, doc); // any range, possibly reversed
  } else {
    end = { line: doc.lineCount + 2, character: 0 }; // to past the end
  }
  const text = kind < 0.35 || random() < 0.5 ? pick(random, INSERTS) + (random() < 0.2 ? pick(random, INSERTS) : '') : '';
  return { range: { start, end }, text };
}

/** The outline as plain data: what the tests compare. */
function project(outline: Outline) {
  const placeholders = (p: Part) => outline.textOf(p).placeholders.map((r) => [r.line, r.span.start, r.span.end]);
  const section = (s: Section) => ({
    line: s.line,
    endLine: outline.endOf(s),
    level: s.level,
    marker: { ...s.marker },
    title: { ...outline.titleOf(s) },
    titleEndLine: outline.titleOf(s).endLine,
    parent: s.parent?.index ?? -1,
    children: s.children.map((c) => c.index),
    inline: outline.textOf(s).inline.map((r) => [r.line, { ...r.item }]),
    counts: outline.textOf(s).counts.map((c) => [c.line, { ...c.claim }]),
    placeholders: placeholders(s),
    chars: outline.charsBetween(s.line, outline.endOf(s)),
  });
  return {
    lineCount: outline.lineCount,
    sections: outline.sections.map((s) => s.index),
    all: outline.all.map(section),
    rootInline: outline.textOf(outline.root).inline.map((r) => [r.line, { ...r.item }]),
    rootCounts: outline.textOf(outline.root).counts.map((c) => [c.line, { ...c.claim }]),
    rootPlaceholders: placeholders(outline.root),
    closingLine: outline.closingLine,
    closingEndLine: outline.closingEndLine,
  };
}

function tableLines(table: LineTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < table.lineCount; i++) {
    out.push(table.line(i));
  }
  return out;
}

function docLines(doc: TextDocument): string[] {
  const out: string[] = [];
  for (let i = 0; i < doc.lineCount; i++) {
    out.push(
      doc.getText({ start: { line: i, character: 0 }, end: { line: i, character: Number.MAX_SAFE_INTEGER } }).replace(/(\r\n|\r|\n)$/, ''),
    );
  }
  return out;
}

const SEQUENCES = 300;
const EDITS = 30;

test(`LineTable.applyEdit equals a fresh LineTable and parse() a full parse, on ${SEQUENCES} random sequences of ${EDITS} edits`, () => {
  let checked = 0;
  let reparsed = 0;
  let sameLineCount = 0;
  for (let seq = 0; seq < SEQUENCES; seq++) {
    const random = prng(1000 + seq);
    const initial = randomText(random);
    let table = LineTable.of(initial);
    let doc = TextDocument.create('file:///t.gongwen', 'gongwen', 1, initial);
    let reference = initial;
    let outline = parse(table); // a model of the old version exists while edits arrive, as in the server
    for (let e = 0; e < EDITS; e++) {
      const where = `sequence ${seq}, edit ${e}`;
      const change = randomChange(random, doc);
      // the reference string: spliced at the offsets TextDocument gives for the range (ordered, clamped)
      let from = doc.offsetAt(change.range.start);
      let to = doc.offsetAt(change.range.end);
      if (to < from) {
        [from, to] = [to, from];
      }
      const previousText = reference;
      reference = reference.slice(0, from) + change.text + reference.slice(to);
      const updated = TextDocument.update(
        TextDocument.create(doc.uri, doc.languageId, doc.version, doc.getText()),
        [change],
        doc.version + 1,
      );
      assert.equal(updated.getText(), reference, `${where}: TextDocument.update and the spliced reference disagree`);
      // lines and positions from a fresh TextDocument of the new text: after a range past the end of the document,
      // TextDocument.update keeps the right text but miscounts its lines (and later updates then go wrong)
      doc = TextDocument.create(doc.uri, doc.languageId, doc.version + 1, reference);

      const { start, end } = change.range;
      const previous = table;
      const edited = table.applyEdit({
        startLine: start.line,
        startCharacter: start.character,
        endLine: end.line,
        endCharacter: end.character,
        text: change.text,
      });
      table = edited.table;
      const fresh = LineTable.of(reference);
      assert.equal(previous.getText(), previousText, `${where}: the table of the version before keeps its text`);
      assert.equal(table.getText(), reference, `${where}: text (${JSON.stringify(change)})`);
      assert.equal(table.lineCount, doc.lineCount, `${where}: line count vs TextDocument`);
      assert.deepEqual(tableLines(table), docLines(doc), `${where}: lines vs TextDocument`);
      for (let i = 0; i < fresh.lineCount; i++) {
        assert.deepEqual(table.info(i), fresh.info(i), `${where}: scan of line ${i}`);
      }
      assert.deepEqual([...table.notable], [...fresh.notable], `${where}: notable index`);
      const full = project(parse(fresh));
      assert.deepEqual(project(parse(table)), full, `${where}: outline`);
      // an edit that kept the number of lines: the outline built from the previous one, when reparse takes it
      if (edited.removed === edited.inserted) {
        sameLineCount++;
        const re = reparse(outline, previous, table, edited.firstLine, edited.inserted);
        if (re !== undefined) {
          assert.deepEqual(project(re), full, `${where}: outline from the previous one`);
          reparsed++;
        }
      }
      outline = parse(table);
      checked++;
    }
  }
  assert.equal(checked, SEQUENCES * EDITS);
  assert.ok(reparsed > 0 && reparsed < sameLineCount, `${reparsed} of ${sameLineCount} outlines built from the previous one`);
});

test('a paste of a whole document into an empty one, and deleting everything, give the full parse', () => {
  const random = prng(7);
  const text = Array.from({ length: 400 }, () => pick(random, LINES)).join('\r\n');
  const empty = LineTable.of('');
  const pasted = empty.applyEdit({ startLine: 0, startCharacter: 0, endLine: 0, endCharacter: 0, text }).table;
  assert.equal(pasted.getText(), text);
  assert.equal(empty.getText(), '', 'the version before keeps its text');
  assert.deepEqual(project(parse(pasted)), project(parse(LineTable.of(text))));
  const table = pasted.applyEdit({ startLine: 0, startCharacter: 0, endLine: pasted.lineCount, endCharacter: 0, text: '' }).table;
  assert.equal(table.getText(), '');
  assert.equal(table.lineCount, 1);
  assert.deepEqual(project(parse(table)), project(parse(LineTable.of(''))));
});

test('GongwenDocument with incremental changes has the outline, lines, positions and analysis of a fresh one', () => {
  const path = 'dir/对照检查材料.txt';
  let analysed = 0;
  let reused = 0;
  let kept = 0;
  let shared = 0;
  let versions = 0;
  for (let seq = 0; seq < 60; seq++) {
    const random = prng(5000 + seq);
    // every other sequence with the review settings of a profile: focus areas, low thresholds, lexicon additions
    const config = seq % 2 === 0 ? DEFAULT_CONFIG : REVIEW;
    const initial = randomText(random);
    const doc = new GongwenDocument('file:///t.gongwen', 'gongwen', 1, initial);
    let reference = TextDocument.create('file:///t.gongwen', 'gongwen', 1, initial);
    void doc.outline;
    let previous: Analysis | undefined = doc.analysis(config, path);
    for (let e = 0; e < 30; e++) {
      const where = `sequence ${seq}, edit ${e}`;
      // one or several changes per version, as a client batches them; now and then a full-text change
      const changes: ({ text: string } | Change)[] = [];
      const batch = 1 + int(random, 2);
      let next = reference;
      for (let k = 0; k < batch; k++) {
        const change = random() < 0.03 ? { text: randomText(random) } : randomChange(random, next);
        changes.push(change);
        const text = TextDocument.update(
          TextDocument.create(next.uri, next.languageId, next.version, next.getText()),
          [change],
          next.version + 1,
        ).getText();
        next = TextDocument.create(next.uri, next.languageId, next.version + 1, text);
      }
      const updated = TextDocument.update(reference, changes, reference.version + 1);
      assert.equal(updated.getText(), next.getText(), `${where}: batched and one-by-one changes disagree`);
      reference = TextDocument.create(updated.uri, updated.languageId, updated.version, updated.getText());
      const before = doc.outline;
      doc.update(changes, reference.version);
      shared += before.all.length > 0 && doc.outline.all === before.all ? 1 : 0;
      versions++;
      const text = reference.getText();
      const fresh = new GongwenDocument('file:///t.gongwen', 'gongwen', reference.version, text);
      assert.equal(doc.getText(), text, where);
      assert.equal(doc.version, reference.version, where);
      assert.equal(doc.lineCount, reference.lineCount, where);
      assert.deepEqual(project(doc.outline), project(fresh.outline), `${where}: outline`);
      assert.equal(doc.outline, doc.outline, `${where}: the outline is cached per version`);
      for (let i = 0; i < reference.lineCount; i++) {
        assert.equal(doc.lineText(i), fresh.lineText(i), `${where}: line ${i}`);
      }
      // the analysis, kept from an earlier version or made anew, is the one of a fresh document; now and then a
      // version is not analysed, so that the next analysis spans several batches of edits
      if (random() < 0.75) {
        const analysis = doc.analysis(config, path);
        assert.deepEqual(plainAnalysis(analysis), plainAnalysis(analyze(fresh.outline, config, path)), `${where}: analysis`);
        analysed++;
        reused += analysis.made.fresh ? 0 : 1;
        kept += analysis.diagnostics === previous?.diagnostics ? 1 : 0;
        previous = analysis;
      }
      for (let k = 0; k < 5; k++) {
        const offset = int(random, text.length);
        assert.deepEqual(doc.positionAt(offset), reference.positionAt(offset), `${where}: positionAt(${offset})`);
        const position = randomPosition(random, reference);
        assert.equal(doc.offsetAt(position), reference.offsetAt(position), `${where}: offsetAt(${JSON.stringify(position)})`);
      }
    }
  }
  // both paths ran: analyses kept across versions (typing that leaves the structure alone) and analyses made anew
  assert.ok(reused > 0 && reused < analysed, `${reused} of ${analysed} analyses made from the last one (the rest afresh)`);
  assert.ok(kept > 0, `${kept} of ${analysed} analyses kept every finding`);
  assert.ok(shared > 0 && shared < versions, `${shared} of ${versions} outlines share the sections of the version before`);
});

test('the analysis is kept while typing in body text, and made anew when a title changes by one character', () => {
  // the structure rules only: the review (SPEC §9) would find this short material too short
  const text =
    '民主生活会个人对照检查材料\n一、存在的主要问题\n学习不够深入。\n二、产生问题的原因\n放松了要求。\n三、整改措施\n加强学习。\n';
  const doc = new GongwenDocument('file:///keep.txt', 'gongwen', 1, text);
  const path = 'keep.txt';
  const first = doc.analysis(STRUCTURE, path);
  assert.deepEqual(first.diagnostics, []);
  const at = (line: number, character: number, endCharacter: number, newText: string) => ({
    range: { start: { line, character }, end: { line, character: endCharacter } },
    text: newText,
  });
  doc.update([at(2, 2, 2, '的')], 2); // typing in a body line
  const typed = doc.analysis(STRUCTURE, path);
  assert.deepEqual(
    typed.made,
    { fresh: false, units: 6, rules: ['section-empty', 'count-mismatch', 'inline-sequence', 'placeholder', 'punctuation', 'numbers'] },
    'the units that read the body line: section.empty (is the section still bare?), the three rules of its own text and the two typography rules of the line',
  );
  assert.equal(typed.diagnostics, first.diagnostics, 'kept');
  doc.update([at(3, 8, 9, '困')], 3); // 原因 → 原困: same length, the title no longer names the causes
  const changed = doc.analysis(STRUCTURE, path);
  assert.notEqual(changed, first);
  assert.deepEqual(
    changed.diagnostics.map((d) => d.code),
    ['section.missing'],
  );
  assert.equal(changed.made.fresh, false, 'a title changed: its section and the document checked again');
  assert.deepEqual(
    plainAnalysis(changed),
    plainAnalysis(analyze(new GongwenDocument('file:///fresh.txt', 'gongwen', 3, doc.getText()).outline, STRUCTURE, path)),
  );
  assert.equal(doc.analysis({ ...STRUCTURE }, path).made.fresh, true, 'another config: analysed anew');
  // more edits than the document remembers, then the title mended: analysed anew, as a fresh document
  for (let v = 4; v < 80; v++) {
    doc.update([at(4, 0, 0, '再')], v);
  }
  doc.update([at(3, 8, 9, '因')], 80);
  assert.deepEqual(doc.analysis(STRUCTURE, path).diagnostics, []);
});

test('edits that keep every line scan the same but change the outline are not taken from the previous one', () => {
  const cases: { name: string; text: string; line: number; from: number; to: number; insert: string }[] = [
    // the words of a contents line decide what follows: after 目录 an 一、 line is an entry, after 附件： a heading
    { name: '目录 becomes 附件：', text: '工作总结\n目录\n一、总则\n正文。\n', line: 1, from: 0, to: 2, insert: '附件：' },
    // a line after an unterminated title becomes its continuation once it is short enough
    {
      name: 'a line shortened into a title continuation',
      text: '工作总结\n一、关于进一步加强和改进机关作风建设的若干意见和建议\n这一行比标题长得多所以不是标题的续行而是正文的开头部分文字\n',
      line: 2,
      from: 8,
      to: 30,
      insert: '',
    },
    // a placeholder of the same length and place, another text
    {
      name: 'a placeholder rewritten in place',
      text: '工作总结\n一、主要做法\n在【城市】召开会议。\n',
      line: 2,
      from: 2,
      to: 3,
      insert: '乡',
    },
    // text after a title that ends with a colon: the heading is no longer bare
    {
      name: 'text after 一、主要问题：',
      text: '工作总结\n一、主要问题：\n二、原因\n正文。\n',
      line: 1,
      from: 7,
      to: 7,
      insert: '学习不够。',
    },
  ];
  for (const c of cases) {
    const doc = new GongwenDocument('file:///case.txt', 'gongwen', 1, c.text);
    void doc.outline;
    doc.update([{ range: { start: { line: c.line, character: c.from }, end: { line: c.line, character: c.to } }, text: c.insert }], 2);
    assert.deepEqual(project(doc.outline), project(parse(LineTable.of(doc.getText()))), c.name);
  }
});

test('findings that differ only in severity are not the same (a pull after a settings change is a full report)', () => {
  const outline = parse(LineTable.of('工作总结\n一、甲\n正文。\n三、乙\n正文。\n'));
  const warning = analyze(outline, DEFAULT_CONFIG, 'doc.txt').diagnostics;
  const error = analyze(
    outline,
    { ...DEFAULT_CONFIG, severity: { ...DEFAULT_CONFIG.severity, 'numbering.gap': 'error' } },
    'doc.txt',
  ).diagnostics;
  assert.equal(sameFindings(warning, analyze(outline, DEFAULT_CONFIG, 'doc.txt').diagnostics), true);
  assert.equal(sameFindings(warning, error), false);
});

test('positions a client should not send: fractions count as their integer part; a malformed change is skipped, the rest and the version apply', () => {
  const text = '工作总结\n一、甲\n正文。\n';
  const fractional = new GongwenDocument('file:///f.txt', 'gongwen', 1, text);
  const whole = new GongwenDocument('file:///w.txt', 'gongwen', 1, text);
  const at = (line: number, character: number) => ({ range: { start: { line, character }, end: { line, character } }, text: '的' });
  assert.deepEqual(fractional.update([at(1.7, 2.9), at(2, 0.5)], 2), []);
  whole.update([at(1, 2), at(2, 0)], 2);
  assert.equal(fractional.getText(), whole.getText());
  // a change whose position is not a number is skipped and reported; the changes after it and the version apply
  const doc = new GongwenDocument('file:///m.txt', 'gongwen', 1, text);
  const malformed = { range: { start: { line: '1', character: 0 }, end: { line: 1, character: 0 } }, text: 'X' };
  const problems = doc.update([malformed as unknown as ReturnType<typeof at>, at(0, 0)], 7);
  assert.equal(problems.length, 1);
  assert.match(problems[0], /malformed range/);
  assert.equal(doc.getText(), '的' + text);
  assert.equal(doc.version, 7);
});

test('review rules (SPEC §9) run again only for the part typed in: problems, causes or measures', () => {
  const text = readFileSync(join(ROOT, 'test', 'fixtures', 'rules', 'review-clean.txt'), 'utf8');
  const lines = text.split('\n');
  const lineOf = (prefix: string, after: string) => lines.findIndex((l, i) => i > lines.indexOf(after) && l.startsWith(prefix));
  const path = 'review-clean.txt';
  const typeAt = (line: number) => {
    const doc = new GongwenDocument('file:///review.txt', 'gongwen', 1, text);
    doc.analysis(DEFAULT_CONFIG, path);
    const character = lines[line].length - 1; // before the last 。
    doc.update([{ range: { start: { line, character }, end: { line, character } }, text: '的' }], 2);
    const analysis = doc.analysis(DEFAULT_CONFIG, path);
    assert.equal(analysis.made.fresh, false);
    assert.deepEqual(
      plainAnalysis(analysis),
      plainAnalysis(analyze(new GongwenDocument('file:///f.txt', 'gongwen', 2, doc.getText()).outline, DEFAULT_CONFIG, path)),
    );
    return analysis.made.rules.filter((r) => r.startsWith('review-'));
  };
  // every part: the 字数 of the whole (length, proportion) and the meetings named in the text typed in
  const always = ['review-year-mismatch', 'review-meeting-mismatch', 'review-length', 'review-proportion'];
  const sorted = (list: string[]) => [...list].sort();
  assert.deepEqual(
    sorted(typeAt(lineOf('（二）', '二、存在的主要问题'))),
    sorted([...always, 'review-first-person', 'review-vague', 'review-self-praise', 'review-no-example']),
  );
  assert.deepEqual(sorted(typeAt(lineOf('（二）', '三、产生问题的原因'))), sorted([...always, 'review-excuse']));
  assert.deepEqual(sorted(typeAt(lineOf('（二）', '四、整改措施'))), sorted(always));
  // the last item's title is read to count the items (需要说明的问题 at the end of the problems is no problem)
  assert.ok(typeAt(lineOf('（五）', '四、整改措施')).includes('review-measures-count'));
});
