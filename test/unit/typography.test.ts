/**
 * Typography (SPEC §8): what fires and what must not (numbers, times, URLs, paths, Markdown code, 文号, English), a
 * clean corpus of our own 公文 that gives no typography finding, the properties of the fixes (only the named
 * characters change, repeated fixing converges, fixing a fixed text changes nothing), line-scope reads, and 第一、
 * headings (SPEC §2a).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, Analysis } from '../../server/src/core/analyze';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { applyLineEdits, LineEdit } from '../../server/src/core/edits';
import { LineTable } from '../../server/src/core/lines';
import { parse } from '../../server/src/core/parser';
import { Recorder } from '../../server/src/core/reads';
import { RULES } from '../../server/src/core/rules/index';
import { scanLine } from '../../server/src/core/scanner';
import { analysisOf, fixEdits, outlineOf, ROOT } from './helpers';

const isTypography = (code: string): boolean => code.startsWith('punct.') || code.startsWith('number.');

/** The typography findings of a text as `line:code`. */
function findings(text: string): string[] {
  return analysisOf(text)
    .diagnostics.filter((d) => isTypography(d.code))
    .map((d) => `${d.line}:${d.code}`);
}

/** The codes found on one line of body text. */
function codesOf(line: string): string[] {
  return findings(`工作总结\n${line}\n`).map((f) => f.split(':')[1]);
}

test('each code fires where SPEC §8 says, with the fix that writes the standard form', () => {
  const cases: [string, string, string][] = [
    ['学习,工作', 'punct.half-width', '学习，工作'],
    ['请于周五前报送:联系人王芳', 'punct.half-width', '请于周五前报送：联系人王芳'],
    ['是否到位?', 'punct.half-width', '是否到位？'],
    ['请认真对照!', 'punct.half-width', '请认真对照！'],
    ['会议地点(待定)另行通知', 'punct.half-width', '会议地点（待定）另行通知'],
    ['中国共产党(Communist Party of China)成立', 'punct.half-width', '中国共产党（Communist Party of China）成立'],
    ['他说"要抓紧"。', 'punct.quotes', '他说“要抓紧”。'],
    ["强调'一抓到底'。", 'punct.quotes', '强调‘一抓到底’。'],
    ['学习《论语》、《孟子》。', 'punct.dunhao-between-titles', '学习《论语》《孟子》。'],
    ['做到“两个维护”、“四个意识”。', 'punct.dunhao-between-titles', '做到“两个维护”“四个意识”。'],
    ['要求：第一、提高认识。', 'punct.ordinal', '要求：第一，提高认识。'],
    ['首先、统一思想。', 'punct.ordinal', '首先，统一思想。'],
    ['完善制度...确保实效。', 'punct.ellipsis', '完善制度……确保实效。'],
    ['学习、调研。。。形式多样。', 'punct.ellipsis', '学习、调研……形式多样。'],
    ['等等…', 'punct.ellipsis', '等等……'],
    ['完善制度......确保实效。', 'punct.ellipsis', '完善制度……确保实效。'],
    ['2024-2025年分两步实施。', 'punct.range', '2024—2025年分两步实施。'],
    ['1-3月为动员阶段。', 'punct.range', '1—3月为动员阶段。'],
    ['5日~10日集中学习。', 'punct.range', '5日—10日集中学习。'],
    ['24年度考核。', 'number.year-short', '2024年度考核。'],
    ['98年5月参加工作。', 'number.year-short', '1998年5月参加工作。'],
    ['自二〇二五年8月起施行。', 'number.date-form', '自2025年8月起施行。'],
    ['原定于2025年十月召开。', 'number.date-form', '原定于2025年10月召开。'],
    ['落款为二○二五年。', 'number.date-form', '落款为二〇二五年。'],
    ['落款为二O二五年。', 'number.date-form', '落款为二〇二五年。'],
    ['落款为二0二五年。', 'number.date-form', '落款为二〇二五年。'],
    ['于2025年01月05日报送。', 'number.date-form', '于2025年1月5日报送。'],
    ['学习党的20大精神。', 'number.fixed-chinese', '学习党的二十大精神。'],
    ['学习20届3中全会精神。', 'number.fixed-chinese', '学习二十届三中全会精神。'],
    ['编制十4五规划。', 'number.fixed-chinese', '编制十四五规划。'],
    ['落实3会1课制度。', 'number.fixed-chinese', '落实三会一课制度。'],
    ['增强4个意识。', 'number.fixed-chinese', '增强四个意识。'],
    ['落实中央8项规定精神。', 'number.fixed-chinese', '落实中央八项规定精神。'],
  ];
  for (const [line, code, fixed] of cases) {
    const text = `工作总结\n${line}\n`;
    const analysis = analysisOf(text);
    const ds = analysis.diagnostics.filter((d) => isTypography(d.code));
    assert.deepEqual(
      ds.map((d) => d.code),
      [code],
      line,
    );
    const edits = fixEdits(analysis, ds[0]) ?? [];
    assert.equal(applyLineEdits(text.split('\n'), edits)[1], fixed, line);
  }
});

