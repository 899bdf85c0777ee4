import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { test } from 'node:test';
import { resolveConfig } from '../../server/src/core/config';
import { compilePattern, normalizeTitle } from '../../server/src/core/pattern';
import { compileProfile, matchSection, SELF_INSPECTION } from '../../server/src/core/profiles';
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
