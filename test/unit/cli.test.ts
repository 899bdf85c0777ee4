/**
 * The command line as a Unix tool: --help, the JSON shapes, findings sorted by file and line, plurals in both
 * languages, `--` ending the options, file names with a newline; and the one configuration rule (the nearest
 * .gongwen.json at or above the file's folder, never above the nearest .git folder or the current directory,
 * associations matched relative to the folder holding it). Real files in a temporary folder, the real binary.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { normalizeLocale, localeFromEnv } from '../../server/src/service/locale';
import { cli } from '../support/cli';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-cli-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

function put(path: string, content: string): string {
  const full = join(TMP, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
}

/** One error (the missing causes section) at line 4, one warning (a numbering gap) at line 3. */
const ONE_ERROR = ['个人对照检查材料', '一、存在的问题', '（二）学习不够。', '二、整改措施', '（一）加强学习。', ''].join('\n');
const CLEAN = ['工作总结', '一、主要工作', '（一）抓学习。', ''].join('\n');

test('--help describes the commands, the options, the exit codes and LANG, in English and Chinese', () => {
  const en = cli(['--help'], TMP);
  assert.equal(en.status, 0);
  for (const word of [
    'outline',
    'check',
    '--json',
    '--format',
    '--exit-zero',
    '--encoding',
    '--',
    'Exit codes:',
    'LANG',
    '.gongwen.json',
    '.docx',
  ]) {
    assert.ok(en.stdout.includes(word), `help mentions ${word}`);
  }
  assert.match(en.stdout, /^ {2}2 {3}bad usage/m);
  const zh = cli(['--help'], TMP, 'zh_CN.UTF-8');
  assert.match(zh.stdout, /^退出码：/m);
  assert.match(zh.stdout, /LANG/);
  const usage = cli([], TMP);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /Usage: gongwen-outline COMMAND .*\nRun 'gongwen-outline --help'/);
});

test('outline --json: one file gives an object, several an array of { file, profile, sections }', () => {
  put('shape/a.txt', ONE_ERROR);
  put('shape/b.txt', CLEAN);
  const one = JSON.parse(cli(['outline', '--json', 'a.txt'], join(TMP, 'shape')).stdout) as Record<string, unknown>;
  assert.deepEqual(Object.keys(one), ['profile', 'sections']);
  put('shape/folder/only.txt', CLEAN);
  const folder = JSON.parse(cli(['outline', '--json', 'folder'], join(TMP, 'shape')).stdout) as { file: string }[];
  assert.deepEqual(
    folder.map((f) => f.file),
    [join('folder', 'only.txt')],
    'a folder gives a list, even of one',
  );
  const r = cli(['outline', '--json', 'b.txt', 'a.txt'], join(TMP, 'shape'));
  assert.equal(r.status, 0, r.stderr);
  const many = JSON.parse(r.stdout) as { file: string; profile: string; sections: unknown[] }[];
  assert.deepEqual(
    many.map((m) => [m.file, m.profile, m.sections.length]),
    [
      ['a.txt', 'self-inspection', 2],
      ['b.txt', 'general', 1],
    ],
  );
});

test('check: findings sorted by file and line; plurals right in English, counted in Chinese', () => {
  put('sorted/b.txt', ONE_ERROR);
  put('sorted/a.txt', ONE_ERROR);
  // the structure only: --severity warning leaves out the information findings of the review (SPEC §9)
  const r = cli(['check', '--severity', 'warning', 'b.txt', 'a.txt'], join(TMP, 'sorted'));
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n');
  assert.deepEqual(
    lines.slice(0, -1).map((l) => l.split(' ')[0]),
    ['a.txt:3:1:', 'a.txt:4:1:', 'b.txt:3:1:', 'b.txt:4:1:'],
  );
  assert.equal(lines.at(-1), '2 files checked: 4 problems, 2 errors.');
  const one = cli(['check', '--severity=warning', 'a.txt'], join(TMP, 'sorted'));
  assert.equal(one.stdout.trim().split('\n').at(-1), '1 file checked: 2 problems, 1 error.');
  const zh = cli(['check', '--severity=warning', 'a.txt'], join(TMP, 'sorted'), 'zh_CN.UTF-8');
  assert.equal(zh.stdout.trim().split('\n').at(-1), '已检查 1 个文件：2 个问题，其中 1 个错误。');
  const json = JSON.parse(cli(['check', '--format=json', 'b.txt', 'a.txt'], join(TMP, 'sorted')).stdout) as { file: string }[];
  assert.deepEqual(
    json.map((f) => f.file),
    ['a.txt', 'b.txt'],
  );
});

test('check --severity: information and above by default, hints when asked, only errors with error; a bad level is exit 2', () => {
  put('severity/a.txt', ONE_ERROR);
  const cwd = join(TMP, 'severity');
  const shown = (args: string[]) =>
    JSON.parse(cli(['check', '--format', 'json', ...args, 'a.txt'], cwd).stdout)[0].diagnostics.map(
      (d: { severity: string }) => d.severity,
    );
  const byDefault: string[] = shown([]);
  assert.ok(byDefault.includes('information') && byDefault.includes('warning') && byDefault.includes('error'), byDefault.join());
  assert.ok(!byDefault.includes('hint'), byDefault.join());
  const all: string[] = shown(['--severity', 'hint']);
  assert.ok(all.includes('hint'), 'the problems part never says 我: review.first-person, a hint');
  assert.deepEqual(
    all.filter((s) => s !== 'hint'),
    byDefault,
  );
  assert.deepEqual(shown(['--severity=error']), ['error']);
  const bad = cli(['check', '--severity', 'loud', 'a.txt'], cwd);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--severity must be error, warning, information or hint/);
});