test('a two-digit year whose century is not plain (40–69) is reported without a fix', () => {
  const analysis = analysisOf('工作总结\n55年5月的档案。\n');
  const [d] = analysis.diagnostics;
  assert.equal(d.code, 'number.year-short');
  assert.equal(fixEdits(analysis, d), undefined);
});

test('nothing inside numbers, times, URLs, paths, Markdown code, 文号 or English text', () => {
  const clean = [
    '金额3,000元，增长1,234,567人次。',
    '会议于9:30开始，11:30结束，比例为1:2。',
    '详见https://www.gov.cn/zhengce/a?id=1,2&x=(3)，或www.example.cn/a,b。',
    '联系邮箱dangwei@example.gov.cn，电话0571-87654321。',
    '文件位于D:\\资料(2025)\\清单(终稿).docx，或/home/用户/文档/a_b.txt，或\\\\server\\share\\a(1).doc。',
    '代码`a,b;c:d`和``x"y"z``不改。',
    '依据国办发〔2025〕12号、国发(2024)8号和财办[2023]5号文件。',
    'The meeting was held in 北京, China. Thanks, everyone!',
    '该公司英文名为East Lake Co., Ltd.，产品出口。',
    "it's John's book，不是引号。",
    '见图：![示意图](img/a,b.png)，链接[文件](https://a.cn/x(1)).',
    '第一、二季度和第一、第二批次均已完成。',
    '二〇二五年八月一日，2025年8月1日，2024年度。',
    '标准GB/T 9704-2012，第1-3条，日期2025-01-05，编号A-12。',
    '目录......12',
    '他在1.5...2.0之间。',
    '学习《论语》（第二版）、《孟子》。',
    '“十四五”规划，党的二十大，二十届三中全会，三会一课。',
    '这是<span class="a">标注</span>文字。',
    '该单位排名第一、综合得分最高，共制定8项规定。',
    'He paused… and went on.',
  ];
  for (const line of clean) {
    assert.deepEqual(codesOf(line), [], line);
  }
});

test('a heading marker is the numbering rules’ business; typography reads the text after it', () => {
  // (一) and 1、 are numbering.bracket / numbering.separator, not punct.half-width
  assert.deepEqual(findings('工作总结\n一、总体要求\n(一)学习,工作\n1、调研\n'), ['2:punct.half-width']);
});

test('a Markdown code block is not checked; the text after it is', () => {
  const text = '工作总结\n```\n代码:不检查,"引号"...\n```\n正文,检查\n~~~\n又一块:代码\n~~~\n';
  assert.deepEqual(findings(text), ['4:punct.half-width']);
});

const CORPUS = join(ROOT, 'test', 'fixtures', 'typography');

test('the clean corpus (our own 通知, 报告 and 对照检查材料) gives no typography finding', () => {
  let sentences = 0;
  for (const name of readdirSync(CORPUS).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    sentences += (text.match(/[。！？]/g) ?? []).length;
    const lines = text.split('\n');
    const found = findings(text).map((f) => `${name}:${f} ${lines[Number(f.split(':')[0])].slice(0, 40)}`);
    assert.deepEqual(found, [], name);
  }
  assert.ok(sentences >= 300, `${sentences} sentences in the corpus`);
});

// ---------------------------------------------------------------------------------------------------------------
// Properties of the fixes

