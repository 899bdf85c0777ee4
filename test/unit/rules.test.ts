import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CODES, FOLDER_CODES } from '../../server/src/core/codes';
import { Config, DEFAULT_CONFIG, resolveConfig } from '../../server/src/core/config';
import { RULES } from '../../server/src/core/rules/index';
import { analysisOf, fixEdits, readFixture, ROOT, titlesOf } from './helpers';
import { applyLineEdits } from '../../server/src/core/edits';

const DIR = join(ROOT, 'test', 'fixtures', 'rules');

/**
 * The config of a fixture. A review fixture (review-*.txt) is checked for every code, with its `.json` beside it as
 * the `.gongwen.json` (thresholds, focus areas) when there is one. The others are about structure: short materials
 * that the review of SPEC §9 would call too short, so they are checked with the review codes off.
 */
function fixtureConfig(name: string): Config {
  if (name.startsWith('review-')) {
    const side = join(DIR, name.replace(/\.txt$/, '.json'));
    if (!existsSync(side)) {
      return DEFAULT_CONFIG;
    }
    const { config, problems } = resolveConfig([{ name: '.gongwen.json', value: JSON.parse(readFileSync(side, 'utf8')) as unknown }]);
    assert.deepEqual(problems, [], side);
    return config;
  }
  const severity = Object.fromEntries(CODES.filter((c) => c.startsWith('review.')).map((c) => [c, 'ignore']));
  return resolveConfig([{ name: 'settings', value: { diagnostics: { severity } } }]).config;
}

for (const name of readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
  test(`rule fixture ${name}: exactly the expected diagnostics`, () => {
    const { text, expected } = readFixture(join(DIR, name));
    const actual = analysisOf(text, name, fixtureConfig(name))
      .diagnostics.map((d) => `${d.line}:${d.code}`)
      .sort();
    assert.deepEqual(actual, expected);
  });
}

test('every code of SPEC §5 and §9 is reported by exactly one rule, and every fixture covers every code', () => {
  // the folder's codes (review.similar) are found across materials, not by a rule: similar.test.ts covers them
  const documentCodes = CODES.filter((code) => !FOLDER_CODES.includes(code));
  const owners = documentCodes.map((code) => RULES.filter((r) => r.codes.includes(code)).length);
  assert.deepEqual(
    owners,
    documentCodes.map(() => 1),
  );
  assert.deepEqual(
    FOLDER_CODES.map((code) => RULES.filter((r) => r.codes.includes(code)).length),
    FOLDER_CODES.map(() => 0),
  );
  const covered = new Set<string>();
  for (const name of readdirSync(DIR).filter((f) => f.endsWith('.txt'))) {
    for (const e of readFixture(join(DIR, name)).expected) {
      covered.add(e.split(':')[1]);
    }
  }
  assert.deepEqual(
    documentCodes.filter((c) => !covered.has(c)),
    [],
  );
});

test('a severity set to ignore turns a rule off; other severities are applied', () => {
  const text = readFixture(join(DIR, 'numbering.txt')).text;
  const { config } = resolveConfig([
    { name: 'settings', value: { diagnostics: { severity: { 'numbering.gap': 'ignore', 'numbering.bracket': 'error' } } } },
  ]);
  const diagnostics = analysisOf(text, 'numbering.txt', config).diagnostics;
  assert.equal(diagnostics.filter((d) => d.code === 'numbering.gap').length, 0);
  assert.ok(diagnostics.some((d) => d.code === 'numbering.bracket' && d.severity === 'error'));
});

test('renumber data: the fix edits only numerals and mends the whole group', () => {
  const text = '工作总结\n一、甲\n正文。\n三、乙\n正文。\n三、丙\n正文。\n';
  const d = analysisOf(text).diagnostics.filter((x) => x.code.startsWith('numbering.'));
  // 三 then 三 again: a gap and a duplicate (SPEC: the same number twice); both offer the one renumber fix
  assert.deepEqual(
    d.map((x) => x.code),
    ['numbering.gap', 'numbering.duplicate'],
  );
  const analysis = analysisOf(text);
  const [gap, duplicate] = analysis.diagnostics.filter((x) => x.code.startsWith('numbering.'));
  assert.deepEqual(fixEdits(analysis, duplicate), fixEdits(analysis, gap));
  assert.deepEqual(fixEdits(analysis, gap), [{ line: 3, character: 0, endLine: 3, endCharacter: 1, newText: '二' }]);
});

test('section.missing data inserts the heading at its place and renumbers the headings after it', () => {
  const text = '对照检查材料\n一、存在的问题\n正文。\n二、整改措施\n正文。\n';
  const analysis = analysisOf(text);
  const d = analysis.diagnostics.find((x) => x.code === 'section.missing');
  assert.ok(d);
  assert.equal(d.line, 3);
  assert.deepEqual(fixEdits(analysis, d), [
    { line: 3, character: 0, endLine: 3, endCharacter: 0, newText: '二、产生问题的原因\n' },
    { line: 3, character: 0, endLine: 3, endCharacter: 1, newText: '三' },
  ]);
});

test('a marker fix never changes a title: whether a title wraps does not depend on the width of its marker', () => {
  // a title of 17 characters without an end, then a line of 23: with the marker counted, `(三)、` (4 marks) wrapped it
  // and `（三）` (3) did not, so the bracket fix cut the title
  const title = '关于进一步加强机关作风建设落实情况';
  const text = `工作总结\n(三)、${title}\n${'下一步工作安排和具体措施要求如下所述的内容如下'}\n正文。\n`;
  const analysis = analysisOf(text);
  const form = analysis.diagnostics.find((d) => d.code === 'numbering.bracket');
  assert.ok(form !== undefined);
  const edits = fixEdits(analysis, form) ?? [];
  assert.deepEqual(
    edits.map((e) => e.newText),
    ['（三）'],
  );
  const fixed = applyLineEdits(text.split('\n'), edits).join('\n');
  assert.deepEqual(titlesOf(fixed), titlesOf(text));
});
