import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CONFIG, resolveConfig } from '../../server/src/core/config';
import { format, MESSAGES } from '../../server/src/core/messages';
import { compilePattern, normalizeTitle } from '../../server/src/core/pattern';
import { compileProfile, matchSection, SELF_INSPECTION, SELF_INSPECTION_ORG } from '../../server/src/core/profiles';
import { analysisOf, ROOT } from './helpers';

test('the profile is detected from the title, the preamble or the file name', () => {
  const body = '一、甲\n正文。\n';
  assert.equal(analysisOf('2026年度民主生活会对照检查材料\n' + body).profile.id, 'self-inspection');
  assert.equal(analysisOf('按照组织生活会的安排，报告如下。\n' + body).profile.id, 'self-inspection');
  assert.equal(analysisOf(body, 'folder/张三-检视剖析材料.txt').profile.id, 'self-inspection');
  assert.equal(analysisOf('2026年工作总结\n' + body, '工作总结.txt').profile.id, 'general');
  // words far below the first heading do not decide the kind
  assert.equal(analysisOf('工作总结\n' + body + '民主生活会\n').profile.id, 'general');
});

test('titles count as the required sections, traditional characters and decoration included', () => {
  const c = compileProfile(SELF_INSPECTION);
  const id = (title: string) => SELF_INSPECTION.sections[matchSection(c, title)]?.id;
  assert.equal(id('存在的突出问题'), 'problems');
  assert.equal(id('围绕这次民主生活会查摆的主要问题'), 'problems');
  assert.equal(id('查摆出的问题和不足'), 'problems');
  assert.equal(id('存在的主要問題'), 'problems');
  assert.equal(id('产生问题的原因分析'), 'causes');
  assert.equal(id('問題原因剖析'), 'causes');
  assert.equal(id('**产生问题的原因**'), 'causes');
  assert.equal(id('下一步工作方向和整改措施'), 'measures');
  assert.equal(id('今后努力方向和整改措施'), 'measures');
  assert.equal(id('上一年度民主生活会整改措施落实情况'), 'previous');
  assert.equal(id('需要说明的问题'), 'notes');
  assert.equal(id('基本情况'), undefined);
});

test('patterns are alternatives of literal pieces with * wildcards, matched in linear time', () => {
  const m = compilePattern('存在*问题|问题*不足');
  assert.ok(m(normalizeTitle('存在的主要问题')));
  assert.ok(m(normalizeTitle('问题和不足')));
  assert.ok(!m(normalizeTitle('问题原因')));
  // regular-expression syntax is literal text here, so no pattern can backtrack
  const hostile = compilePattern('(a+)+$');
  assert.equal(hostile('a'.repeat(100000) + 'b'), false);
  assert.equal(hostile('x(a+)+$'), true);
});

test('user profiles from settings override and extend the built-in ones; associations pin a profile', () => {
  const { config, problems } = resolveConfig([
    { name: '.gongwen.json', value: { profileAssociations: { '述职/**': 'report' } } },
    {
      name: 'settings',
      value: {
        profiles: [
          {
            id: 'report',
            label: '述职报告',
            detect: ['述职'],
            sections: [{ id: 'work', label: '主要工作', patterns: ['主要工作|工作成效'] }],
          },
        ],
      },
    },
  ]);
  assert.deepEqual(problems, []);
  const text = '2026年度述职报告\n一、存在不足\n正文。\n';
  const a = analysisOf(text, 'x.txt', config);
  assert.equal(a.profile.id, 'report');
  assert.deepEqual(
    a.diagnostics.map((d) => [d.code, d.subject]),
    [['section.missing', 'work']],
  );
  assert.equal(analysisOf('一、主要工作\n正文。\n', '述职/张三.txt', config).profile.id, 'report');
});

test('bad settings are reported and replaced by defaults, never thrown', () => {
  const { config, problems } = resolveConfig([
    {
      name: 'settings',
      value: {
        profile: 42,
        profiles: [{ id: '' }, 'x'],
        diagnostics: { severity: { 'numbering.gap': 'loud', nope: 'error' } },
        outline: { titleMaxLength: -1 },
      },
    },
  ]);
  assert.equal(config.profile, 'auto');
  assert.equal(config.severity['numbering.gap'], 'warning');
  assert.equal(config.titleMaxLength, 40);
  assert.equal(problems.length, 6);
  assert.deepEqual(resolveConfig([{ name: 'settings', value: { profile: 'missing' } }]).config.profile, 'auto');
});