/** Pieces of 公文 text and of the mistakes §8 names, put together at random. */
const PIECES = [
  '学习',
  '工作',
  '落实',
  '，',
  '。',
  '、',
  ',',
  ';',
  ':',
  '?',
  '!',
  '(',
  ')',
  '（',
  '）',
  '"',
  "'",
  '“',
  '”',
  '《论语》',
  '》、《',
  '”、“',
  '第一、',
  '首先、',
  '其次、',
  '...',
  '。。。',
  '…',
  '……',
  '2024-2025年',
  '1-3月',
  '5日~10日',
  '24年度',
  '24年5月',
  '55年',
  '二〇二五年8月',
  '二○二五年',
  '二O二五年',
  '2025年01月05日',
  '2025年十月',
  '党的20大',
  '20届3中全会',
  '十4五',
  '3会1课',
  '3,000',
  '9:30',
  'https://a.cn/x?a=1,b=2',
  '`a,b`',
  '〔2025〕12号',
  'Hello, world',
  ' ',
  '1',
  '0',
  '年',
  '月',
  '日',
  '一、',
  '（一）',
  '1.',
];

const lineArb = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }).map((p) => p.join(''));
const docArb = fc.array(lineArb, { minLength: 1, maxLength: 6 }).map((lines) => ['工作总结', ...lines].join('\n'));

const TYPOGRAPHY_CHARS = new Set([...',;:?!()"\'.~-，；：？！（）“”‘’…。．—－、0123456789〇零○OＯ一二两三四五六七八九十']);

/** One round of fixing every typography finding (the first of overlapping fixes wins). */
function fixRound(text: string, analysis: Analysis): string {
  const edits: LineEdit[] = [];
  for (const d of analysis.diagnostics.filter((x) => isTypography(x.code))) {
    const mine = fixEdits(analysis, d) ?? [];
    const overlaps = (e: LineEdit) => edits.some((f) => f.line === e.line && f.character < e.endCharacter && e.character < f.endCharacter);
    if (!mine.some(overlaps)) {
      edits.push(...mine);
    }
  }
  return applyLineEdits(text.split('\n'), edits).join('\n');
}

