/**
 * `check --fix` and `check --diff`: the real command line on real files in a temporary folder. Fixed files keep the
 * bytes form they were read in (UTF-8 with or without BOM, UTF-16 LE/BE, GB18030, line breaks), their permissions and
 * their links; a .docx is refused and left alone; the exit code is check's, for the findings left.
 */
import assert from 'node:assert/strict';
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { cli } from '../support/cli';
import { makeDocx } from '../support/docx';

const TMP = mkdtempSync(join(tmpdir(), 'gongwen-fix-'));
after(() => rmSync(TMP, { recursive: true, force: true }));

/** A fresh folder for one test. */
function folder(name: string): string {
  const dir = join(TMP, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Five fixable findings (bracket + start, gap, gap, enumeration) in four markers; and the text once fixed. */
const LINES = ['工作总结', '一、甲', '(三)乙。一是学习，三是工作。', '（三）丙，内容。', '三、丁', '正文𠮷。'];
const FIXED = ['工作总结', '一、甲', '（一）乙。一是学习，二是工作。', '（二）丙，内容。', '二、丁', '正文𠮷。'];

test('--fix writes every form back as it was read: UTF-8, UTF-8 with BOM, UTF-16 LE/BE, GB18030, CRLF and CR', () => {
  const dir = folder('forms');
  const forms: Record<string, (text: string) => Buffer> = {
    'utf8.txt': (t) => Buffer.from(t, 'utf8'),
    'bom.txt': (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]),
    'le.txt': (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]),
    'be.txt': (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]),
    'gbk.txt': (t) => gb18030(t),
  };
  for (const [eol, suffix] of [
    ['\r\n', 'crlf'],
    ['\r', 'cr'],
  ]) {
    for (const [name, encode] of Object.entries(forms)) {
      writeFileSync(join(dir, `${suffix}-${name}`), encode(LINES.join(eol) + eol));
    }
  }
  const r = cli(['check', '--fix', '.'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  for (const [eol, suffix] of [
    ['\r\n', 'crlf'],
    ['\r', 'cr'],
  ]) {
    for (const [name, encode] of Object.entries(forms)) {
      const file = `${suffix}-${name}`;
      assert.deepEqual(readFileSync(join(dir, file)), encode(FIXED.join(eol) + eol), `${file}: the fixed text in the same form`);
      assert.ok(r.stdout.includes(`${file}: 5 problems fixed.\n`), r.stdout);
    }
  }
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.startsWith('.')),
    [],
    'no temporary file is left',
  );
  // fixed once, nothing is left to fix: a second run writes nothing and says nothing about fixes
  const again = cli(['check', '--fix', '.'], dir);
  assert.equal(again.status, 0);
  assert.doesNotMatch(again.stdout, /fixed/);
});

/** GB18030 bytes of a text (Node has no encoder): the bytes of each character found by decoding candidates. */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const c = decoder.decode(new Uint8Array([lead, trail]));
      if (c.length === 1 && !table.has(c)) {
        table.set(c, [lead, trail]);
      }
    }
  }
  table.set('𠮷', [0x95, 0x34, 0xb2, 0x35]);
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : (table.get(c) ?? assert.fail(c)))));
}

test('gb18030 helper: the four-byte character decodes as it should', () => {
  assert.equal(new TextDecoder('gb18030').decode(gb18030('一、𠮷')), '一、𠮷');
});

test('--fix says how many fixes in which files, then the findings left and their exit code; a clean file is not written', () => {
  const dir = folder('report');
  writeFileSync(
    join(dir, '对照检查材料.txt'),
    ['个人对照检查材料', '一、存在的问题', '（二）学习不够。', '三、整改措施', '（一）加强学习。', ''].join('\n'),
  );
  writeFileSync(join(dir, 'clean.txt'), '工作总结\n一、主要工作\n（一）抓学习。\n');
  const before = statSync(join(dir, 'clean.txt')).mtimeMs;
  const r = cli(['check', '--fix', '--severity', 'warning', '对照检查材料.txt', 'clean.txt'], dir);
  assert.equal(r.status, 1, 'the missing part is an error and is not inserted by --fix');
  assert.deepEqual(r.stdout.split('\n'), [
    '对照检查材料.txt: 2 problems fixed.',
    '对照检查材料.txt:4:1: error section.missing Required section “产生问题的原因” is missing. Add a top-level heading such as “二、产生问题的原因”.',
    '2 files checked: 1 problem, 1 error.',
    '',
  ]);
  assert.equal(
    readFileSync(join(dir, '对照检查材料.txt'), 'utf8'),
    ['个人对照检查材料', '一、存在的问题', '（一）学习不够。', '二、整改措施', '（一）加强学习。', ''].join('\n'),
  );
  assert.equal(statSync(join(dir, 'clean.txt')).mtimeMs, before, 'a file with nothing to fix is not written');
  const zh = cli(['check', '--fix', '--exit-zero', 'clean.txt'], dir, 'zh_CN.UTF-8');
  assert.equal(zh.status, 0);
  writeFileSync(join(dir, 'again.txt'), '一、甲\n三、乙\n');
  assert.match(cli(['check', '--fix', 'again.txt'], dir, 'zh_CN.UTF-8').stdout, /^again\.txt：已修复 1 个问题。$/m);
  const json = JSON.parse(cli(['check', '--fix', '--format', 'json', 'clean.txt'], dir).stdout) as unknown;
  assert.deepEqual(json, [{ file: 'clean.txt', fixed: 0, diagnostics: [] }]);
});