test('-- ends the options: a file named --json is read, not taken as an option', () => {
  put('dashes/--json', CLEAN);
  const r = cli(['outline', '--', '--json'], join(TMP, 'dashes'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^--json \[general\]\n {2}一、主要工作/);
  assert.equal(cli(['outline', '--json'], join(TMP, 'dashes')).status, 2, 'without --, it is the option and no file is given');
});

test('a file name with a newline: JSON escapes it, text output quotes it, nothing is split', () => {
  put('newline/a\nb.txt', ONE_ERROR);
  const cwd = join(TMP, 'newline');
  const json = cli(['check', '--format', 'json', '.'], cwd);
  assert.deepEqual(
    (JSON.parse(json.stdout) as { file: string }[]).map((f) => f.file),
    ['a\nb.txt'],
  );
  const text = cli(['check', '--severity', 'warning', '.'], cwd);
  const lines = text.stdout.trim().split('\n');
  assert.equal(lines.length, 3, text.stdout);
  assert.ok(lines[0].startsWith('"a\\nb.txt":3:1: warning'), lines[0]);
  const outline = cli(['outline', '.'], cwd);
  assert.ok(outline.stdout.startsWith('"a\\nb.txt" [self-inspection]\n'), outline.stdout);
});

test('the locale of the environment: LC_ALL before LC_MESSAGES before LANG, strict tags only', () => {
  assert.equal(normalizeLocale('zh_CN.UTF-8'), 'zh-cn');
  assert.equal(normalizeLocale('zh_TW@euro'), 'zh-tw');
  assert.equal(normalizeLocale('C'), undefined);
  assert.equal(normalizeLocale('../../etc/passwd'), undefined);
  assert.equal(normalizeLocale('x/../../zh-cn'), undefined);
  assert.equal(localeFromEnv({ LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }), 'en-us');
  assert.equal(localeFromEnv({ LC_ALL: '', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US' }), 'zh-cn');
  assert.equal(localeFromEnv({ LANG: 'zh_CN.GB18030' }), 'zh-cn');
  assert.equal(localeFromEnv({}), undefined);
});

// --- the configuration rule -------------------------------------------------------------------------------------

/** A profile that only an association chooses: the outline shows it in brackets. */
const PINNED = JSON.stringify({
  profiles: [{ id: 'pinned', sections: [{ id: 'any', patterns: ['主要工作'] }] }],
  profileAssociations: { '述职/*.txt': 'pinned' },
});

function profileOf(args: string[], cwd: string): string {
  const r = cli(['outline', ...args], cwd);
  assert.equal(r.status, 0, r.stderr);
  return /\[([^\]]+)\]/.exec(r.stdout)![1];
}

test('config: associations match the path relative to the .gongwen.json folder, however the path is typed', () => {
  const root = join(TMP, 'typed');
  put('typed/.git/HEAD', 'ref: refs/heads/main\n');
  put('typed/.gongwen.json', PINNED);
  put('typed/述职/a.txt', CLEAN);
  for (const [args, cwd] of [
    [['述职/a.txt'], root],
    [['./述职/a.txt'], root],
    [[join(root, '述职', 'a.txt')], TMP],
    [['a.txt'], join(root, '述职')],
    [['../述职/a.txt'], join(root, '述职')],
    [['述职'], root],
  ] as const) {
    assert.equal(profileOf([...args], cwd), 'pinned', `${args.join(' ')} from ${cwd}`);
  }
});

test('config: the nearest .gongwen.json at or above the file wins; a nearer one replaces a farther one', () => {
  put('nearest/.git/HEAD', 'x');
  put('nearest/.gongwen.json', PINNED);
  put('nearest/sub/.gongwen.json', JSON.stringify({ profile: 'self-inspection' }));
  put('nearest/sub/述职/a.txt', CLEAN);
  put('nearest/述职/a.txt', CLEAN);
  assert.equal(profileOf(['sub/述职/a.txt'], join(TMP, 'nearest')), 'self-inspection');
  assert.equal(profileOf(['述职/a.txt'], join(TMP, 'nearest')), 'pinned');
});

test('config: never above the nearest folder holding .git, nor above the current directory when there is none', () => {
  // a .gongwen.json above the repository is not read
  put('outer/.gongwen.json', JSON.stringify({ profile: 'self-inspection' }));
  put('outer/repo/.git/HEAD', 'x');
  put('outer/repo/docs/a.txt', CLEAN);
  assert.equal(profileOf(['docs/a.txt'], join(TMP, 'outer', 'repo')), 'general');
  assert.equal(profileOf(['outer/repo/docs/a.txt'], TMP), 'general', 'the same run from above the repository');
  // no .git anywhere: the current directory bounds the search
  put('nogit/.gongwen.json', JSON.stringify({ profile: 'self-inspection' }));
  put('nogit/work/docs/a.txt', CLEAN);
  assert.equal(profileOf(['docs/a.txt'], join(TMP, 'nogit', 'work')), 'general');
  assert.equal(profileOf(['work/docs/a.txt'], join(TMP, 'nogit')), 'self-inspection');
});