test('property: a typography fix changes only the characters its finding names, and only punctuation and numerals', () => {
  fc.assert(
    fc.property(docArb, (text) => {
      const lines = text.split('\n');
      const analysis = analyze(parse(LineTable.of(text)), DEFAULT_CONFIG, 'doc.txt');
      for (const d of analysis.diagnostics.filter((x) => isTypography(x.code))) {
        for (const e of fixEdits(analysis, d) ?? []) {
          assert.equal(e.line, d.line, `${d.code}: the edit is on the finding's line`);
          assert.ok(e.character >= d.character && e.endCharacter <= d.endCharacter, `${d.code}: the edit lies in the finding's range`);
          const old = lines[e.line].slice(e.character, e.endCharacter);
          assert.ok(old.length > 0 && old !== e.newText, `${d.code}: the edit replaces something`);
          for (const c of old + e.newText) {
            assert.ok(TYPOGRAPHY_CHARS.has(c), `${d.code}: “${old}” → “${e.newText}” changes “${c}”`);
          }
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('property: fixing again and again converges, and fixing a fixed text changes nothing', () => {
  fc.assert(
    fc.property(docArb, (text) => {
      const outline = (t: string) => outlineOf(t).all.map((s) => [s.line, s.marker.text]);
      let current = text;
      for (let round = 0; round < 6; round++) {
        const next = fixRound(current, analysisOf(current));
        if (next === current) {
          break;
        }
        current = next;
      }
      assert.equal(fixRound(current, analysisOf(current)), current, `fixed text still changes: ${JSON.stringify(current)}`);
      assert.deepEqual(outline(current), outline(text), 'fixing typography keeps every heading');
      const again = analysisOf(current).diagnostics.filter((d) => isTypography(d.code) && fixEdits(analysisOf(current), d) !== undefined);
      assert.deepEqual(again, [], 'no fixable typography finding is left');
    }),
    { numRuns: 300 },
  );
});

test('property: a line rule reads its own line and nothing else', () => {
  const lineRules = RULES.filter((r) => r.scope === 'line');
  assert.ok(lineRules.length >= 2);
  fc.assert(
    fc.property(docArb, (text) => {
      const outline = parse(LineTable.of(text));
      const recorder = new Recorder();
      for (const rule of lineRules) {
        if (rule.scope !== 'line') {
          continue;
        }
        for (let l = 0; l < outline.lineCount; l++) {
          rule.check(l, { outline: recorder.view(outline) }, () => true);
          const reads = recorder.take();
          assert.ok(
            reads.length === 0 || (reads.length === 2 && reads[0] === l && reads[1] === l),
            `${rule.id} on line ${l} read ${reads}`,
          );
        }
      }
    }),
    { numRuns: 100 },
  );
});

// ---------------------------------------------------------------------------------------------------------------
// 第一、 headings (SPEC §2a)

test('第一、 at the start of a line before a title is a heading ranked with 1.; 第一， stays an inline item', () => {
  const text = [
    '政府工作报告',
    '一、主要工作',
    '第一、加强理论学习',
    '全年学习12次。',
    '第二、改进工作作风',
    '第一，深入调研；第二，解决问题。',
    '第一、二季度完成了目标。',
  ].join('\n');
  const outline = outlineOf(text);
  const headings = outline.all.map((s) => [s.line, s.marker.kind, s.level, s.marker.number, s.parent?.line ?? -1]);
  assert.deepEqual(headings, [
    [1, 'cn', 1, 1, -1],
    [2, 'cn-ordinal', 3, 1, 1],
    [4, 'cn-ordinal', 3, 2, 1],
  ]);
  const info = scanLine('第一，深入调研；第二，解决问题。');
  assert.equal(info.marker, undefined);
  assert.equal(info.inline?.length, 2);
  assert.equal(scanLine('第一、二季度完成了目标。').marker, undefined);
  assert.equal(scanLine('第一、').marker, undefined, 'a marker alone is not a heading');
  // as a heading it is no punct.ordinal; inside text it is
  assert.deepEqual(findings(text), []);
  assert.deepEqual(codesOf('要求有三：第一、提高认识。'), ['punct.ordinal']);
});

test('第一、 headings are numbered like 1. (gap, duplicate) and renumbered in their own form', () => {
  const text = '工作报告\n一、主要工作\n第一、加强学习\n第三、改进作风\n';
  const analysis = analysisOf(text);
  const gap = analysis.diagnostics.find((d) => d.code === 'numbering.gap');
  assert.ok(gap !== undefined);
  assert.deepEqual(fixEdits(analysis, gap), [{ line: 3, character: 1, endLine: 3, endCharacter: 2, newText: '二' }]);
});

// ---------------------------------------------------------------------------------------------------------------
// The seeds (real documents beside the project, not ours): what typography reports on them, by code. Each finding was
// read and judged right: 001 sets a 顿号 between “…”、“…” and 《…》、《…》; 003 was pasted with straight quotes
// throughout (37 pairs around Chinese words); 004 has one half-width comma between Chinese clauses.

const SEEDS = join(ROOT, '..', 'shared', 'seeds');
const SEED_FINDINGS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  '000_4f1207f0b17519c3.txt': {},
  '001_34d8304be0da4131.txt': { 'punct.dunhao-between-titles': 2 },
  '002_42e09aa36b9c46a6.txt': {},
  '003_253de4d0ad90892e.txt': { 'punct.quotes': 37 },
  '004_3460dbafa9ccb2a5.txt': { 'punct.half-width': 1 },
};

test('the seeds get the typography findings a reader agrees with, and no other', (t) => {
  if (!existsSync(SEEDS)) {
    assert.notEqual(process.env.CI, 'true', `CI=true but ${SEEDS} is absent: the seed checks would not run`);
    const why = `${SEEDS} is absent: the typography of the real documents is not checked`;
    process.stdout.write(`# SKIPPED: ${why}\n`);
    t.skip(why);
    return;
  }
  for (const [name, expected] of Object.entries(SEED_FINDINGS)) {
    const counts: Record<string, number> = {};
    for (const d of analysisOf(readFileSync(join(SEEDS, name), 'utf8'), name).diagnostics.filter((x) => isTypography(x.code))) {
      counts[d.code] = (counts[d.code] ?? 0) + 1;
    }
    assert.deepEqual(counts, expected, name);
  }
});