test('the core is pure: it imports nothing but files of the core (no vscode*, no node:*, no package, no way out)', () => {
  const dir = join(ROOT, 'server', 'src', 'core');
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.ts'));
  assert.ok(files.length > 10);
  // every module specifier: import/export … from, bare import, dynamic import(), require()
  const SPECIFIER = /(?:\bfrom|\bimport|\brequire\s*\(|\bimport\s*\()\s*['"]([^'"]+)['"]/g;
  for (const f of files) {
    const source = readFileSync(join(dir, f), 'utf8');
    for (const [, specifier] of source.matchAll(SPECIFIER)) {
      const target = resolve(dirname(join(dir, f)), specifier);
      const inside = /^\.\.?\//.test(specifier) && (target === dir || target.startsWith(dir + sep));
      assert.ok(inside, `${f} imports “${specifier}”, outside server/src/core`);
    }
  }
});

// --- the review settings of SPEC §9 and §12 ---------------------------------------------------------------------

/** A short self-inspection material: 我, details, a measure per problem; the thresholds below keep it long enough. */
const material = (title: string, problems: string[], causes = ['（一）党性修养放松。我对自己要求降低，工作忙就不学了。']) =>
  [
    title,
    '上一年度民主生活会提出的整改措施已全部落实。',
    '一、存在的主要问题',
    ...problems,
    '二、产生问题的原因',
    ...causes,
    '三、整改措施',
    ...problems.map((_, i) => `（${'一二三四五六'[i]}）每月对照检查1次。`),
    '',
  ].join('\n');

const SHORT_OK = { problemsChars: 0, causesChars: 0, totalChars: 0, proportion: 0 };

test('a profile with a built-in id and no sections extends it: sections kept, focus areas, thresholds and words added', () => {
  const { config, problems } = resolveConfig([
    {
      name: '.gongwen.json',
      value: {
        profiles: [
          {
            id: 'self-inspection',
            focusAreas: [{ label: '理论学习', patterns: ['理论'] }],
            thresholds: SHORT_OK,
            lexicons: { excuse: ['会议多'] },
          },
        ],
      },
    },
  ]);
  assert.deepEqual(problems, []);
  const extended = config.profiles.find((p) => p.id === 'self-inspection');
  assert.equal(extended?.sections, SELF_INSPECTION.sections);
  assert.deepEqual(extended?.detect, SELF_INSPECTION.detect);
  assert.deepEqual(extended?.review?.thresholds, { ...SHORT_OK, vagueWords: 3 });
  const text = material(
    '2025年度民主生活会对照检查材料',
    ['（一）作风方面。我6次调研有4次只听汇报。'],
    ['（一）党性修养放松。我觉得会议多，学习往后放。'],
  );
  const codes = (c = config) =>
    analysisOf(text, 'a.txt', c)
      .diagnostics.filter((d) => d.code.startsWith('review.'))
      .map((d) => `${d.line}:${d.code}`);
  assert.deepEqual(codes(), ['2:review.focus-area', '5:review.excuse']);
  // without the extension: the defaults (no focus areas, 会议多 is no excuse, the material is too short)
  assert.deepEqual(codes(DEFAULT_CONFIG), ['0:review.length', '2:review.length', '4:review.length']);
});

test('the README worked example of a year’s focus areas gives the finding the README says', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const at = readme.indexOf('A worked example');
  const json = /```json\n([\s\S]*?)```/.exec(readme.slice(at));
  assert.ok(at > 0 && json !== null, 'the README has the worked example');
  const { config, problems } = resolveConfig([{ name: '.gongwen.json', value: JSON.parse(json[1]) as unknown }]);
  assert.deepEqual(problems, []);
  const text = material('2024年度民主生活会个人对照检查材料', [
    '（一）在严守政治纪律和政治规矩方面。我在3次会上没有表明态度。',
    '（二）在加强党性锻炼方面。我全年只参加了2次支部学习。',
    '（三）在担当作为方面。我把1项难题拖了半年。',
  ]);
  const found = analysisOf(text, 'a.txt', config).diagnostics.filter((d) => d.code === 'review.focus-area');
  assert.deepEqual(
    found.map((d) => [d.line, format(d.message)]),
    [
      [
        2,
        'The problems part has no sub-section on the focus area “带头严格落实全面从严治党责任”. ' +
          "This year's notice asks every material to address each focus area: add a sub-section on it.",
      ],
    ],
  );
  // the first two out of order: the one that comes too early for its place gets the finding on its heading
  const swapped = text
    .replace('（一）在严守政治纪律和政治规矩方面', '（一）在加强党性锻炼方面')
    .replace('（二）在加强党性锻炼方面', '（二）在严守政治纪律和政治规矩方面');
  assert.deepEqual(
    analysisOf(swapped, 'a.txt', config)
      .diagnostics.filter((d) => d.code === 'review.focus-area')
      .map((d) => [d.line, d.message.template === MESSAGES.reviewFocusOrder]),
    [
      [2, false],
      [3, true],
    ],
  );
});

test('settings and .gongwen.json both extend a profile; the workspace file comes first for the same id', () => {
  const settings = { profiles: [{ id: 'self-inspection', thresholds: { totalChars: 100 } }] };
  const file = { profiles: [{ id: 'self-inspection', thresholds: { totalChars: 200 } }] };
  const total = (sources: { name: string; value: unknown }[]) =>
    resolveConfig(sources).config.profiles.find((p) => p.id === 'self-inspection')?.review?.thresholds.totalChars;
  assert.equal(total([{ name: 'settings', value: settings }]), 100);
  assert.equal(total([{ name: '.gongwen.json', value: file }]), 200);
  assert.equal(
    total([
      { name: '.gongwen.json', value: file },
      { name: 'settings', value: settings },
    ]),
    200,
  );
});

test('bad review settings are reported and the profile ignored, never thrown', () => {
  const bad = [
    { id: 'self-inspection', focusAreas: [{ label: '学习' }] },
    { id: 'self-inspection', thresholds: { proportion: 2 } },
    { id: 'self-inspection', thresholds: { nope: 1 } },
    { id: 'self-inspection', lexicons: { vague: 'x' } },
    { id: 'self-inspection', lexicons: { unknown: ['x'] } },
    { id: 'mine', focusAreas: [] },
  ];
  const { config, problems } = resolveConfig([{ name: 'settings', value: { profiles: bad } }]);
  assert.equal(problems.length, bad.length);
  assert.equal(
    config.profiles.find((p) => p.id === 'self-inspection'),
    SELF_INSPECTION,
  );
});

test('组织生活会: the variant without 需要说明的问题, chosen by the meeting being held, with the settings of an extended self-inspection', () => {
  const text = material('2025年度组织生活会个人对照检查材料', ['（一）学习方面。我有3次会前没有通读材料。']);
  assert.equal(analysisOf(text).profile.id, 'self-inspection-org');
  // the clean material of our own as a 组织生活会 one: that profile, no finding (its fixture checks the findings)
  const clean = readFileSync(join(ROOT, 'test', 'fixtures', 'rules', 'review-clean-org.txt'), 'utf8');
  assert.equal(analysisOf(clean).profile.id, 'self-inspection-org');
  assert.deepEqual(analysisOf(clean).diagnostics, []);
  assert.equal(
    SELF_INSPECTION_ORG.sections.some((s) => s.id === 'notes'),
    false,
  );
  // the preamble's 召开/本次 sentence names the meeting when the title does not
  assert.equal(
    analysisOf('个人对照检查材料\n按照本次组织生活会的要求，报告如下。\n' + text.slice(text.indexOf('一、'))).profile.id,
    'self-inspection-org',
  );
  assert.equal(
    analysisOf('个人对照检查材料\n按照组织生活会的安排，报告如下。\n' + text.slice(text.indexOf('一、'))).profile.id,
    'self-inspection',
  );
  // pinned by a setting: no switch
  const pinned = resolveConfig([{ name: 'settings', value: { profile: 'self-inspection' } }]).config;
  assert.equal(analysisOf(text, 'a.txt', pinned).profile.id, 'self-inspection');
  const { config } = resolveConfig([{ name: '.gongwen.json', value: { profiles: [{ id: 'self-inspection', thresholds: SHORT_OK }] } }]);
  const org = analysisOf(text, 'a.txt', config);
  assert.equal(org.profile.id, 'self-inspection-org');
  assert.deepEqual(
    org.diagnostics.filter((d) => d.code === 'review.length'),
    [],
  );
});

test('a material whose title says 班子 (and not 个人/成员) is exempt from review.first-person', () => {
  const problems = ['（一）学习方面。班子全年集中学习12次，有3次只读文件。'];
  const first = (title: string) =>
    analysisOf(material(title, problems), 'a.txt')
      .diagnostics.filter((d) => d.code === 'review.first-person')
      .map((d) => d.line);
  assert.deepEqual(first('2025年度民主生活会领导班子对照检查材料'), []);
  assert.deepEqual(first('2025年度民主生活会班子成员个人对照检查材料'), [2, 3]);
  assert.deepEqual(first('2025年度民主生活会个人对照检查材料'), [2, 3]);
});

test('an empty word added to the team lexicon makes no title a 班子 one (review.first-person still checks)', () => {
  const { config, problems } = resolveConfig([
    { name: 'settings', value: { profiles: [{ id: 'self-inspection', lexicons: { team: [''] } }] } },
  ]);
  assert.deepEqual(problems, []);
  const text = material('2025年度民主生活会对照检查材料', ['（一）学习方面。班子全年集中学习12次，有3次只读文件。']);
  const lines = analysisOf(text, 'a.txt', config)
    .diagnostics.filter((d) => d.code === 'review.first-person')
    .map((d) => d.line);
  assert.deepEqual(lines, [2, 3]);
});