test('--fix keeps the permissions and writes through a symbolic link, which stays a link', () => {
  const dir = folder('link');
  writeFileSync(join(dir, 'real.txt'), LINES.join('\n'));
  chmodSync(join(dir, 'real.txt'), 0o640);
  symlinkSync('real.txt', join(dir, 'link.txt'));
  const r = cli(['check', '--fix', 'link.txt'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.ok(lstatSync(join(dir, 'link.txt')).isSymbolicLink(), 'the link is still a link');
  assert.equal(readFileSync(join(dir, 'real.txt'), 'utf8'), FIXED.join('\n'));
  assert.equal(statSync(join(dir, 'real.txt')).mode & 0o777, 0o640);
});

test('--fix refuses a .docx with a clear message, leaves it as it was, fixes the other files and exits 2', () => {
  const dir = folder('word');
  const docx = makeDocx({ body: [{ text: '一、甲' }, { text: '三、乙' }] });
  writeFileSync(join(dir, 'a.docx'), docx);
  writeFileSync(join(dir, 'b.txt'), '一、甲\n三、乙\n');
  const r = cli(['check', '--fix', 'a.docx', 'b.txt'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /a\.docx: 1 problem not fixed: a Word file \(\.docx\) is never written/);
  assert.deepEqual(readFileSync(join(dir, 'a.docx')), Buffer.from(docx), 'the Word file is untouched');
  assert.equal(readFileSync(join(dir, 'b.txt'), 'utf8'), '一、甲\n二、乙\n');
  // its findings are still reported, as they are in the file
  assert.match(r.stdout, /^a\.docx:2: warning numbering\.gap /m);
});

test('--diff prints a unified diff and writes nothing; its exit code is that of the findings left', () => {
  const dir = folder('diff');
  const text = ['工作总结', '一、甲', '正文。', '正文。', '正文。', '正文。', '正文。', '正文。', '三、乙', '(1)丙'].join('\n');
  writeFileSync(join(dir, 'a.txt'), text);
  const r = cli(['check', '--diff', 'a.txt'], dir);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(
    r.stdout,
    [
      '--- a.txt',
      '+++ a.txt',
      '@@ -6,5 +6,5 @@',
      ' 正文。',
      ' 正文。',
      ' 正文。',
      '-三、乙',
      '-(1)丙',
      '\\ No newline at end of file',
      '+二、乙',
      '+（1）丙',
      '\\ No newline at end of file',
      '',
    ].join('\n'),
  );
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), text, 'nothing written');
  const clean = cli(['check', '--diff', 'a.txt', '--exit-zero'], dir);
  assert.equal(clean.status, 0);
  writeFileSync(join(dir, '对照检查材料.txt'), '个人对照检查材料\n一、存在的问题\n三、整改措施\n');
  const missing = cli(['check', '--diff', '对照检查材料.txt'], dir);
  assert.equal(missing.status, 1, 'the missing part is left after the fixes');
  assert.match(missing.stdout, /^-三、整改措施\n\+二、整改措施\n$/m);
  const usage = cli(['check', '--diff', '--format', 'json', 'a.txt'], dir);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /--diff prints a unified diff; it cannot be combined with --format json/);
});

test('--fix on a file that cannot be read goes on with the others and exits 2', () => {
  const dir = folder('unreadable');
  writeFileSync(join(dir, 'b.txt'), '一、甲\n三、乙\n');
  const r = cli(['check', '--fix', 'missing.txt', 'b.txt'], dir);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /missing\.txt/);
  assert.equal(readFileSync(join(dir, 'b.txt'), 'utf8'), '一、甲\n二、乙\n');
});

test('--help lists each exit code once, with what --fix, --diff and similar make of it, in English and Chinese', () => {
  for (const [lang, heading] of [
    ['C', 'Exit codes:'],
    ['zh_CN.UTF-8', '退出码：'],
  ]) {
    const help = cli(['--help'], TMP, lang).stdout;
    const codes = help.slice(help.indexOf(heading)).split(/\n\n/)[0];
    assert.deepEqual(codes.match(/^ {2}\d/gm), ['  0', '  1', '  2'], lang);
    assert.match(codes, /--fix.*\n.*--diff|--fix 或 --diff/, lang);
    assert.match(codes, /similar/, lang);
  }
});

test('--fix applies the typography fixes too, as --help and the README say', () => {
  const dir = folder('typography');
  writeFileSync(join(dir, 'a.txt'), '工作总结\n一、甲\n文字,内容;2023-2024年。\n');
  const r = cli(['check', '--fix', 'a.txt'], dir);
  assert.equal(readFileSync(join(dir, 'a.txt'), 'utf8'), '工作总结\n一、甲\n文字，内容；2023—2024年。\n');
  assert.match(r.stdout, /a\.txt: 3 problems fixed\./);
  assert.match(cli(['--help'], dir).stdout, /--fix .*typography/);
});

test('--diff of a CRLF file prints each line with its \\r, as diff -u does (patch matches the file)', () => {
  const dir = folder('diff-crlf');
  writeFileSync(join(dir, 'a.txt'), '工作总结\r\n一、甲\r\n\r\n三、乙\r\n');
  const r = cli(['check', '--diff', 'a.txt'], dir);
  assert.equal(
    r.stdout,
    ['--- a.txt', '+++ a.txt', '@@ -1,4 +1,4 @@', ' 工作总结\r', ' 一、甲\r', ' \r', '-三、乙\r', '+二、乙\r', ''].join('\n'),
  );
});
